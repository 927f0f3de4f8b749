// PATCH on groups: membership changes in every form, and the ones AWS refuses
// (RFC 7644 §3.5.2; AWS-PATCH-GROUP-204, AWS-PATCH-MEMBERS-MAX, AWS-PATCH-NO-*).
import type { Check, CheckContext } from '../runner/check.ts';
import type { ScimResponse } from '../runner/http-client.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEmptyBody, expectEqual, expectStatus } from './support/expect.ts';
import { membersAmong } from './support/membership.ts';
import { createGroup, memberValues, patchOp, unknownId, userPool } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

/** A group PATCH succeeded: AWS answers 204 with no body; the RFC allows 200 or 204. */
function expectGroupPatched(ctx: CheckContext, response: ScimResponse, what: string): void {
  expectStatus(response, ctx.profile === 'aws' ? 204 : [200, 204], what);
  if (ctx.profile === 'aws') expectEmptyBody(response, what);
}

/** A group holding the first `members` of `size` pool users. */
async function groupWith(ctx: CheckContext, size: number, members: number) {
  const ids = (await userPool(ctx, size)).map((user) => user.id);
  const group = await createGroup(
    ctx,
    members > 0 ? { members: memberValues(ids.slice(0, members)) } : {},
  );
  return { groupId: group.id, group: group.body, ids };
}

async function patchGroup(
  ctx: CheckContext,
  groupId: string,
  ...operations: Record<string, unknown>[]
) {
  return ctx.http.patch(`/Groups/${groupId}`, patchOp(...operations));
}

function groupCheck(
  spec: Omit<Check, 'area' | 'requires'> & { requires?: Check['requires'] },
): Check {
  return { area: 'patch', requires: ['patch'], ...spec };
}

