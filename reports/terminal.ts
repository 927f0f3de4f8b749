// The few lines a run prints when it ends: verdict, counts, the failures and where the HTML report
// is; coloured only for a person at a terminal.
import type { CheckResult, RunReport } from '../suites/model.ts';
import { sortResults } from './order.ts';
import {
  OUTCOMES,
  OUTCOME_LABELS,
  VERDICT_LABELS,
  formatDuration,
  summaryCounts,
  verdictOf,
  type Verdict,
} from './outcomes.ts';
import { redactReport } from './redact.ts';

export interface SummaryOptions {
  colour: boolean;
  /** Printed last, so the path is easy to copy. */
  htmlPath?: string;
  /** Failures listed by name before the rest are only counted; default 10. */
  maxFailures?: number;
  secrets?: readonly string[];
}

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', bold: '\u001b[1m' };
const VERDICT_COLOUR: Record<Verdict, string> = {
  passed: ANSI.green,
  failed: ANSI.red,
  empty: ANSI.yellow,
};

/** Colour is for people: off when piped, under CI, with NO_COLOR or on a dumb terminal. */
export function shouldUseColour(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (stream.isTTY !== true) return false;
  if (env.CI || env.NO_COLOR) return false;
  return env.TERM !== 'dumb';
}

function paint(text: string, code: string, colour: boolean): string {
  return colour ? `${code}${text}\u001b[0m` : text;
}

function countsLine(report: RunReport): string {
  const counts = summaryCounts(report.summary);
  const parts = OUTCOMES.filter(
    (outcome) => counts[outcome] > 0 || outcome === 'passed' || outcome === 'failed',
  ).map((outcome) => `${counts[outcome]} ${OUTCOME_LABELS[outcome]}`);
  return `${report.summary.total} checks: ${parts.join(', ')}`;
}

function failureLine(result: CheckResult, colour: boolean): string {
  const message = result.message ? `: ${result.message}` : '';
  return `  - ${paint(result.id, ANSI.red, colour)} ${result.title} [${result.level}]${message}`;
}

function failureLines(results: CheckResult[], max: number, colour: boolean): string[] {
  const failed = results.filter((result) => result.outcome === 'failed');
  if (failed.length === 0) return [];
  const listed = failed.slice(0, max).map((result) => failureLine(result, colour));
  const rest = failed.length - listed.length;
  return ['Failed:', ...listed, ...(rest > 0 ? [`  … and ${rest} more in the HTML report`] : [])];
}

function fixedLines(results: CheckResult[]): string[] {
  const fixed = results.filter((result) => result.outcome === 'fixed-deviation');
  if (fixed.length === 0) return [];
  const ids = fixed.map((result) => result.id).join(', ');
  return [`Fixed deviations, now passing (remove them from the expectations file): ${ids}`];
}

export function summaryLines(report: RunReport, options: SummaryOptions): string[] {
  const { colour, htmlPath, maxFailures = 10 } = options;
  const safe = redactReport(report, options.secrets);
  const results = sortResults(safe.results);
  const verdict = verdictOf(safe.summary);
  const label = paint(VERDICT_LABELS[verdict], `${ANSI.bold}${VERDICT_COLOUR[verdict]}`, colour);
  const target = `${safe.target.url} (${safe.target.profile}, seed ${safe.seed})`;
  return [
    `${label} scim-harness run ${safe.runId} against ${target} in ${formatDuration(safe.durationMs)}`,
    countsLine(safe),
    ...failureLines(results, maxFailures, colour),
    ...fixedLines(results),
    ...(htmlPath ? [`HTML report: ${htmlPath}`] : []),
  ];
}
