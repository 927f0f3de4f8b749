// Creating the suite's own users and groups from seeded fixtures; each is registered for
// deletion at the end of the suite, so a failed check leaves nothing behind.
import type { JsonBody } from '../../runner/json.ts';
import {
  makeGroup,
  makeUser,
  type FixtureGroup,
  type FixtureUser,
} from '../../../fixtures/index.ts';
import { PATCH_OP_URN } from '../../../scim/urns.ts';
import type { CheckContext } from '../../runner/check.ts';
import type { ScimResponse } from '../../runner/http-client.ts';
import { ensure, expectStatus } from './expect.ts';

export interface Created {
  id: string;
  body: JsonBody;
}

/** The next fixture number of this run, so every user and group name is distinct. */
async function nextIndex(ctx: CheckContext): Promise<number> {
  const counter = await ctx.memo('fixture-counter', () => Promise.resolve({ next: 0 }));
  counter.next += 1;
  return counter.next;
}

export async function userData(ctx: CheckContext): Promise<FixtureUser> {
  return makeUser(ctx.seed, await nextIndex(ctx), ctx.namePrefix);
}

export async function groupData(ctx: CheckContext): Promise<FixtureGroup> {
  return makeGroup(ctx.seed, await nextIndex(ctx), ctx.namePrefix);
}

/** POSTs a body to a collection and tracks whatever got created, even when a check expected 4xx. */
export async function postTracked(
  ctx: CheckContext,
  collection: '/Users' | '/Groups',
  body: unknown,
): Promise<ScimResponse> {
  const response = await ctx.http.post(collection, body);
  trackCreated(ctx, collection, response);
  return response;
}

export function trackCreated(ctx: CheckContext, collection: string, response: ScimResponse): void {
  const id = (response.body as { id?: unknown } | undefined)?.id;
  if (response.status < 300 && typeof id === 'string')
    ctx.cleanup.trackResource(`${collection}/${id}`);
}

/** Creates a user (fixture data plus overrides) and insists on 201. */
export async function createUser(ctx: CheckContext, overrides: object = {}): Promise<Created> {
  const response = await postTracked(ctx, '/Users', { ...(await userData(ctx)), ...overrides });
  expectStatus(response, 201, 'POST /Users with a valid fixture user');
  ensure(typeof response.body?.id === 'string', 'POST /Users: the 201 body has no id');
  return { id: response.body.id, body: response.body };
}

export async function createGroup(ctx: CheckContext, overrides: object = {}): Promise<Created> {
  const response = await postTracked(ctx, '/Groups', { ...(await groupData(ctx)), ...overrides });
  expectStatus(response, 201, 'POST /Groups with a valid fixture group');
  ensure(typeof response.body?.id === 'string', 'POST /Groups: the 201 body has no id');
  return { id: response.body.id, body: response.body };
}

/** `size` users shared by every check of the run that needs a crowd (lists, paging, limits). */
export async function userPool(ctx: CheckContext, size: number): Promise<Created[]> {
  const pool = await ctx.memo('user-pool', () => Promise.resolve([] as Created[]));
  while (pool.length < size) pool.push(await createUser(ctx));
  return pool.slice(0, size);
}

export function patchOp(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP_URN], Operations: operations };
}

export function memberValues(ids: readonly string[]): { value: string }[] {
  return ids.map((value) => ({ value }));
}

/** A random id in UUID form that no server will have issued. */
export function unknownId(): string {
  return crypto.randomUUID();
}
