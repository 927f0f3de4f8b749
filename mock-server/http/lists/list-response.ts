// Answers a list request from a page source: a capped plain ListResponse whose totalResults is
// the number returned (AWS-LIST-ENVELOPE, AWS-LIST-TOTAL-IS-PAGE), or a cursor page.
import { canonicalFilter, type GroupFilter, type UserFilter } from '../../../scim/filter.ts';
import { LIST_RESPONSE_URN } from '../../../scim/urns.ts';
import type { ResourcePage, StoredResource } from '../../store/types.ts';
import { decodeCursor, encodeCursor, type CursorScope } from './cursor.ts';
import type { ListParams } from './list-params.ts';

/** Up to `limit` resources after `afterPosition`, in a stable order. */
export type PageSource = (afterPosition: number, limit: number) => ResourcePage;

/** What a cursor is bound to; the filter is made canonical only when a cursor is in play. */
export interface ListScope extends Omit<CursorScope, 'filter'> {
  filter: UserFilter | GroupFilter | undefined;
}

export function listBody(
  params: ListParams,
  listScope: ListScope,
  source: PageSource,
  render: (resource: StoredResource) => Record<string, unknown>,
): Record<string, unknown> {
  if (params.mode === 'plain') {
    const Resources = source(0, params.count).resources.map(render);
    return {
      totalResults: Resources.length,
      itemsPerPage: Resources.length,
      startIndex: 1,
      schemas: [LIST_RESPONSE_URN],
      Resources,
    };
  }
  // AWS-CURSOR-SHAPE: no totalResults or startIndex; the last page has no nextCursor.
  const scope = { ...listScope, filter: canonicalFilter(listScope.filter) };
  const after = params.cursor === '' ? 0 : decodeCursor(params.cursor, scope);
  const page = source(after, params.count);
  const Resources = page.resources.map(render);
  const body: Record<string, unknown> = {
    itemsPerPage: Resources.length,
    schemas: [LIST_RESPONSE_URN],
    Resources,
  };
  if (page.more) body.nextCursor = encodeCursor(scope, page.lastPosition);
  return body;
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
