// `npm run bench:provisioner`: the provisioner engine against the mock (in its own process).
// Initial sync of 10,000 users in 100 groups (~50,000 memberships): wall time, users/s and
// requests sent against the minimum; then one attribute change at 1,000 and 10,000 users, which
// must send exactly one write in a time that does not grow with the directory (the change feed's
// incremental path), and a sync with nothing changed. Exits 1 on a miss.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { editUser } from '../provisioner/directory/users.ts';
import { buildDesiredState } from '../provisioner/desired-state.ts';
import { syncApps } from '../provisioner/engine/sync.ts';
import { openStateDb } from '../provisioner/state/db.ts';
import { seedDirectory, userName } from '../test/provisioner/engine/directory-fixture.ts';
import { startTarget } from './lib/target-process.ts';

const GROUPS = 100;
const GROUPS_PER_USER = 5;
const CHANGE_ROUNDS = 7;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Requests may exceed the minimum by this share (the matching reads before creates). */
const MAX_REQUEST_OVERHEAD = 0.05;
/** One-change sync at 10x the directory may take at most this multiple of the time at 1x. */
const MAX_CHANGE_RATIO = 3;

interface SizeResult {
  users: number;
  initialMs: number;
  requests: number;
  minimum: number;
  status: string;
  change: {
    writes: number;
    reads: number;
    medianMs: number;
    desiredStateMs: number;
    /** The PATCH's round trip to the mock, as the audit log timed it. */
    requestMs: number;
    paths: string[];
    idleMs: number;
  };
}

