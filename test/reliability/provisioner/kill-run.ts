// SIGKILL at seeded random points of a CLI sync, repeated, then one run to the end; shared by
// the short test and `npm run bench:kill`. The mock runs in this process, each sync in a child.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { expect } from 'chai';

import { seededRandom } from '../../../mock-server/admin/seeded-random.ts';
import type { RunningMock } from '../../../mock-server/server.ts';
import { listAll } from '../../../provisioner/client/list-all.ts';
import { ScimClient } from '../../../provisioner/client/scim-client.ts';
import { buildDesiredState } from '../../../provisioner/desired-state.ts';
import { openStateDb } from '../../../provisioner/state/db.ts';
import { seedDirectory } from '../../provisioner/engine/directory-fixture.ts';
import { lastSeq, startMock } from '../../provisioner/engine/harness.ts';
import { journalSince } from './fault-run.ts';
import { expectTargetEquals } from './target-check.ts';

export interface KillRunOptions {
  users: number;
  groups: number;
  kills: number;
  seed: number;
  /** Each kill lands this many ms (drawn uniformly from 0 up) after the child's first request. */
  windowMs: number;
  /** Added to every answer while killing, so the sync lasts past all the kill points. */
  latencyMs: number;
}

export interface KillRunResult {
  /** Kill points that landed while the sync was running. */
  killed: number;
  /** Delays (ms after the first request) of those kill points. */
  delaysMs: number[];
  /** Writes each killed run got answered before it died (0: killed while reading). */
  writesPerKill: number[];
  /** Intents (writes of unknown outcome) left after each kill, for the next run to resolve. */
  pendingIntents: number[];
  /** Users on the target when the final run started. */
  usersBeforeFinal: number;
  finalMs: number;
  /** Requests the mock got over all runs. */
  requests: number;
  /** 409s (a create that found its user already there) among the journal's retained entries. */
  conflicts: number;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function spawnSync(state: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'cli/main.ts', '--state', state, 'sync'],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exit };
}

/** Waits for the child's first request, or its exit; true when a request came first. */
async function firstRequest(mock: RunningMock, seq: number, exit: Promise<Exit>): Promise<boolean> {
  let exited = false;
  void exit.then(() => (exited = true));
  while (!exited) {
    if ((await mock.admin.journal({ sinceSeq: seq, limit: 1 })).length > 0) return true;
    await sleep(5);
  }
  return false;
}

export async function killAndConverge(options: KillRunOptions): Promise<KillRunResult> {
  const mock = await startMock();
  const dir = mkdtempSync(join(tmpdir(), 'scim-harness-kill-'));
  const state = join(dir, 'state.db');
  try {
    const db = openStateDb(state);
    seedDirectory(db, {
      endpoint: mock.scimBaseUrl(),
      token: mock.token,
      users: options.users,
      groups: options.groups,
      groupsPerUser: 2,
      app: { concurrency: 8 },
    });
    db.close();
    const start = await lastSeq(mock);
    if (options.latencyMs > 0) {
      await mock.admin.setFaults({ rules: [{ kind: 'latency', latencyMs: options.latencyMs }] });
    }
    const random = seededRandom(options.seed);
    const delaysMs: number[] = [];
    const writesPerKill: number[] = [];
    const pendingIntents: number[] = [];
    while (delaysMs.length < options.kills) {
      const seq = await lastSeq(mock);
      const run = spawnSync(state);
      const delay = Math.round(random() * options.windowMs);
      if (await firstRequest(mock, seq, run.exit)) await sleep(delay);
      run.child.kill('SIGKILL');
      const exit = await run.exit;
      // A run that ended before its kill point finished the sync: nothing is left to interrupt.
      if (exit.signal !== 'SIGKILL') {
        expect(exit.code, exit.output).to.equal(0);
        break;
      }
      delaysMs.push(delay);
      const sent = await journalSince(mock, seq);
      writesPerKill.push(sent.filter((e) => e.method !== 'GET').length);
      pendingIntents.push(countIntents(state));
    }

    await mock.admin.clearFaults();
    const usersBeforeFinal = await countUsers(mock);
    const started = performance.now();
    const final = await spawnSync(state).exit;
    const finalMs = performance.now() - started;
    expect(final.code, final.output).to.equal(0);
    const after = openStateDb(state);
    try {
      await expectTargetEquals(mock, buildDesiredState(after, 'app1'));
      expect(after.prepare('SELECT COUNT(*) AS n FROM engine_intents').get()).to.deep.equal({
        n: 0,
      });
    } finally {
      after.close();
    }
    const journal = await journalSince(mock, start);
    const seq = await lastSeq(mock);
    const requests = seq - start;
    const again = await spawnSync(state).exit;
    expect(again.code, again.output).to.equal(0);
    expect(await journalSince(mock, seq), 'a run after convergence sends nothing').to.deep.equal(
      [],
    );
    return {
      killed: delaysMs.length,
      delaysMs,
      writesPerKill,
      pendingIntents,
      usersBeforeFinal,
      finalMs,
      requests,
      conflicts: journal.filter((e) => e.status === 409).length,
    };
  } finally {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countUsers(mock: RunningMock): Promise<number> {
  const client = new ScimClient({ baseUrl: mock.scimBaseUrl(), token: mock.token, concurrency: 2 });
  try {
    return (await listAll(client, 'Users')).resources.length;
  } finally {
    client.close();
  }
}

function countIntents(state: string): number {
  const db = openStateDb(state);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM engine_intents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
