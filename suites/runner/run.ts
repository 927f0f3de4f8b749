// Runs suites against a target and returns the RunReport the reporters consume (suites/model.ts).
import { randomBytes } from 'node:crypto';

import type { CheckResult, RunReport, RunSummary } from '../model.ts';
import { levelFor, type Profile, type SuiteDefinition } from './check.ts';
import type { CheckState } from './check-state.ts';
import type { CleanupFailure } from './cleanup.ts';
import { applyExpectation, differsFromExpectations, type Expectations } from './expectations.ts';
import { executeChecks } from './mocha-runner.ts';
import type { Target } from './target.ts';

export interface RunOptions {
  suites: readonly SuiteDefinition[];
  profile: Profile;
  target: Target;
  seed: number;
  readOnly?: boolean;
  grep?: string;
  expectations?: Expectations;
  /** Aborting stops after the check in progress; created resources are still deleted. */
  signal?: AbortSignal;
}

export interface RunOutcome {
  report: RunReport;
  /** What could not be deleted at the end; the user may have to remove it by hand. */
  cleanupFailures: CleanupFailure[];
  /** True when results differ from the expectations: the exit code is then non-zero. */
  differs: boolean;
}

export async function runSuites(options: RunOptions): Promise<RunOutcome> {
  const startedAt = new Date();
  const runId = `${startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  const execution = await executeChecks({
    suites: options.suites,
    profile: options.profile,
    target: options.target,
    seed: options.seed,
    namePrefix: `scimh-${runId.slice(-6)}-`,
    readOnly: options.readOnly ?? false,
    grep: options.grep,
    signal: options.signal,
  });
  const results = execution.states
    .map((state) => toResult(state, options))
    .sort((a, b) => a.suite.localeCompare(b.suite) || a.id.localeCompare(b.id));
  const finishedAt = new Date();
  const report: RunReport = {
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    target: { url: options.target.baseUrl, kind: options.target.kind, profile: options.profile },
    seed: options.seed,
    suites: options.suites.map((suite) => suite.name),
    summary: summarise(results),
    results,
  };
  return {
    report,
    cleanupFailures: execution.cleanupFailures,
    differs: differsFromExpectations(results),
  };
}

function toResult(state: CheckState, options: RunOptions): CheckResult {
  const { check } = state;
  const expected = options.expectations?.[check.id];
  const outcome = applyExpectation(state.raw ?? 'failed', expected);
  const result: CheckResult = {
    id: check.id,
    suite: options.suites[state.suiteIndex].name,
    area: check.area,
    title: check.title,
    level: levelFor(check, options.profile),
    references: [...check.references],
    outcome,
    durationMs: state.durationMs,
    exchanges: state.exchanges,
  };
  if (state.message) result.message = state.message;
  const reason =
    outcome === 'known-deviation' || outcome === 'fixed-deviation'
      ? expected?.reason
      : state.reason;
  if (reason) result.reason = reason;
  return result;
}

export function summarise(results: readonly CheckResult[]): RunSummary {
  const count = (outcome: CheckResult['outcome']): number =>
    results.filter((result) => result.outcome === outcome).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    notApplicable: count('not-applicable'),
    knownDeviation: count('known-deviation'),
    fixedDeviation: count('fixed-deviation'),
  };
}
