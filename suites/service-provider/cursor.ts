// Cursor paging as AWS documents it for 2025 (DG-LU, DG-LG): a bare ?cursor starts it, pages
// carry nextCursor only, and misuse of a cursor is a 400 (AWS-CURSOR-*).
import type { JsonBody } from '../runner/json.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import type { Query } from '../runner/http-client.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEqual, expectStatus } from './support/expect.ts';
import { userPool } from './support/resources.ts';

const CURSOR_SHAPE = /^[-a-zA-Z0-9+=/:_]*$/;

async function page(ctx: CheckContext, collection: string, query: Query): Promise<JsonBody> {
  const response = await ctx.http.get(collection, query);
  expectStatus(response, 200, `GET ${collection} (cursor)`);
  return response.body as JsonBody;
}

/** Every id of the collection, walking cursor pages of `count`. */
async function walk(
  ctx: CheckContext,
  collection: string,
  count: number,
): Promise<{ ids: string[]; pages: JsonBody[] }> {
  const ids: string[] = [];
  const pages: JsonBody[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const body = await page(ctx, collection, { cursor, count });
    pages.push(body);
    ids.push(...((body.Resources ?? []) as { id: string }[]).map((resource) => resource.id));
    if (!body.nextCursor) return { ids, pages };
    cursor = String(body.nextCursor);
  }
  throw new Error(`cursor walk of ${collection} did not end after 1000 pages`);
}

async function firstCursor(ctx: CheckContext, query: Query = {}): Promise<string> {
  await userPool(ctx, 3);
  const body = await page(ctx, '/Users', { cursor: null, count: 1, ...query });
  ensure(typeof body.nextCursor === 'string', 'the first cursor page has no nextCursor');
  return body.nextCursor;
}

function cursorCheck(
  spec: Omit<Check, 'area' | 'level' | 'profiles' | 'requires'> & Partial<Pick<Check, 'level'>>,
): Check {
  return { area: 'cursor', level: 'MUST', profiles: ['aws'], requires: ['cursor'], ...spec };
}

function refusedCursor(
  id: string,
  title: string,
  references: string[],
  query: (ctx: CheckContext) => Promise<Query>,
): Check {
  return cursorCheck({
    id,
    title,
    references,
    run: async (ctx) =>
      expectError(ctx, await ctx.http.get('/Users', await query(ctx)), 400, title),
  });
}

