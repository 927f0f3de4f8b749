// The HTML report's overview: verdict and counts, run metadata, the per-area table and the table
// of every requirement with its level, references and outcome.
import type { CheckResult, Outcome, RunReport } from '../suites/model.ts';
import { escapeAttribute, escapeMarkup as esc } from './escape.ts';
import { checkAnchor, referenceHtml } from './html-exchange.ts';
import { groupBy } from './order.ts';
import {
  OUTCOMES,
  OUTCOME_LABELS,
  VERDICT_LABELS,
  countOutcomes,
  formatDuration,
  outcomeLabel,
  summaryCounts,
  verdictOf,
} from './outcomes.ts';

/** ` (1 MUST, 1 SHOULD)`: how serious the failures are, at a glance. */
function failedLevels(results: readonly CheckResult[]): string {
  const failed = results.filter((result) => result.outcome === 'failed');
  const levels = (['MUST', 'SHOULD', 'MAY'] as const)
    .map((level) => [level, failed.filter((result) => result.level === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`);
  return levels.length > 0 ? ` (${levels.join(', ')})` : '';
}

export function summaryHtml(report: RunReport): string {
  const verdict = verdictOf(report.summary);
  const counts = summaryCounts(report.summary);
  const tiles = OUTCOMES.map(
    (outcome) =>
      `<li class="o-${outcome}"><b>${counts[outcome]}</b>${OUTCOME_LABELS[outcome]}</li>`,
  );
  return [
    '<section id="summary">',
    `<p><span class="verdict ${verdict}">${VERDICT_LABELS[verdict]}</span> `,
    `${report.summary.failed} of ${report.summary.total} checks failed${failedLevels(report.results)}</p>`,
    `<ul class="tiles"><li><b>${report.summary.total}</b>checks</li>${tiles.join('')}</ul>`,
    '</section>',
  ].join('\n');
}

export function metadataHtml(report: RunReport): string {
  const rows: Array<[string, string]> = [
    ['Target URL', report.target.url],
    ['Target', report.target.kind],
    ['Profile', report.target.profile],
    ['Seed', String(report.seed)],
    ['Suites', report.suites.join(', ')],
    ['Started', report.startedAt],
    ['Finished', report.finishedAt],
    ['Duration', formatDuration(report.durationMs)],
    ['Run id', report.runId],
  ];
  const items = rows.map(([name, value]) => `<dt>${name}</dt><dd>${esc(value)}</dd>`);
  return `<section id="run"><h2>Run</h2><dl class="meta">${items.join('')}</dl></section>`;
}

function countCells(counts: Record<Outcome, number>): string {
  return OUTCOMES.map((outcome) => `<td class="num">${counts[outcome]}</td>`).join('');
}

export function areaTableHtml(results: readonly CheckResult[]): string {
  const head = OUTCOMES.map((outcome) => `<th class="num">${OUTCOME_LABELS[outcome]}</th>`);
  const rows = groupBy(results, (result) => `${result.suite} / ${result.area}`).map(
    ([name, members]) =>
      `<tr><th>${esc(name)}</th><td class="num">${members.length}</td>${countCells(countOutcomes(members))}</tr>`,
  );
  return [
    '<section id="areas"><h2>Areas</h2><table>',
    `<thead><tr><th>Suite / area</th><th class="num">checks</th>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

function noteHtml(result: CheckResult): string {
  const note = result.outcome === 'failed' ? result.message : result.reason;
  if (result.outcome !== 'failed' && result.outcome !== 'known-deviation') return esc(note ?? '');
  const link = `<a href="#${escapeAttribute(checkAnchor(result))}">details</a>`;
  return `${esc(note ?? '')} ${link}`;
}

function requirementRow(result: CheckResult): string {
  return [
    `<tr data-outcome="${escapeAttribute(result.outcome)}">`,
    `<td class="id"><code>${esc(result.id)}</code></td><td>${esc(result.title)}</td>`,
    `<td>${esc(result.level)}</td><td>${result.references.map(referenceHtml).join(', ')}</td>`,
    `<td class="outcome o-${escapeAttribute(result.outcome)}">${esc(outcomeLabel(result.outcome))}</td>`,
    `<td class="num">${formatDuration(result.durationMs)}</td><td>${noteHtml(result)}</td></tr>`,
  ].join('');
}

function filtersHtml(): string {
  const boxes = OUTCOMES.map(
    (outcome) =>
      `<label><input type="checkbox" value="${outcome}" checked> ${OUTCOME_LABELS[outcome]}</label>`,
  );
  return `<p class="filters" id="filters" hidden>Show: ${boxes.join('')}</p>`;
}

export function requirementsHtml(results: readonly CheckResult[]): string {
  const groups = groupBy(results, (result) => `${result.suite} / ${result.area}`).map(
    ([name, members]) =>
      `<tbody><tr class="area"><th colspan="7">${esc(name)}</th></tr>\n${members.map(requirementRow).join('\n')}</tbody>`,
  );
  return [
    '<section id="requirements"><h2>Requirements</h2>',
    filtersHtml(),
    '<table><thead><tr><th>Id</th><th>Requirement</th><th>Level</th><th>References</th>',
    '<th>Outcome</th><th class="num">Time</th><th>Note</th></tr></thead>',
    groups.join('\n'),
    '</table></section>',
  ].join('\n');
}
