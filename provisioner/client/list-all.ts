// Reads every resource a list request matches: cursor paging (`?cursor`, then `nextCursor`),
// falling back to startIndex paging for servers without cursors. Reports whether the read is
// complete, because a truncated list must never be mistaken for "these objects are gone".
import type { RequestLabel, ScimClient } from './scim-client.ts';
import { TargetError } from './target-error.ts';

export interface ScimResource {
  id: string;
  [attribute: string]: unknown;
}

export interface ListResult {
  resources: ScimResource[];
  /** False when the server capped the list and offered no way to read the rest. */
  complete: boolean;
  pages: number;
}

interface ListPage {
  Resources?: ScimResource[];
  totalResults?: number;
  itemsPerPage?: number;
  nextCursor?: string;
}

const PAGE_SIZE = 100;

/** Lists `/Users` or `/Groups`, optionally filtered (`userName eq "x"`). */
export async function listAll(
  client: ScimClient,
  resource: 'Users' | 'Groups',
  filter?: string,
  label: RequestLabel = { operation: `list-${resource.toLowerCase()}`, subject: filter },
): Promise<ListResult> {
  const get = (path: string) => client.request<ListPage>('GET', path, undefined, label);
  const base = `/${resource}?count=${PAGE_SIZE}${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`;
  let first;
  try {
    first = await get(`${base}&cursor`);
  } catch (error) {
    // A server that does not know `cursor` may refuse it; page the classic way instead.
    if (error instanceof TargetError && error.status === 400) return listByIndex(get, base);
    throw error;
  }
  const page = first.body ?? {};
  if (page.totalResults !== undefined && page.nextCursor === undefined) {
    return finishByIndex(get, base, page);
  }
  return followCursor(get, base, page);
}

type Get = (path: string) => Promise<{ body?: ListPage }>;

async function followCursor(get: Get, base: string, page: ListPage): Promise<ListResult> {
  const resources = [...(page.Resources ?? [])];
  let pages = 1;
  for (let cursor = page.nextCursor; cursor; pages += 1) {
    const next = await get(`${base}&cursor=${encodeURIComponent(cursor)}`);
    resources.push(...(next.body?.Resources ?? []));
    cursor = next.body?.nextCursor;
  }
  return { resources, complete: true, pages };
}

async function listByIndex(get: Get, base: string): Promise<ListResult> {
  const first = await get(`${base}&startIndex=1`);
  return finishByIndex(get, base, first.body ?? {});
}

/** Continues from a non-cursor first page; stops when the server ignores startIndex. */
async function finishByIndex(get: Get, base: string, page: ListPage): Promise<ListResult> {
  const resources = [...(page.Resources ?? [])];
  const seen = new Set(resources.map((r) => r.id));
  let pages = 1;
  let total = page.totalResults ?? resources.length;
  while (resources.length < total) {
    const next = await get(`${base}&startIndex=${resources.length + 1}`);
    const fresh = (next.body?.Resources ?? []).filter((r) => !seen.has(r.id));
    pages += 1;
    if (fresh.length === 0) return { resources, complete: false, pages };
    for (const r of fresh) seen.add(r.id);
    resources.push(...fresh);
    total = next.body?.totalResults ?? total;
  }
  // AWS without cursors answers at most 50 or 100 with totalResults equal to that count, so a
  // full page may hide more: call it incomplete rather than guess.
  const capped = page.totalResults === page.Resources?.length && isCap(resources.length);
  return { resources, complete: !capped, pages };
}

function isCap(count: number): boolean {
  return count === 50 || count === PAGE_SIZE;
}

/** Reads at most one page of a filtered list: the lookups (`userName eq`) need nothing more. */
export async function findOne(
  client: ScimClient,
  resource: 'Users' | 'Groups',
  filter: string,
  label: RequestLabel = { operation: 'lookup', subject: filter },
): Promise<ScimResource | undefined> {
  const path = `/${resource}?filter=${encodeURIComponent(filter)}`;
  const response = await client.request<ListPage>('GET', path, undefined, label);
  return response.body?.Resources?.[0];
}

/** A filter value in double quotes, with `\` and `"` escaped (RFC 7644 §3.4.2.2). */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