export const GROUP_PATCH_CHECKS: readonly Check[] = [
  groupCheck({
    id: 'SP-PATCH-GROUP-ADD-MEMBERS',
    title: 'add two members answers 204 (AWS) and both become members',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-GROUP-204'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 2, 0);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, { op: 'add', path: 'members', value: memberValues(ids) }),
        'PATCH add members',
      );
      expectEqual((await membersAmong(ctx, groupId, ids)).sort(), [...ids].sort(), 'members');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-REMOVE-BY-VALUE',
    title: 'remove with path members and a value list removes those members',
    level: 'MUST',
    levels: { rfc7644: 'MAY' },
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-GROUP-204'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 2, 2);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, {
          op: 'remove',
          path: 'members',
          value: memberValues([ids[0]]),
        }),
        'PATCH remove by value',
      );
      expectEqual(await membersAmong(ctx, groupId, ids), [ids[1]], 'members left');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-REMOVE-BY-FILTER',
    title: 'remove with path members[value eq "id"] removes that member',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-VALUE-FILTER'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 2, 2);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, { op: 'remove', path: `members[value eq "${ids[1]}"]` }),
        'PATCH remove by filter',
      );
      expectEqual(await membersAmong(ctx, groupId, ids), [ids[0]], 'members left');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-RENAME',
    title: 'two replaces, displayName and externalId, in one request both apply',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.3', 'AWS-PATCH-GROUP-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, group } = await groupWith(ctx, 0, 0);
      const renamed = `${String(group.displayName)} renamed`;
      const response = await patchGroup(
        ctx,
        groupId,
        { op: 'replace', path: 'displayName', value: renamed },
        { op: 'replace', path: 'externalId', value: `${ctx.namePrefix}ext-renamed` },
      );
      expectGroupPatched(ctx, response, 'PATCH replace displayName and externalId');
      const read = await ctx.http.get(`/Groups/${groupId}`);
      expectEqual(
        [read.body?.displayName, read.body?.externalId],
        [renamed, `${ctx.namePrefix}ext-renamed`],
        'after PATCH',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-NO-PATH-REPLACE',
    title: 'a no-path replace of displayName renames the group (AWS ignores an id in the value)',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.3', 'AWS-PATCH-NO-PATH-SINGLE'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, group } = await groupWith(ctx, 0, 0);
      const renamed = `${String(group.displayName)} no-path`;
      const value =
        ctx.profile === 'aws' ? { id: groupId, displayName: renamed } : { displayName: renamed };
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, { op: 'replace', value }),
        'PATCH no-path replace',
      );
      expectEqual(
        (await ctx.http.get(`/Groups/${groupId}`)).body?.displayName,
        renamed,
        'displayName',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-ADD-TWICE',
    title: 'adding an existing member again is no error',
    level: 'SHOULD',
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-MEMBER-IDEMPOTENT'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 1, 1);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, { op: 'add', path: 'members', value: memberValues(ids) }),
        'PATCH add existing member',
      );
      expectEqual(await membersAmong(ctx, groupId, ids), ids, 'members');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-REMOVE-NON-MEMBER',
    title: 'removing a user who is no member is no error (204)',
    level: 'SHOULD',
    references: ['AWS-PATCH-MEMBER-IDEMPOTENT'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 2, 1);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, {
          op: 'remove',
          path: 'members',
          value: memberValues([ids[1]]),
        }),
        'PATCH remove non-member',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-100-CHANGES',
    title: 'a PATCH with exactly 100 membership changes is accepted',
    level: 'MUST',
    references: ['AWS-PATCH-MEMBERS-MAX'],
    profiles: ['aws'],
    timeoutMs: 120_000,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 100, 0);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, { op: 'add', path: 'members', value: memberValues(ids) }),
        'PATCH 100 adds',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-101-CHANGES',
    title: 'a PATCH with 101 membership changes gets 400 under AWS and applies under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-MEMBERS-MAX'],
    profiles: BOTH,
    timeoutMs: 120_000,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 101, 0);
      const response = await patchGroup(ctx, groupId, {
        op: 'add',
        path: 'members',
        value: memberValues(ids),
      });
      if (ctx.profile === 'aws') return expectError(ctx, response, 400, 'PATCH 101 adds');
      expectGroupPatched(ctx, response, 'PATCH 101 adds');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-REPLACE-MEMBERS',
    title: 'replace on members gets 400 under AWS and replaces them under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.3', 'AWS-PATCH-NO-REPLACE-MEMBERS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 2, 1);
      const response = await patchGroup(ctx, groupId, {
        op: 'replace',
        path: 'members',
        value: memberValues([ids[1]]),
      });
      if (ctx.profile === 'aws') {
        expectError(ctx, response, 400, 'PATCH replace members');
        return expectEqual(
          response.body?.detail,
          'Replacing group memberships is not supported.',
          'detail',
        );
      }
      expectGroupPatched(ctx, response, 'PATCH replace members');
      expectEqual(await membersAmong(ctx, groupId, ids), [ids[1]], 'members');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-REMOVE-ALL',
    title: 'remove on members with no value gets 400 under AWS and empties the group under the RFC',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-NO-REMOVE-ALL'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 2, 2);
      const response = await patchGroup(ctx, groupId, { op: 'remove', path: 'members' });
      if (ctx.profile === 'aws') return expectError(ctx, response, 400, 'PATCH remove all members');
      expectGroupPatched(ctx, response, 'PATCH remove all members');
      expectEqual(await membersAmong(ctx, groupId, ids), [], 'members');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-UNKNOWN-ATTR',
    title: 'a PATCH naming description gets 400',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2', 'AWS-PATCH-GROUP-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId } = await groupWith(ctx, 0, 0);
      expectError(
        ctx,
        await patchGroup(ctx, groupId, { op: 'replace', path: 'description', value: 'x' }),
        400,
        'PATCH description',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-UNKNOWN-MEMBER',
    title: 'adding a member id that is no user gets 404',
    level: 'SHOULD',
    references: ['AWS-GROUP-MEMBER-UNKNOWN-404'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { groupId } = await groupWith(ctx, 0, 0);
      expectError(
        ctx,
        await patchGroup(ctx, groupId, {
          op: 'add',
          path: 'members',
          value: memberValues([unknownId()]),
        }),
        404,
        'PATCH add unknown member',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-NESTED',
    title: 'adding a group as a member is refused',
    level: 'MUST',
    references: ['AWS-GROUP-MEMBER-SUBATTRS'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { groupId } = await groupWith(ctx, 0, 0);
      const inner = await createGroup(ctx);
      const response = await patchGroup(ctx, groupId, {
        op: 'add',
        path: 'members',
        value: memberValues([inner.id]),
      });
      ensure(
        response.status === 400 || response.status === 404,
        `PATCH add a group as member: expected 400 or 404, got ${response.status}`,
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-MEMBER-NOT-OBJECT',
    title: 'a member given as a bare string gets 400',
    level: 'MUST',
    references: ['RFC 7643 §4.2', 'AWS-PATCH-MEMBER-VALUE'],
    profiles: BOTH,
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 1, 0);
      expectError(
        ctx,
        await patchGroup(ctx, groupId, { op: 'add', path: 'members', value: [ids[0]] }),
        400,
        'PATCH add a bare string member',
      );
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-OP-CASE',
    title: 'op "Add" on members works',
    level: 'SHOULD',
    references: ['AWS-PATCH-OP-CASE'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { groupId, ids } = await groupWith(ctx, 1, 0);
      expectGroupPatched(
        ctx,
        await patchGroup(ctx, groupId, { op: 'Add', path: 'members', value: memberValues(ids) }),
        'PATCH op Add',
      );
      expectEqual(await membersAmong(ctx, groupId, ids), ids, 'members');
    },
  }),
  groupCheck({
    id: 'SP-PATCH-GROUP-404',
    title: 'a PATCH of an unknown group id answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-GROUP-GET-404'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const response = await patchGroup(ctx, unknownId(), {
        op: 'replace',
        path: 'displayName',
        value: 'x',
      });
      expectError(ctx, response, 404, 'PATCH /Groups/{unknown}');
    },
  }),
];
