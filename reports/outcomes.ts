// How outcomes are named, counted and turned into a verdict, worded once for every reporter.
import type { CheckResult, Outcome, RunSummary } from '../suites/model.ts';

/** Worst first: the order reports list outcomes in. */
export const OUTCOMES: readonly Outcome[] = [
  'failed',
  'known-deviation',
  'fixed-deviation',
  'not-applicable',
  'passed',
];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  failed: 'failed',
  'known-deviation': 'known deviation',
  'fixed-deviation': 'fixed deviation',
  'not-applicable': 'not applicable',
  passed: 'passed',
};

/** The label, or the raw value when a report read back from JSON holds an outcome we do not know. */
export function outcomeLabel(outcome: Outcome): string {
  return (OUTCOME_LABELS as Partial<Record<string, string>>)[outcome] ?? String(outcome);
}

export type Verdict = 'passed' | 'failed' | 'empty';

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  passed: 'PASSED',
  failed: 'FAILED',
  empty: 'NO CHECKS RAN',
};

/** A run fails on any unexpected failure; known deviations do not fail it. */
export function verdictOf(summary: RunSummary): Verdict {
  if (summary.total === 0) return 'empty';
  return summary.failed > 0 ? 'failed' : 'passed';
}

export function countOutcomes(results: readonly CheckResult[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    Outcome,
    number
  >;
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}

/** The summary's counts keyed by outcome, in the model's field names' order. */
export function summaryCounts(summary: RunSummary): Record<Outcome, number> {
  return {
    failed: summary.failed,
    'known-deviation': summary.knownDeviation,
    'fixed-deviation': summary.fixedDeviation,
    'not-applicable': summary.notApplicable,
    passed: summary.passed,
  };
}

/** `1.25 s` or `850 ms`: short enough for a table cell. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
