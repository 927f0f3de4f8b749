// Blanks credentials out of what the reporters write: Authorization-like headers always, and every
// occurrence of a known secret anywhere, even where a check should never have put it.
import type { CheckResult, Exchange, RunReport } from '../suites/model.ts';

export const REDACTED = '[redacted]';

const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

/** Non-empty secrets plus their URL-encoded forms, longest first so no fragment survives. */
function searchTerms(secrets: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    terms.add(secret);
    terms.add(encodeURIComponent(secret));
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

function replaceTerms(text: string, terms: readonly string[]): string {
  return terms.reduce((out, term) => out.split(term).join(REDACTED), text);
}

/** Replaces every occurrence of each secret in `text`. */
export function redactText(text: string, secrets: readonly string[]): string {
  return replaceTerms(text, searchTerms(secrets));
}

function redactValue(value: unknown, terms: readonly string[]): unknown {
  if (typeof value === 'string') return replaceTerms(value, terms);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, terms));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      replaceTerms(key, terms),
      redactValue(item, terms),
    ]),
  );
}

/** Keeps the scheme (`Bearer`, `Basic`) so the report still says how the request authenticated. */
function redactCredential(value: string): string {
  const [scheme, ...rest] = value.trim().split(/\s+/);
  const hasScheme = rest.length > 0 && /^[A-Za-z][\w-]*$/.test(scheme ?? '');
  return hasScheme ? `${scheme} ${REDACTED}` : REDACTED;
}

function redactHeaders(
  headers: Record<string, string>,
  terms: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      replaceTerms(name, terms),
      CREDENTIAL_HEADERS.has(name.toLowerCase())
        ? redactCredential(value)
        : replaceTerms(value, terms),
    ]),
  );
}

export function redactExchange(exchange: Exchange, secrets: readonly string[] = []): Exchange {
  const terms = searchTerms(secrets);
  const out: Exchange = {
    ...exchange,
    url: replaceTerms(exchange.url, terms),
    requestHeaders: redactHeaders(exchange.requestHeaders, terms),
    responseHeaders: redactHeaders(exchange.responseHeaders, terms),
  };
  if ('requestBody' in exchange) out.requestBody = redactValue(exchange.requestBody, terms);
  if ('responseBody' in exchange) out.responseBody = redactValue(exchange.responseBody, terms);
  return out;
}

/** Redacts a check's exchanges and its free text (message, reason, title). */
export function redactResult(result: CheckResult, secrets: readonly string[] = []): CheckResult {
  const out: CheckResult = {
    ...result,
    title: redactText(result.title, secrets),
    exchanges: result.exchanges.map((exchange) => redactExchange(exchange, secrets)),
  };
  if (result.message !== undefined) out.message = redactText(result.message, secrets);
  if (result.reason !== undefined) out.reason = redactText(result.reason, secrets);
  return out;
}

/** The whole report as the reporters may write it. */
export function redactReport(report: RunReport, secrets: readonly string[] = []): RunReport {
  return {
    ...report,
    target: { ...report.target, url: redactText(report.target.url, secrets) },
    results: report.results.map((result) => redactResult(result, secrets)),
  };
}
