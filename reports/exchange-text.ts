// Plain-text renderings of an exchange: what a person needs to see to reproduce a failure.
import type { Exchange } from '../suites/model.ts';

/** JSON pretty-printed with 2 spaces; a string holding JSON is pretty-printed too. */
export function formatBody(body: unknown): string {
  if (body === undefined) return '(no body)';
  if (typeof body !== 'string') return JSON.stringify(body, null, 2);
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? JSON.stringify(parsed, null, 2) : body;
  } catch {
    return body === '' ? '(empty body)' : body;
  }
}

export function formatHeaders(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return lines.length > 0 ? lines.join('\n') : '(no headers)';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

/** Request then response, each a heading line, then headers, a blank line and the body. */
export function exchangeText(exchange: Exchange): string {
  return [
    `> ${exchange.method} ${exchange.url}`,
    indent(formatHeaders(exchange.requestHeaders)),
    '',
    indent(formatBody(exchange.requestBody)),
    `< ${exchange.status} (${Math.round(exchange.durationMs)} ms)`,
    indent(formatHeaders(exchange.responseHeaders)),
    '',
    indent(formatBody(exchange.responseBody)),
  ].join('\n');
}
