// PATCH on groups that must be refused, or that AWS refuses while the RFC allows them: the
// 100-change limit, replacing or removing all members, unknown targets (AWS-PATCH-NO-*).
import type { Check } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEqual } from './support/expect.ts';
import { expectGroupPatched, groupCheck, groupWith, patchGroup } from './support/group-patch.ts';
import { membersAmong } from './support/membership.ts';
import { createGroup, memberValues, unknownId } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

export const GROUP_PATCH_REFUSAL_CHECKS: readonly Check[] = [
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