export const CURSOR_CHECKS: readonly Check[] = [
  cursorCheck({
    id: 'SP-CURSOR-START',
    title: 'a bare ?cursor answers itemsPerPage and nextCursor, without totalResults or startIndex',
    references: ['AWS-CURSOR-START', 'AWS-CURSOR-SHAPE'],
    run: async (ctx) => {
      await userPool(ctx, 3);
      const body = await page(ctx, '/Users', { cursor: null, count: 2 });
      expectEqual(body.itemsPerPage, body.Resources?.length, 'itemsPerPage');
      ensure(typeof body.nextCursor === 'string', 'no nextCursor although more users follow');
      ensure(
        !('totalResults' in body) && !('startIndex' in body),
        'a cursor page carries totalResults or startIndex',
      );
    },
  }),
  cursorCheck({
    id: 'SP-CURSOR-EMPTY-VALUE',
    title: 'cursor= (empty value) also starts cursor paging',
    references: ['AWS-CURSOR-START'],
    run: async (ctx) => {
      await userPool(ctx, 3);
      const body = await page(ctx, '/Users', { cursor: '', count: 2 });
      ensure(
        typeof body.nextCursor === 'string' && !('totalResults' in body),
        'cursor= did not start cursor paging',
      );
    },
  }),
  cursorCheck({
    id: 'SP-CURSOR-SHAPE',
    title: 'nextCursor matches [-a-zA-Z0-9+=/:_]*',
    references: ['AWS-CURSOR-SHAPE'],
    run: async (ctx) => {
      const cursor = await firstCursor(ctx);
      ensure(
        CURSOR_SHAPE.test(cursor),
        `nextCursor ${cursor} has characters outside [-a-zA-Z0-9+=/:_]`,
      );
    },
  }),
  cursorCheck({
    id: 'SP-CURSOR-WALK-USERS',
    title: 'walking /Users by cursor sees every user once and ends without nextCursor',
    references: ['AWS-CURSOR-SHAPE', 'AWS-CURSOR-START'],
    timeoutMs: 120_000,
    run: async (ctx) => {
      const pool = (await userPool(ctx, 5)).map((user) => user.id);
      const { ids, pages } = await walk(ctx, '/Users', 2);
      expectEqual(new Set(ids).size, ids.length, 'distinct ids');
      for (const id of pool) ensure(ids.includes(id), `the walk missed user ${id}`);
      ensure(!('nextCursor' in pages.at(-1)!), 'the last page carries nextCursor');
    },
  }),
  cursorCheck({
    id: 'SP-CURSOR-WALK-GROUPS',
    title: 'cursor paging works on /Groups',
    references: ['AWS-CURSOR-START'],
    run: async (ctx) => {
      const { ids } = await walk(ctx, '/Groups', 100);
      expectEqual(new Set(ids).size, ids.length, 'distinct ids');
    },
  }),
  cursorCheck({
    id: 'SP-CURSOR-WITH-FILTER',
    title: 'a cursor walk with a userName filter answers the one user and no nextCursor',
    references: ['AWS-CURSOR-START', 'AWS-FILTER-USER-ATTRS'],
    run: async (ctx) => {
      const [user] = await userPool(ctx, 1);
      const body = await page(ctx, '/Users', {
        cursor: null,
        filter: `userName eq "${user.body.userName}"`,
      });
      expectEqual(
        ((body.Resources ?? []) as { id: string }[]).map((resource) => resource.id),
        [user.id],
        'ids',
      );
      ensure(!('nextCursor' in body), 'a one-result page carries nextCursor');
    },
  }),
  refusedCursor(
    'SP-CURSOR-COUNT-101',
    'a cursor page with count=101 gets 400',
    ['AWS-CURSOR-COUNT-RANGE'],
    () => Promise.resolve({ cursor: null, count: 101 }),
  ),
  refusedCursor(
    'SP-CURSOR-COUNT-0',
    'a cursor page with count=0 gets 400',
    ['AWS-CURSOR-COUNT-RANGE'],
    () => Promise.resolve({ cursor: null, count: 0 }),
  ),
  refusedCursor(
    'SP-CURSOR-FILTER-CHANGE',
    'a cursor used with another filter than the one that made it gets 400',
    ['AWS-CURSOR-FILTER-CHANGE'],
    async (ctx) => ({
      cursor: await firstCursor(ctx),
      count: 1,
      filter: `userName eq "${ctx.namePrefix}someone-else@example.test"`,
    }),
  ),
  refusedCursor('SP-CURSOR-FORGED', 'a forged cursor gets 400', ['AWS-CURSOR-INVALID'], () =>
    Promise.resolve({ cursor: 'VGhpc0lzTm90QUN1cnNvcg==', count: 1 }),
  ),
  refusedCursor(
    'SP-CURSOR-MALFORMED',
    'a cursor with characters outside the cursor alphabet gets 400',
    ['AWS-CURSOR-INVALID'],
    () => Promise.resolve({ cursor: '!!not a cursor!!', count: 1 }),
  ),
  refusedCursor(
    'SP-CURSOR-TAMPERED',
    'a real cursor with its first character changed gets 400',
    ['AWS-CURSOR-INVALID'],
    async (ctx) => {
      const cursor = await firstCursor(ctx);
      return { cursor: `${cursor.startsWith('A') ? 'B' : 'A'}${cursor.slice(1)}`, count: 1 };
    },
  ),
];
