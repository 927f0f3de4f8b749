// The HTML report for people: one self-contained file (inline CSS, an optional inline script that a
// Content-Security-Policy pins by hash) with the verdict, the requirements and every failure.
import { createHash } from 'node:crypto';

import type { RunReport } from '../suites/model.ts';
import { escapeAttribute, escapeMarkup as esc } from './escape.ts';
import { FILTER_SCRIPT, STYLE } from './html-assets.ts';
import { checkDetailHtml } from './html-exchange.ts';
import { areaTableHtml, metadataHtml, requirementsHtml, summaryHtml } from './html-sections.ts';
import { sortResults } from './order.ts';
import { redactReport } from './redact.ts';
import { writeReportFile, type Reporter, type WriteOptions } from './reporter.ts';

export const HTML_FILE_NAME = 'report.html';

function sourceHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Only this file's own style and script may run, so escaped-but-hostile content stays inert. */
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sourceHash(STYLE)}`,
    `script-src ${sourceHash(FILTER_SCRIPT)}`,
  ].join('; ');
}

function detailsSection(id: string, title: string, body: string[]): string {
  if (body.length === 0) return '';
  return [`<section id="${id}"><h2>${title}</h2>`, ...body, '</section>'].join('\n');
}

export function renderHtml(report: RunReport, options: WriteOptions = {}): string {
  const safe = redactReport(report, options.secrets);
  const results = sortResults(safe.results);
  const failures = results.filter((result) => result.outcome === 'failed');
  const deviations = results.filter((result) => result.outcome === 'known-deviation');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy())}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`SCIM harness report ${safe.runId}`)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<header><h1>SCIM conformance report</h1><p>${esc(safe.target.url)}</p></header>`,
    summaryHtml(safe),
    metadataHtml(safe),
    areaTableHtml(results),
    detailsSection(
      'failures',
      'Failures',
      failures.map((result) => checkDetailHtml(result, true)),
    ),
    requirementsHtml(results),
    detailsSection(
      'deviations',
      'Known deviations',
      deviations.map((result) => checkDetailHtml(result, false)),
    ),
    `<script>${FILTER_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

export const htmlReporter: Reporter = {
  name: 'html',
  write: (report, dir, options) =>
    writeReportFile(dir, HTML_FILE_NAME, renderHtml(report, options)),
};
