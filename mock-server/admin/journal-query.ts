// Turns the admin API's `GET /journal` query string into a JournalQuery, refusing bad numbers.
import { ConfigError } from '../../scim/errors.ts';
import type { JournalQuery } from '../context.ts';

const MAX_LIMIT = 10_000;

export function parseJournalQuery(query: Record<string, unknown>): JournalQuery {
  const result: JournalQuery = {};
  const tenantId = single(query, 'tenantId');
  const method = single(query, 'method');
  const path = single(query, 'path');
  if (tenantId !== undefined) result.tenantId = tenantId;
  if (method !== undefined) result.method = method;
  if (path !== undefined) result.path = path;
  const status = integer(query, 'status', 0, 599);
  const sinceSeq = integer(query, 'sinceSeq', 0, Number.MAX_SAFE_INTEGER);
  const limit = integer(query, 'limit', 1, MAX_LIMIT);
  if (status !== undefined) result.status = status;
  if (sinceSeq !== undefined) result.sinceSeq = sinceSeq;
  if (limit !== undefined) result.limit = limit;
  return result;
}

function single(query: Record<string, unknown>, key: string): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new ConfigError(`journal query: '${key}' must be given once, as a string`);
  }
  return value;
}

function integer(
  query: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const text = single(query, key);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(
      `journal query: '${key}' must be an integer from ${min} to ${max}, got "${text}"`,
    );
  }
  return value;
}
