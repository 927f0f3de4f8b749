// Reads a list request's query: the filter, and whether it is a capped plain list (AWS-LIST-CAP,
// AWS-LIST-COUNT) or a cursor page (AWS-CURSOR-START, AWS-CURSOR-COUNT-RANGE). Other parameters
// (startIndex, attributes, excludedAttributes, sortBy) are ignored (AWS-LIST-IGNORED-PARAMS).
import { ScimError } from '../../../scim/errors.ts';
import type { MockProfile } from '../../profile.ts';

export type ListParams =
  | { mode: 'plain'; filter: string | undefined; count: number }
  | { mode: 'cursor'; filter: string | undefined; count: number; cursor: string };

const CURSOR_PAGE_MAX = 100;

export function readListParams(query: Record<string, unknown>, profile: MockProfile): ListParams {
  const filter = single(query.filter, 'filter');
  // A bare `?cursor` parses as ''; the legacy endpoint has no cursor mode and ignores it.
  if (profile.cursorPaging && query.cursor !== undefined) {
    const cursor = single(query.cursor, 'cursor') ?? '';
    return { mode: 'cursor', filter, cursor, count: cursorCount(query.count) };
  }
  return { mode: 'plain', filter, count: plainCount(query.count, profile.listCap) };
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw ScimError.invalid(`query parameter '${name}' given more than once`);
}

/** AWS-CURSOR-COUNT-RANGE: 1 to 100, default 100; anything else is a 400. */
function cursorCount(value: unknown): number {
  if (value === undefined) return CURSOR_PAGE_MAX;
  const count = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (count >= 1 && count <= CURSOR_PAGE_MAX) return count;
  throw ScimError.invalid(
    `count ${JSON.stringify(value)} is out of range; cursor pages take 1 to ${CURSOR_PAGE_MAX}`,
    'AWS-CURSOR-COUNT-RANGE',
  );
}

/** AWS-LIST-COUNT: honoured up to the cap, larger clamped; a negative count is 0 (RFC 7644). */
function plainCount(value: unknown, cap: number): number {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return cap;
  return Math.min(Math.max(Number(value), 0), cap);
}
