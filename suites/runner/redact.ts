// Keeps secrets out of results: the Authorization header keeps its scheme only, and the token
// is replaced wherever else it appears (URLs, bodies, headers).
import type { Exchange } from '../model.ts';

const REDACTED = '[redacted]';

/** A copy of the exchange that holds neither the Authorization value nor the token. */
export function redactExchange(exchange: Exchange, token: string): Exchange {
  const scrub = (text: string): string => (token ? text.split(token).join(REDACTED) : text);
  const scrubJson = (value: unknown): unknown =>
    value === undefined ? undefined : (JSON.parse(scrub(JSON.stringify(value))) as unknown);
  return {
    ...exchange,
    url: scrub(exchange.url),
    requestHeaders: redactHeaders(exchange.requestHeaders, scrub),
    requestBody: scrubJson(exchange.requestBody),
    responseHeaders: redactHeaders(exchange.responseHeaders, scrub),
    responseBody: scrubJson(exchange.responseBody),
  };
}

function redactHeaders(
  headers: Record<string, string>,
  scrub: (text: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = name.toLowerCase() === 'authorization' ? redactAuthorization(value) : scrub(value);
  }
  return out;
}

/** `Bearer abc` becomes `Bearer [redacted]`; a value with no scheme becomes `[redacted]`. */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED;
}
