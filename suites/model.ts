// The contract between the suites and the reporters: one run's results, as plain data.

export type Level = 'MUST' | 'SHOULD' | 'MAY';

export type SuiteName = 'service-provider' | 'provisioner' | 'flow';

/**
 * passed / failed: as expected or not. not-applicable: the target does not advertise the feature.
 * known-deviation: failed, and the target's expectations file records it with a reason.
 * fixed-deviation: passed although the expectations file records it as a known deviation.
 */
export type Outcome =
  'passed' | 'failed' | 'not-applicable' | 'known-deviation' | 'fixed-deviation';

/** One HTTP request and its response, as a check saw it; tokens are redacted before storing. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  durationMs: number;
}

export interface CheckResult {
  /** Requirement id, stable across runs, e.g. `SP-USER-CREATE-201`. */
  id: string;
  suite: SuiteName;
  /** Area for the report's table, e.g. `discovery`, `users`, `filters`, `patch`, `auth`. */
  area: string;
  title: string;
  level: Level;
  /** What it checks: RFC sections (`RFC 7644 §3.5.2`) and AWS behaviour ids (`AWS-…`). */
  references: string[];
  outcome: Outcome;
  durationMs: number;
  /** Why it failed, in one or two sentences. */
  message?: string;
  /** Why it is not applicable or a known deviation. */
  reason?: string;
  exchanges: Exchange[];
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  notApplicable: number;
  knownDeviation: number;
  fixedDeviation: number;
}

export interface RunReport {
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  target: { url: string; kind: 'built-in-mock' | 'remote'; profile: 'aws' | 'rfc7644' };
  seed: number;
  suites: SuiteName[];
  summary: RunSummary;
  /** Sorted by suite, then id, so the JSON report is stable. */
  results: CheckResult[];
}
