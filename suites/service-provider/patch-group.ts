// PATCH on groups, the forms that must work: adding and removing members by value and by
// filter, renames, no-path replace, idempotent changes (RFC 7644 §3.5.2; AWS-PATCH-GROUP-204).
import type { Check } from '../runner/check.ts';
import { expectEqual } from './support/expect.ts';
import { expectGroupPatched, groupCheck, groupWith, patchGroup } from './support/group-patch.ts';
import { membersAmong } from './support/membership.ts';
import { memberValues } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

export const GROUP_PATCH_CHECKS: readonly Check[] = [
  groupCheck({
    id: 'SP-PATCH-GROUP-ADD-MEMBERS',
    title: 'add two members answers 204 (AWS) and both become members',
    level: 'MUST',
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-GROUP-204', 'AWS-GROUP-GET-NO-MEMBERS'],
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
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-GROUP-204', 'AWS-GROUP-GET-NO-MEMBERS'],
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
    references: ['RFC 7644 §3.5.2.2', 'AWS-PATCH-VALUE-FILTER', 'AWS-GROUP-GET-NO-MEMBERS'],
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
    references: ['RFC 7644 §3.5.2.1', 'AWS-PATCH-MEMBER-IDEMPOTENT', 'AWS-GROUP-GET-NO-MEMBERS'],
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
];
