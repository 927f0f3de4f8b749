// The short terminal summary of a run; colour only on a TTY outside CI (and never with NO_COLOR).
import type { CheckResult, RunReport } from '../model.ts';
import type { CleanupFailure } from './cleanup.ts';

export interface SummaryOptions {
  colour: boolean;
  reportPaths: string[];
  cleanupFailures: CleanupFailure[];
}

/** Colour when writing to a terminal, outside CI, unless NO_COLOR is set. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.CI && env.NO_COLOR === undefined;
}

export function formatSummary(report: RunReport, options: SummaryOptions): string {
  const paint = painter(options.colour);
  const { summary, target } = report;
  const lines = [
    `scim-harness test: ${report.suites.join(', ')} | profile ${target.profile} | ${target.url} (${target.kind}) | seed ${report.seed}`,
    `${summary.total} checks: ${paint('green', `${summary.passed} passed`)}, ` +
      `${paint('red', `${summary.failed} failed`)}, ${summary.notApplicable} not applicable, ` +
      `${summary.knownDeviation} known deviations, ${paint('yellow', `${summary.fixedDeviation} fixed deviations`)}`,
  ];
  lines.push(...section('failed', results(report, 'failed'), paint));
  lines.push(
    ...section(
      'fixed deviations (run with --update-expectations to record)',
      results(report, 'fixed-deviation'),
      paint,
    ),
  );
  for (const failure of options.cleanupFailures) {
    lines.push(paint('yellow', `cleanup: could not ${failure.what}: ${failure.message}`));
  }
  for (const path of options.reportPaths) lines.push(`report: ${path}`);
  return `${lines.join('\n')}\n`;
}

function results(report: RunReport, outcome: CheckResult['outcome']): CheckResult[] {
  return report.results.filter((result) => result.outcome === outcome);
}

function section(title: string, entries: CheckResult[], paint: Painter): string[] {
  if (entries.length === 0) return [];
  return [
    `${title}:`,
    ...entries.map(
      (entry) =>
        `  ${paint('red', entry.id)} [${entry.level}] ${entry.title}${entry.message ? `: ${entry.message}` : ''}`,
    ),
  ];
}

type Painter = (colour: 'red' | 'green' | 'yellow', text: string) => string;

const CODES = { red: 31, green: 32, yellow: 33 } as const;

function painter(enabled: boolean): Painter {
  return (colour, text) => (enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text);
}
