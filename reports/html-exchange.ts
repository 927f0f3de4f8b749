// The HTML for a failed check: its message, references and every exchange, request beside response.
import type { CheckResult, Exchange } from '../suites/model.ts';
import { escapeAttribute, escapeMarkup as esc } from './escape.ts';
import { formatBody, formatHeaders } from './exchange-text.ts';
import { outcomeLabel } from './outcomes.ts';

/** A fragment id for a check; suites may share ids, so the suite is part of it. */
export function checkAnchor(result: CheckResult): string {
  return `check-${result.suite}-${result.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

function side(title: string, headers: Record<string, string>, body: unknown): string {
  return [
    `<div class="side"><h4>${title}</h4>`,
    `<pre class="headers">${esc(formatHeaders(headers))}</pre>`,
    `<pre class="body">${esc(formatBody(body))}</pre></div>`,
  ].join('');
}

export function exchangeHtml(exchange: Exchange, index: number, open: boolean): string {
  const heading = `${index + 1}. ${exchange.method} ${exchange.url} → ${exchange.status}`;
  return [
    `<details class="exchange"${open ? ' open' : ''}>`,
    `<summary>${esc(heading)} <small>(${Math.round(exchange.durationMs)} ms)</small></summary>`,
    '<div class="pair">',
    side('Request', exchange.requestHeaders, exchange.requestBody),
    side(`Response ${exchange.status}`, exchange.responseHeaders, exchange.responseBody),
    '</div></details>',
  ].join('\n');
}

/** `RFC 7644 §3.5.2` links to that section; anything else (AWS ids) stays text. */
export function referenceHtml(reference: string): string {
  const match = /^RFC\s*(\d+)(?:\s*§\s*([\d.]*\d))?/.exec(reference);
  if (!match) return `<code>${esc(reference)}</code>`;
  const anchor = match[2] ? `#section-${match[2]}` : '';
  const href = `https://www.rfc-editor.org/rfc/rfc${match[1]}${anchor}`;
  return `<a href="${escapeAttribute(href)}">${esc(reference)}</a>`;
}

function whyHtml(result: CheckResult): string {
  if (result.outcome !== 'known-deviation') {
    return `<p class="message">${esc(result.message ?? 'no message recorded')}</p>`;
  }
  const reason = `<p class="message">known deviation: ${esc(result.reason ?? 'no reason recorded')}</p>`;
  return result.message ? `${reason}\n<p>${esc(result.message)}</p>` : reason;
}

/** One failure (or known deviation): what went wrong, then the exchanges that show it. */
export function checkDetailHtml(result: CheckResult, open: boolean): string {
  const references = result.references.map(referenceHtml).join(', ') || 'no references';
  const exchanges = result.exchanges.map((exchange, i) => exchangeHtml(exchange, i, open));
  return [
    `<article class="check" data-outcome="${escapeAttribute(result.outcome)}" id="${escapeAttribute(checkAnchor(result))}">`,
    `<h3><code>${esc(result.id)}</code> ${esc(result.title)}</h3>`,
    `<p>${esc(`${result.suite} / ${result.area}`)} · ${esc(result.level)} · `,
    `<span class="outcome o-${escapeAttribute(result.outcome)}">${esc(outcomeLabel(result.outcome))}</span> · `,
    `${references}</p>`,
    whyHtml(result),
    exchanges.length > 0 ? exchanges.join('\n') : '<p>No exchanges were recorded.</p>',
    '</article>',
  ].join('\n');
}
