// Helpers shared by the filter checks: listing ids by filter, and the check shape (area
// filters, needs filter support advertised).
import type { Check, CheckContext } from '../../runner/check.ts';
import { ensure, expectStatus } from './expect.ts';

export async function listIds(
  ctx: CheckContext,
  collection: string,
  filter: string,
): Promise<string[]> {
  const response = await ctx.http.get(collection, { filter });
  expectStatus(response, 200, `GET ${collection}?filter=${filter}`);
  ensure(
    typeof response.body?.totalResults === 'number',
    `GET ${collection}?filter=${filter}: no totalResults`,
  );
  return ((response.body.Resources ?? []) as { id: string }[]).map((resource) => resource.id);
}

export function filterCheck(
  spec: Omit<Check, 'area' | 'requires' | 'level'> & Partial<Pick<Check, 'level'>>,
): Check {
  return { area: 'filters', level: 'MUST', requires: ['filter'], ...spec };
}

/** A filter AWS refuses with its generic 400 and the RFC answers: `expectIds` says with what. */
