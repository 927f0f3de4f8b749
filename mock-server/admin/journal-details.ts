// The parts of a journalled request that cost most to redact (time, tenant, path, query,
// headers). The journal keeps them raw and derives them on each read, so a request that is never
// read back never pays for them.
import type { IncomingHttpHeaders } from 'node:http';

import type { JournalEntry } from '../context.ts';
import { bearerSecret, redactHeaders, scrub } from './redact.ts';
import { parseScimPath, pathOf } from './scim-path.ts';

export type RequestDetails = Pick<
  JournalEntry,
  'at' | 'tenantId' | 'path' | 'query' | 'requestHeaders'
>;

/** Express's query parser (`app.get('query parser fn')`), as `req.query` would apply it. */
export type QueryParser = (text: string) => Record<string, unknown>;

/**
 * A request as it crossed the wire: only what the journal cannot derive later (the path and the
 * query text are cut from `url` on read, and the start is a number, not a Date).
 */
export interface RawRequest {
  /** Epoch milliseconds. */
  startedAtMs: number;
  /** The URL as the client sent it, query included. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The mock's admin token: scrubbed wherever it shows, like the request's own credentials. */
  adminToken: string;
  /**
   * The query already parsed, for a URL `parseQuery` would not read as `req.query` did; null
   * to parse the text after the URL's first '?' on read.
   */
  parsedQuery: Record<string, unknown> | null;
  parseQuery: QueryParser | undefined;
}

/**
 * A captured request's id, method, URL and raw headers as one string, so the hot path writes
 * them in one go. Line breaks separate them: Node's HTTP parser refuses a line break in a URL
 * or a header, and the request id is the mock's own.
 */
export function capturedHead(
  requestId: string,
  method: string,
  url: string,
  rawHeaders: readonly string[],
): string {
  return `${requestId}\n${method}\n${url}\n${rawHeaders.join('\n')}`;
}

export interface CapturedHead {
  requestId: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export function readCapturedHead(head: string): CapturedHead {
  const [requestId, method, url, ...rawHeaders] = head.split('\n');
  return { requestId, method, url, headers: headersFromRaw(rawHeaders) };
}

/** The method of a captured head, without splitting the rest. */
export function methodOfCapturedHead(head: string): string {
  const from = head.indexOf('\n') + 1;
  return head.slice(from, head.indexOf('\n', from));
}

/**
 * Headers Node keeps the first of when a request repeats them (http.IncomingMessage.headers);
 * it joins other repeats with ', ', `cookie` with '; ', and collects `set-cookie` in an array.
 */
const FIRST_ONLY = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/** `req.headers` as Node builds it from `req.rawHeaders` (name, value, name, value, ...). */
export function headersFromRaw(rawHeaders: readonly string[]): IncomingHttpHeaders {
  const headers: Record<string, string> & { 'set-cookie'?: string[] } = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = rawHeaders[i + 1];
    if (name === 'set-cookie') {
      (headers['set-cookie'] ??= []).push(value);
      continue;
    }
    const kept = headers[name];
    if (kept === undefined) headers[name] = value;
    else if (!FIRST_ONLY.has(name))
      headers[name] = `${kept}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  return headers;
}

/** Everything to scrub from an entry: the admin token and the credentials the request carried. */
export function secretsOf(raw: Pick<RawRequest, 'headers' | 'adminToken'>): string[] {
  const secrets = [raw.adminToken];
  const bearer = bearerSecret(raw.headers.authorization);
  if (bearer) secrets.push(bearer);
  const adminHeader = raw.headers['x-admin-token'];
  if (typeof adminHeader === 'string') secrets.push(adminHeader);
  return secrets;
}

export function redactRequest(raw: RawRequest, secrets: readonly string[]): RequestDetails {
  const path = pathOf(raw.url);
  return {
    at: new Date(raw.startedAtMs).toISOString(),
    tenantId: parseScimPath(path)?.tenantId ?? null,
    path: scrub(path, secrets),
    query: queryOf(raw, secrets),
    requestHeaders: redactHeaders(raw.headers, secrets),
  };
}

function queryOf(raw: RawRequest, secrets: readonly string[]): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  const parsed = raw.parsedQuery ?? parseQueryText(raw);
  if (!parsed) return result;
  for (const [key, value] of Object.entries(parsed)) {
    result[scrub(key, secrets)] = Array.isArray(value)
      ? value.map((item) => scrub(stringOf(item), secrets))
      : scrub(stringOf(value), secrets);
  }
  return result;
}

function parseQueryText(raw: RawRequest): Record<string, unknown> | undefined {
  const queryAt = raw.url.indexOf('?');
  return queryAt === -1 ? undefined : raw.parseQuery?.(raw.url.slice(queryAt + 1));
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
