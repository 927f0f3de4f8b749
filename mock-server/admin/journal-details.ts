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
