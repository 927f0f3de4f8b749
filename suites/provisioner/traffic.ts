// Reading what a provisioner sent, from the mock's journal: which resource a request touched,
// which member changes a group PATCH carries, which attributes a user PATCH names.
import type { JournalEntry } from '../../mock-server/context.ts';
import type { Exchange } from '../model.ts';

export interface MemberChange {
  op: string;
  /** Member values the operation names; a `members[value eq "x"]` path counts as one. */
  count: number;
  /** Replaces the member list (AWS-PATCH-NO-REPLACE-MEMBERS). */
  replaces: boolean;
  /** Removes members with no value: removes them all (AWS-PATCH-NO-REMOVE-ALL). */
  removesAll: boolean;
}

type Operation = { op?: unknown; path?: unknown; value?: unknown };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The path below `/scim/v2`: `/Users/abc`, `/Groups`. */
export function resourcePath(entry: JournalEntry): string {
  const at = entry.path.indexOf('/scim/v2');
  return at < 0 ? entry.path : entry.path.slice(at + '/scim/v2'.length);
}

export function isWrite(entry: JournalEntry): boolean {
  return WRITES.has(entry.method);
}

/** True when the entry is `method` on the collection (`/Users`) or one of its resources. */
export function touches(entry: JournalEntry, method: string, collection: '/Users' | '/Groups') {
  const path = resourcePath(entry);
  return entry.method === method && (path === collection || path.startsWith(`${collection}/`));
}

/** The id in `/Users/{id}` or `/Groups/{id}`, or undefined for a collection path. */
export function resourceId(entry: JournalEntry): string | undefined {
  return /^\/(?:Users|Groups)\/([^/?]+)/.exec(resourcePath(entry))?.[1];
}

export function filterOf(entry: JournalEntry): string | undefined {
  const filter = entry.query.filter;
  return Array.isArray(filter) ? filter[0] : filter;
}

export function operationsOf(entry: JournalEntry): Operation[] {
  const operations = (entry.requestBody as { Operations?: unknown } | undefined)?.Operations;
  return Array.isArray(operations) ? (operations as Operation[]) : [];
}

/** The member changes of a group PATCH, one per operation that concerns members. */
export function memberChanges(entry: JournalEntry): MemberChange[] {
  return operationsOf(entry).flatMap((operation) => {
    const op = String(operation.op).toLowerCase();
    const path = typeof operation.path === 'string' ? operation.path.trim() : undefined;
    const noPathMembers =
      path === undefined && typeof operation.value === 'object' && operation.value !== null
        ? (operation.value as { members?: unknown }).members
        : undefined;
    if (path === undefined && noPathMembers === undefined) return [];
    if (path !== undefined && !/^members\b/i.test(path)) return [];
    const values = path === undefined ? noPathMembers : operation.value;
    const count = Array.isArray(values) ? values.length : path?.includes('[') ? 1 : 0;
    return [
      {
        op,
        count,
        replaces: op === 'replace',
        removesAll: op === 'remove' && count === 0,
      },
    ];
  });
}

/** Attribute paths a user PATCH names; a no-path value counts each of its leaf attributes. */
export function touchedAttributes(entry: JournalEntry): string[] {
  return operationsOf(entry).flatMap((operation) => {
    if (typeof operation.path !== 'string') return leafPaths(operation.value, '');
    const path = normalisePath(operation.path);
    const value = operation.value;
    // `{"path": "name", "value": {"familyName": …}}` touches name.familyName only.
    const nested = typeof value === 'object' && value !== null && !Array.isArray(value);
    return nested ? leafPaths(value, path) : [path];
  });
}

function normalisePath(path: string): string {
  // `name.familyName`, `emails[type eq "work"].value` → `emails.value`.
  return path.replace(/\[[^\]]*\]/g, '').replace(/^urn:[^.]*:User:/, '');
}

function leafPaths(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return prefix === '' ? [] : [prefix];
  }
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? leafPaths(inner, path)
      : [path];
  });
}

/** The journal entry as an Exchange for the report; the journal already redacted the token. */
export function toExchange(entry: JournalEntry, origin: string): Exchange {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(entry.query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  const query = search.size > 0 ? `?${search.toString()}` : '';
  const exchange: Exchange = {
    method: entry.method,
    url: `${origin}${entry.path}${query}`,
    requestHeaders: entry.requestHeaders,
    status: entry.status,
    responseHeaders: {},
    durationMs: entry.durationMs,
  };
  if (entry.requestBody !== null && entry.requestBody !== undefined) {
    exchange.requestBody = entry.requestBody;
  }
  if (entry.responseBody !== null && entry.responseBody !== undefined) {
    exchange.responseBody = entry.responseBody;
  }
  return exchange;
}