async function runSize(users: number): Promise<SizeResult> {
  const target = await startTarget('mock', { users: 0, groups: 0, membersPerGroup: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'bench-provisioner-'));
  try {
    const db = openStateDb(join(dir, 'state.db'));
    seedDirectory(db, {
      endpoint: target.scimBase,
      token: target.token,
      users,
      groups: GROUPS,
      groupsPerUser: GROUPS_PER_USER,
      app: { concurrency: CONCURRENCY },
    });
    const started = performance.now();
    let lastLine = 0;
    const [initial] = await syncApps(db, ['app1'], {
      onProgress: (line) => {
        if (performance.now() - lastLine < 2000) return;
        lastLine = performance.now();
        process.stderr.write(`  ${line}\n`);
      },
    });
    const initialMs = performance.now() - started;
    const change = await measureChange(db, users);
    db.close();
    return {
      users,
      initialMs,
      requests: initial.requests,
      minimum: minimumRequests(users),
      status: initial.status,
      change,
    };
  } finally {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One user's last name changes, then a sync; repeated, the median counts. A full desired-state
 * build is timed apart, for comparison: the incremental path does not run it.
 */
async function measureChange(db: ReturnType<typeof openStateDb>, users: number) {
  const times: number[] = [];
  const desiredTimes: number[] = [];
  const requestTimes: number[] = [];
  const paths = new Set<string>();
  let writes = 0;
  let reads = 0;
  for (let round = 0; round < CHANGE_ROUNDS; round += 1) {
    editUser(db, userName(Math.floor(users / 2)), { lastName: `Changed${round}` });
    const started = performance.now();
    const [summary] = await syncApps(db, ['app1']);
    times.push(performance.now() - started);
    requestTimes.push(lastRequestMs(db));
    if (summary.writes !== 1 || summary.reads !== 0) explain(db, summary.requests);
    writes = Math.max(writes, summary.writes);
    reads = Math.max(reads, summary.reads);
    paths.add(summary.path ?? 'unknown');
  }
  const idle: number[] = [];
  for (let round = 0; round < CHANGE_ROUNDS; round += 1) {
    const started = performance.now();
    const [summary] = await syncApps(db, ['app1']);
    idle.push(performance.now() - started);
    paths.add(`idle:${summary.path ?? 'unknown'}`);
  }
  // Timed after the syncs: its garbage would otherwise be collected inside a timed sync.
  for (let round = 0; round < CHANGE_ROUNDS; round += 1) {
    const started = performance.now();
    buildDesiredState(db, 'app1');
    desiredTimes.push(performance.now() - started);
  }
  return {
    writes,
    reads,
    medianMs: median(times),
    desiredStateMs: median(desiredTimes),
    requestMs: median(requestTimes),
    paths: [...paths],
    idleMs: median(idle),
  };
}

function lastRequestMs(db: ReturnType<typeof openStateDb>): number {
  return db
    .prepare('SELECT duration_ms FROM engine_audit ORDER BY id DESC LIMIT 1')
    .pluck()
    .get() as number;
}

/** Prints the audit rows of a change sync that sent more than its one write. */
function explain(db: ReturnType<typeof openStateDb>, requests: number): void {
  const rows = db
    .prepare(
      'SELECT operation, subject, method, status, result, attempt, duration_ms AS ms FROM engine_audit ORDER BY id DESC LIMIT ?',
    )
    .all(requests);
  console.error('  a change sync sent more than one request:', rows);
}

function minimumRequests(users: number): number {
  const membersPerGroup = (users * GROUPS_PER_USER) / GROUPS;
  return users + GROUPS + GROUPS * Math.ceil(membersPerGroup / 100);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(small: SizeResult, large: SizeResult): string[] {
  const misses: string[] = [];
  const overhead = large.requests / large.minimum - 1;
  const ratio = large.change.medianMs / small.change.medianMs;
  const usersPerSecond = large.users / (large.initialMs / 1000);
  console.log(
    `initial sync, ${large.users} users in ${GROUPS} groups (${(large.users * GROUPS_PER_USER).toLocaleString('en-US')} memberships), concurrency ${CONCURRENCY}:`,
  );
  console.log(
    `  wall time ${(large.initialMs / 1000).toFixed(1)} s, ${usersPerSecond.toFixed(0)} users/s, status ${large.status}`,
  );
  console.log(
    `  requests ${large.requests} vs minimum ${large.minimum} (+${(overhead * 100).toFixed(2)}%, target ≤ ${MAX_REQUEST_OVERHEAD * 100}%)`,
  );
  console.log(
    `initial sync, ${small.users} users: ${(small.initialMs / 1000).toFixed(1)} s, requests ${small.requests} vs minimum ${small.minimum}`,
  );
  for (const size of [small, large]) {
    const c = size.change;
    console.log(
      `one attribute change at ${size.users} users: ${c.writes} write(s), ${c.reads} read(s), median ${c.medianMs.toFixed(1)} ms, of which the PATCH round trip ${c.requestMs.toFixed(1)} ms (paths: ${c.paths.join(', ')}; a full desired-state build alone takes ${c.desiredStateMs.toFixed(1)} ms)`,
    );
    console.log(`  sync with nothing changed: median ${c.idleMs.toFixed(2)} ms`);
  }
  console.log(
    `  time ratio ${large.users}/${small.users} users: ${ratio.toFixed(2)} (target ≤ ${MAX_CHANGE_RATIO}; directory grew ${large.users / small.users}x)`,
  );
  if (large.status !== 'ok' || small.status !== 'ok') misses.push('initial sync did not finish ok');
  if (overhead > MAX_REQUEST_OVERHEAD)
    misses.push(`requests exceed the minimum by ${(overhead * 100).toFixed(2)}%`);
  for (const size of [small, large]) {
    if (size.change.writes !== 1 || size.change.reads !== 0)
      misses.push(
        `one change at ${size.users} users sent ${size.change.writes} writes and ${size.change.reads} reads`,
      );
  }
  for (const size of [small, large]) {
    if (size.change.paths.join() !== 'incremental,idle:unchanged')
      misses.push(`change syncs at ${size.users} users took paths ${size.change.paths.join(', ')}`);
  }
  if (ratio > MAX_CHANGE_RATIO)
    misses.push(`one-change sync time grew ${ratio.toFixed(2)}x with the directory`);
  return misses;
}

const small = await runSize(1_000);
const large = await runSize(10_000);
const misses = report(small, large);
if (misses.length > 0) {
  console.error(`targets missed:\n  ${misses.join('\n  ')}`);
  process.exit(1);
}
console.log('all targets met');
