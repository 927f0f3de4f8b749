// `npm run bench:mock`: drives the mock over loopback with autocannon at 1,000 and 100,000 users,
// against a bare Express baseline, prints rates and latencies, checks the targets (issue 2) and
// writes bench/results/mock-<time>.json. Exits 1 when a target is missed.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { walkUsers, type WalkFigures } from './lib/cursor-walk.ts';
import { Bench, type BenchSettings, type Row } from './lib/measure.ts';
import { pinLoadGenerator } from './lib/pinning.ts';
import { check, megabytes, table, type Check } from './lib/report.ts';
import type { ScenarioName } from './lib/scenarios.ts';
import { startTarget, type Target } from './lib/target-process.ts';

const SETTINGS: BenchSettings = {
  durationSeconds: Number(process.env.BENCH_DURATION ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  warmupSeconds: 1,
};
const SIZES = { 'mock-1k': 1_000, 'mock-100k': 100_000 } as const;
const SIZE_SCENARIOS: ScenarioName[] = ['post-user', 'patch-user', 'patch-group-add-100'];

type EqBest = Record<string, { requestsPerSecond: number; requestsPerCpuSecond: number }>;

/**
 * `userName eq` at both sizes and on the baseline, in interleaved rounds; the best round of each
 * counts, since outside load on the host only ever lowers a rate.
 */
async function measureUserNameEq(bench: Bench, targets: Record<string, Target>): Promise<EqBest> {
  const best: EqBest = {};
  for (const target of Object.values(targets)) await bench.warm(target, 'list-username-eq');
  for (let round = 1; round <= bench.settings.rounds; round++) {
    for (const [label, target] of Object.entries(targets)) {
      const row = await bench.measure(
        target,
        label,
        'list-username-eq',
        `list-username-eq #${round}`,
      );
      const previous = best[label] ?? { requestsPerSecond: 0, requestsPerCpuSecond: 0 };
      best[label] = {
        requestsPerSecond: Math.max(previous.requestsPerSecond, row.requestsPerSecond),
        requestsPerCpuSecond: Math.max(previous.requestsPerCpuSecond, row.requestsPerCpuSecond),
      };
    }
  }
  return best;
}

async function measureSize(
  bench: Bench,
  target: Target,
  label: keyof typeof SIZES,
): Promise<WalkFigures> {
  await bench.warm(target, 'get-user-by-id');
  await bench.measure(target, label, 'get-user-by-id');
  // The walk runs before any user is created, so it must see exactly the seeded users.
  const walk = await walkUsers(target);
  if (walk.users !== SIZES[label]) {
    throw new Error(
      `[scim-harness] cursor walk on ${label} saw ${walk.users} users, expected ${SIZES[label]}`,
    );
  }
  for (const scenario of SIZE_SCENARIOS) {
    await bench.warm(target, scenario);
    await bench.measure(target, label, scenario);
  }
  return walk;
}

function plan(users: number) {
  return { users, groups: Math.max(1, users / 100), membersPerGroup: 50 };
}

function checksOf(eq: EqBest, rssBytes: number, rows: Row[]): Check[] {
  const ratio = (a: string, b: string, key: keyof EqBest[string]) => eq[a][key] / eq[b][key];
  return [
    // TODO(bench-100k-ratio): passed in 3 of 8 runs on 2026-12-04 (0.839-0.921), the lookup being
    // one index read; the heap of 100k users costs 5-25% CPU a request. Remove when it passes
    // every run (README, Performance).
    check(
      'userName-eq rate 100k / 1k',
      ratio('mock-100k', 'mock-1k', 'requestsPerSecond'),
      '>=',
      0.9,
    ),
    check(
      'userName-eq rate 100k / baseline',
      ratio('mock-100k', 'baseline', 'requestsPerSecond'),
      '>=',
      0.75,
    ),
    check('RSS with 100k users (MB)', megabytes(rssBytes), '<', 400),
    check(
      'answers outside 2xx',
      rows.reduce((sum, row) => sum + row.failures, 0),
      '<',
      1,
    ),
    check(
      'bare Express 100k / 1k (context)',
      ratio('baseline', 'baseline-1k', 'requestsPerSecond'),
      '>=',
      0.9,
      false,
    ),
    check(
      'per CPU-s: userName-eq 100k / 1k',
      ratio('mock-100k', 'mock-1k', 'requestsPerCpuSecond'),
      '>=',
      0.9,
      false,
    ),
    check(
      'per CPU-s: userName-eq 100k / baseline',
      ratio('mock-100k', 'baseline', 'requestsPerCpuSecond'),
      '>=',
      0.75,
      false,
    ),
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const bench = new Bench(SETTINGS, Date.now().toString(36));
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(`bench:mock on ${os.cpus().length} cores, load average ${load}`);
  console.log(
    `targets in child processes; autocannon in this one ` +
      `(${SETTINGS.connections} connections, ${SETTINGS.durationSeconds} s a load)`,
  );
  const pinning = pinLoadGenerator();
  console.log(
    pinning
      ? `pinned: autocannon on CPU ${pinning.loadCpus}, every target on CPU ` +
          `${pinning.targetCpus} (BENCH_PIN=0 turns this off)`
      : 'not pinned: targets and autocannon share the CPUs',
  );
  const targets = {
    'mock-1k': await startTarget('mock', plan(SIZES['mock-1k']), pinning),
    'mock-100k': await startTarget('mock', plan(SIZES['mock-100k']), pinning),
    baseline: await startTarget('baseline', plan(SIZES['mock-100k']), pinning),
    // Not a target of the issue: the bare app's own 100k/1k ratio shows what a bigger heap costs
    // any Node server (V8's collections grow with it), apart from anything the mock does.
    'baseline-1k': await startTarget('baseline', plan(SIZES['mock-1k']), pinning),
  };
  bench.watch(Object.values(targets));
  try {
    const seeded = await targets['mock-100k'].stats(true);
    console.log(
      `seeded 1k in ${Math.round(targets['mock-1k'].seedMs)} ms, ` +
        `100k in ${Math.round(targets['mock-100k'].seedMs)} ms; ` +
        `RSS ${megabytes(seeded.rss)} MB, heap ${megabytes(seeded.heapUsed)} MB`,
    );
    const eq = await measureUserNameEq(bench, targets);
    const walks = {
      'mock-1k': await measureSize(bench, targets['mock-1k'], 'mock-1k'),
      'mock-100k': await measureSize(bench, targets['mock-100k'], 'mock-100k'),
    };
    const loaded = await targets['mock-100k'].stats(true);
    // The claim is the memory of a mock holding 100k users: read after seeding and a GC.
    // After the loads RSS also holds the users and memberships the write loads added, the journal,
    // and pages V8 keeps after a GC; it is printed beside the live heap, not gated.
    const rss = seeded.rss;
    const checks = checksOf(eq, rss, bench.rows);
    print(bench.rows, eq, walks, checks, loaded.heapUsed);
    console.log(`RSS of mock-100k after the loads (not gated): ${megabytes(loaded.rss)} MB`);
    const seconds = (Date.now() - started) / 1000;
    await save({
      settings: SETTINGS,
      pinning,
      loadAverage: os.loadavg(),
      seconds,
      eq,
      walks,
      rssBytes: rss,
      rssAfterLoadsBytes: loaded.rss,
      heapAfterLoadsBytes: loaded.heapUsed,
      rows: bench.rows,
      checks,
    });
    return checks.every((c) => c.passed || !c.gating) ? 0 : 1;
  } finally {
    await Promise.all(Object.values(targets).map((target) => target.stop()));
  }
}

function print(
  rows: Row[],
  eq: EqBest,
  walks: Record<string, WalkFigures>,
  checks: Check[],
  heap: number,
): void {
  const header = [
    'scenario',
    'target',
    'req/s',
    'p50 ms',
    'p99 ms',
    'requests',
    'failures',
    'CPU ms/req',
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.target,
    r.requestsPerSecond,
    r.p50Ms,
    r.p99Ms,
    r.requests,
    r.failures,
    r.cpuMsPerRequest,
  ]);
  console.log(`\n${table(header, body)}`);
  const best = Object.entries(eq).map(([label, b]) => [
    label,
    b.requestsPerSecond,
    b.requestsPerCpuSecond,
  ]);
  console.log(`\n${table(['userName eq, best round', 'req/s', 'req per CPU-s'], best)}`);
  const walkRows = Object.entries(walks).map(([label, w]) => [
    label,
    w.pages,
    w.users,
    w.totalMs,
    w.pagesPerSecond,
  ]);
  console.log(`\n${table(['cursor walk', 'pages', 'users', 'total ms', 'pages/s'], walkRows)}`);
  console.log(`\nheap of mock-100k after the loads: ${megabytes(heap)} MB`);
  const checkRows = checks.map((c) => [
    c.name,
    c.value,
    c.target,
    c.passed ? 'ok' : c.gating ? 'MISSED' : 'missed (info)',
  ]);
  console.log(`\n${table(['check', 'value', 'target', 'result'], checkRows)}`);
}

async function save(result: object): Promise<void> {
  const directory = new URL('./results/', import.meta.url);
  await mkdir(directory, { recursive: true });
  const file = new URL(`mock-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, directory);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${file.pathname}`);
}

process.exitCode = await main();
