// The JSON report: the whole run, redacted, keys sorted and results in suite-then-id order, so the
// same run always gives the same bytes and two runs diff cleanly.
import type { RunReport } from '../suites/model.ts';
import { compareText, sortResults } from './order.ts';
import { redactReport } from './redact.ts';
import { writeReportFile, type Reporter, type WriteOptions } from './reporter.ts';

export const JSON_FILE_NAME = 'report.json';

/** A copy with every object's keys in code-unit order; arrays keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
}

export function renderJson(report: RunReport, options: WriteOptions = {}): string {
  const safe = redactReport(report, options.secrets);
  const ordered = { ...safe, results: sortResults(safe.results) };
  return `${JSON.stringify(sortKeys(ordered), null, 2)}\n`;
}

export const jsonReporter: Reporter = {
  name: 'json',
  write: (report, dir, options) =>
    writeReportFile(dir, JSON_FILE_NAME, renderJson(report, options)),
};
