// One convergence run under injected faults, shared by the short test and `npm run bench:faults`:
// a seeded directory, a first sync and a wave of changes, each rerun until it reports ok.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FaultRule, JournalEntry } from '../../../mock-server/context.ts';
import type { RunningMock } from '../../../mock-server/server.ts';
import { Provisioner } from '../../../provisioner/api.ts';
import { buildDesiredState } from '../../../provisioner/desired-state.ts';
import { syncApps } from '../../../provisioner/engine/sync.ts';
import type { SyncSummary } from '../../../provisioner/engine/summary.ts';
import { seedDirectory, userName } from '../../provisioner/engine/directory-fixture.ts';
import { lastSeq, startMock } from '../../provisioner/engine/harness.ts';
import { expectTargetEquals } from './target-check.ts';

const KINDS: FaultRule[] = [
  { kind: 'status', status: 429 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop' },
  { kind: 'latency', latencyMs: 20 },
];

/**
 * Rules that hit `rate` of all requests, split evenly over the five kinds. The mock walks rules
 * in order and the first status or drop ends the walk, so each later rule's rate is conditional
 * on the earlier ones missing; latency comes last and only lands on requests no other rule hit.
 */
export function faultRules(rate: number): FaultRule[] {
  const share = rate / KINDS.length;
  return KINDS.map((rule, i) => ({ ...rule, rate: share / (1 - i * share) }));
}

export interface FaultRunOptions {
  users: number;
  groups: number;
  rate: number;
  seed: number;
  /** Syncs allowed per phase before the run counts as not converged. */
  maxRuns?: number;
}

export interface FaultRunResult {
  /** Requests the mock received (faulted ones included) during the syncs. */
  requests: number;
  /** Of those, answered by an injected 429/500/503 or a dropped connection. */
  faulted: number;
  /** Requests the provisioner counted, retries included. */
  clientRequests: number;
  /** Syncs needed: first provisioning, then the wave of changes. */
  runs: [number, number];
  syncMs: number;
  /** Writes a reconcile after the faults were cleared still had to send (0 when converged). */
  writesAfter: number;
}

/** Runs the scenario on a fresh mock and state, asserts the target equals the directory. */
export async function convergeUnderFaults(options: FaultRunOptions): Promise<FaultRunResult> {
  const mock = await startMock();
  const dir = mkdtempSync(join(tmpdir(), 'scim-harness-faults-'));
  const provisioner = Provisioner.open({ statePath: join(dir, 'state.db') });
  try {
    seedDirectory(provisioner.db, {
      endpoint: mock.scimBaseUrl(),
      token: mock.token,
      users: options.users,
      groups: options.groups,
      groupsPerUser: 2,
      app: { concurrency: 8 },
    });
    if (options.rate > 0) {
      await mock.admin.setFaults({ seed: options.seed, rules: faultRules(options.rate) });
    }
    const seq = await lastSeq(mock);
    const started = performance.now();
    const first = await syncUntilOk(provisioner, options.maxRuns ?? 5);
    await changeWave(provisioner, options);
    const second = await syncUntilOk(provisioner, options.maxRuns ?? 5);
    const syncMs = performance.now() - started;
    const requests = (await lastSeq(mock)) - seq;
    const faulted = (await journalSince(mock, seq)).filter((e) =>
      /status|drop/.test(e.fault ?? ''),
    ).length;
    await mock.admin.clearFaults();

    await expectTargetEquals(mock, buildDesiredState(provisioner.db, 'app1'));
    const [check] = await syncApps(provisioner.db, ['app1'], { reconcile: true });
    const clientRequests = [...first.summaries, ...second.summaries].reduce(
      (sum, s) => sum + s.requests,
      0,
    );
    return {
      requests,
      faulted,
      clientRequests,
      runs: [first.summaries.length, second.summaries.length],
      syncMs,
      writesAfter: check.writes,
    };
  } finally {
    provisioner.close();
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every journal entry after `seq`, read in pages of the admin API's largest size. */
export async function journalSince(mock: RunningMock, seq: number): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for (;;) {
    const page = await mock.admin.journal({ sinceSeq: seq, limit: 10_000 });
    if (page.length === 0) return entries;
    entries.push(...page);
    seq = page.at(-1)!.seq;
  }
}

/** Reruns sync until it reports ok; throws with every summary when it never does. */
export async function syncUntilOk(provisioner: Provisioner, maxRuns: number) {
  const summaries: SyncSummary[] = [];
  while (summaries.length < maxRuns) {
    const [summary] = await syncApps(provisioner.db, ['app1']);
    summaries.push(summary);
    if (summary.status === 'ok') return { summaries };
  }
  const lines = summaries.map((s) => `${s.status}: ${s.message ?? ''} ${s.failures.join('; ')}`);
  throw new Error(`sync did not report ok in ${maxRuns} runs:\n${lines.join('\n')}`);
}

/** Edits, deactivations and membership removals, saved without a sync (`defer`). */
async function changeWave(provisioner: Provisioner, options: FaultRunOptions): Promise<void> {
  const defer = { defer: true };
  for (let i = 0; i < options.users; i += 7) {
    await provisioner.editUser(userName(i), { displayName: `Edited ${i}` }, defer);
  }
  // Not the edited ones: an inactive user's edits wait for its reactivation (see target-check).
  for (let i = 3; i < options.users; i += 11) {
    if (i % 7 !== 0) await provisioner.deactivateUser(userName(i), defer);
  }
  // Each user sits in groups i and i+1, so leaving the first keeps the user in scope.
  for (let i = 1; i < options.users; i += 5) {
    const group = `Group ${String(i % options.groups).padStart(3, '0')}`;
    await provisioner.unassign(group, [userName(i)], defer);
  }
}
