// Answers a list request from a page source: a capped plain ListResponse whose totalResults is
// the number returned (AWS-LIST-ENVELOPE, AWS-LIST-TOTAL-IS-PAGE), or a cursor page.
import { canonicalFilter, type GroupFilter, type UserFilter } from '../../../scim/filter.ts';
import { LIST_RESPONSE_URN } from '../../../scim/urns.ts';
import type { ResourcePage, StoredResource } from '../../store/types.ts';
import { decodeCursor, encodeCursor, type CursorScope } from './cursor.ts';
import type { ListParams } from './list-params.ts';

const SCHEMAS = JSON.stringify([LIST_RESPONSE_URN]);

/** Up to `limit` resources after `afterPosition`, in a stable order. */
export type PageSource = (afterPosition: number, limit: number) => ResourcePage;

/** What a cursor is bound to; the filter is made canonical only when a cursor is in play. */
export interface ListScope extends Omit<CursorScope, 'filter'> {
  filter: UserFilter | GroupFilter | undefined;
}

/**
 * The list answer as JSON text, in the pieces it is written in. Each resource comes as its own
 * kept JSON text (`JsonCache`), so the envelope is written around the pieces rather than
 * serialized as one object, and the pieces are never joined: the socket writes them together, and
 * the journal keeps the same strings instead of a copy of the whole page. The key order is that
 * of AWS's examples.
 */
export function listParts(
  params: ListParams,
  listScope: ListScope,
  source: PageSource,
  json: (resource: StoredResource) => string,
): string[] {
  if (params.mode === 'plain') {
    const resources = source(0, params.count).resources;
    return [plainHead(resources.length), ...interleaved(resources, json), ']}'];
  }
  // AWS-CURSOR-SHAPE: no totalResults or startIndex; the last page has no nextCursor.
  const scope = { ...listScope, filter: canonicalFilter(listScope.filter) };
  const after = params.cursor === '' ? 0 : decodeCursor(params.cursor, scope);
  const page = source(after, params.count);
  const head = cursorHead(page.resources.length);
  const tail = page.more
    ? `],"nextCursor":${JSON.stringify(encodeCursor(scope, page.lastPosition))}}`
    : ']}';
  return [head, ...interleaved(page.resources, json), tail];
}

// A page's head depends only on its size, so each is made once: the journal keeps a busy mock's
// list answers in their pieces (sendJsonParts), and shared heads cost it nothing.
const plainHeads: string[] = [];
const cursorHeads: string[] = [];

function plainHead(n: number): string {
  return (plainHeads[n] ??=
    `{"totalResults":${n},"itemsPerPage":${n},"startIndex":1,"schemas":${SCHEMAS},"Resources":[`);
}

function cursorHead(n: number): string {
  return (cursorHeads[n] ??= `{"itemsPerPage":${n},"schemas":${SCHEMAS},"Resources":[`);
}

/** Each resource's text with a comma piece between them. */
function interleaved(
  resources: readonly StoredResource[],
  json: (resource: StoredResource) => string,
): string[] {
  const parts: string[] = [];
  for (const resource of resources) {
    if (parts.length > 0) parts.push(',');
    parts.push(json(resource));
  }
  return parts;
}

/** Where each resource stands in its table's order (a ResourceTable). */
export interface Positions {
  positionOf(id: string): number | undefined;
}

/** A source over a few resources found through an index, already in store order. */
export function candidateSource(candidates: StoredResource[], table: Positions): PageSource {
  return (afterPosition, limit) => {
    // A first page that holds every candidate needs no positions: nothing comes after it, and
    // `lastPosition` is only read to make a cursor when more follow.
    if (afterPosition <= 0 && candidates.length <= limit) {
      return { resources: candidates, lastPosition: afterPosition, more: false };
    }
    const placed = candidates.map((resource) => ({
      resource,
      at: table.positionOf(resource.id) ?? 0,
    }));
    const after = placed.filter((entry) => entry.at > afterPosition);
    const taken = after.slice(0, Math.max(limit, 0));
    return {
      resources: taken.map((entry) => entry.resource),
      lastPosition: taken.at(-1)?.at ?? afterPosition,
      more: after.length > taken.length,
    };
  };
}

/** A source over one side of the membership index, paged by join order. */
export function memberSource(
  ids: {
    page(after: number, limit: number): { ids: string[]; lastPosition: number; more: boolean };
  },
  lookup: (id: string) => StoredResource | undefined,
): PageSource {
  return (afterPosition, limit) => {
    const page = ids.page(afterPosition, limit);
    const resources = page.ids.map(lookup).filter((found) => found !== undefined);
    return { resources, lastPosition: page.lastPosition, more: page.more };
  };
}
