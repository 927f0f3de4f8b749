// The JUnit XML report for CI: one testsuite per suite and area, one testcase per check; failures
// carry the exchanges that show them, known deviations and not-applicable checks are skipped.
import type { CheckResult, RunReport } from '../suites/model.ts';
import { escapeAttribute, escapeMarkup } from './escape.ts';
import { exchangeText } from './exchange-text.ts';
import { groupBy, sortResults } from './order.ts';
import { redactReport } from './redact.ts';
import { writeReportFile, type Reporter, type WriteOptions } from './reporter.ts';

export const JUNIT_FILE_NAME = 'junit.xml';

function attributes(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function failureText(result: CheckResult): string {
  const head = [
    result.message ?? 'failed',
    `level: ${result.level}`,
    `references: ${result.references.join(', ') || '(none)'}`,
  ];
  const exchanges = result.exchanges.map(
    (exchange, index) =>
      `--- exchange ${index + 1} of ${result.exchanges.length}\n${exchangeText(exchange)}`,
  );
  return [...head, ...exchanges].join('\n');
}

function caseBody(result: CheckResult): string {
  switch (result.outcome) {
    case 'failed': {
      const attrs = attributes({ message: result.message ?? 'failed', type: result.level });
      return `<failure${attrs}>${escapeMarkup(failureText(result))}</failure>`;
    }
    case 'not-applicable':
      return `<skipped${attributes({ message: result.reason ?? 'not applicable' })}/>`;
    case 'known-deviation':
      return `<skipped${attributes({ message: `known deviation: ${result.reason ?? 'no reason recorded'}` })}/>`;
    case 'fixed-deviation':
      return `<system-out>${escapeMarkup(
        'fixed deviation: passes although the expectations file records it as a known deviation; ' +
          'remove that entry',
      )}</system-out>`;
    case 'passed':
      return '';
  }
}

function testcase(result: CheckResult): string {
  const attrs = attributes({
    classname: result.area,
    name: `${result.id} ${result.title}`,
    time: seconds(result.durationMs),
  });
  const body = caseBody(result);
  return body === '' ? `    <testcase${attrs}/>` : `    <testcase${attrs}>${body}</testcase>`;
}

function counts(results: readonly CheckResult[]): Record<string, number> {
  const skipped = results.filter(
    (r) => r.outcome === 'not-applicable' || r.outcome === 'known-deviation',
  ).length;
  return {
    tests: results.length,
    failures: results.filter((r) => r.outcome === 'failed').length,
    errors: 0,
    skipped,
  };
}

function properties(report: RunReport): string {
  const props = {
    'run.id': report.runId,
    'target.url': report.target.url,
    'target.kind': report.target.kind,
    'target.profile': report.target.profile,
    seed: report.seed,
  };
  const lines = Object.entries(props).map(
    ([name, value]) => `      <property${attributes({ name, value })}/>`,
  );
  return ['    <properties>', ...lines, '    </properties>'].join('\n');
}

function testsuite(name: string, results: CheckResult[], report: RunReport): string {
  const time = results.reduce((sum, result) => sum + result.durationMs, 0);
  const attrs = attributes({
    name,
    ...counts(results),
    time: seconds(time),
    timestamp: report.startedAt,
  });
  return [
    `  <testsuite${attrs}>`,
    properties(report),
    ...results.map(testcase),
    '  </testsuite>',
  ].join('\n');
}

export function renderJunit(report: RunReport, options: WriteOptions = {}): string {
  const safe = redactReport(report, options.secrets);
  const results = sortResults(safe.results);
  const suites = groupBy(results, (result) => `${result.suite}/${result.area}`);
  const attrs = attributes({
    name: `scim-harness ${safe.runId}`,
    ...counts(results),
    time: seconds(safe.durationMs),
    timestamp: safe.startedAt,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs}>`,
    ...suites.map(([name, members]) => testsuite(name, members, safe)),
    '</testsuites>',
    '',
  ].join('\n');
}

export const junitReporter: Reporter = {
  name: 'junit',
  write: (report, dir, options) =>
    writeReportFile(dir, JUNIT_FILE_NAME, renderJunit(report, options)),
};
