// Helpers shared by the group PATCH checks: a group with pool members, the PATCH call, and
// what success looks like under each profile (AWS-PATCH-GROUP-204).
import type { Check, CheckContext } from '../../runner/check.ts';
import type { ScimResponse } from '../../runner/http-client.ts';
import { expectEmptyBody, expectStatus } from './expect.ts';
import { createGroup, memberValues, patchOp, userPool } from './resources.ts';

/** A group PATCH succeeded: AWS answers 204 with no body; the RFC allows 200 or 204. */
export function expectGroupPatched(ctx: CheckContext, response: ScimResponse, what: string): void {
  expectStatus(response, ctx.profile === 'aws' ? 204 : [200, 204], what);
  if (ctx.profile === 'aws') expectEmptyBody(response, what);
}

/** A group holding the first `members` of `size` pool users. */
export async function groupWith(ctx: CheckContext, size: number, members: number) {
  const ids = (await userPool(ctx, size)).map((user) => user.id);
  const group = await createGroup(
    ctx,
    members > 0 ? { members: memberValues(ids.slice(0, members)) } : {},
  );
  return { groupId: group.id, group: group.body, ids };
}

export async function patchGroup(
  ctx: CheckContext,
  groupId: string,
  ...operations: Record<string, unknown>[]
) {
  return ctx.http.patch(`/Groups/${groupId}`, patchOp(...operations));
}

export function groupCheck(
  spec: Omit<Check, 'area' | 'requires'> & { requires?: Check['requires'] },
): Check {
  return { area: 'patch', requires: ['patch'], ...spec };
}
