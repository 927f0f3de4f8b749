// Filters that must find things: the eq lookups every client relies on and AWS's membership
// probes (RFC 7644 §3.4.2.2; AWS-FILTER-*).
import type { Check } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { expectEqual, expectStatus } from './support/expect.ts';
import { filterCheck, listIds } from './support/filter-list.ts';
import { createGroup, createUser, memberValues, unknownId, userPool } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

export const FILTER_CHECKS: readonly Check[] = [
  filterCheck({
    id: 'SP-FILTER-USERNAME-EQ',
    title: 'userName eq finds exactly the user',
    references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-USER-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      expectEqual(await listIds(ctx, '/Users', `userName eq "${body.userName}"`), [id], 'ids');
    },
  }),
  filterCheck({
    id: 'SP-FILTER-USERNAME-NONE',
    title: 'userName eq with no match answers totalResults 0',
    references: ['RFC 7644 §3.4.2', 'AWS-LIST-ENVELOPE'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.get('/Users', {
        filter: `userName eq "${ctx.namePrefix}nobody-${unknownId()}"`,
      });
      expectStatus(response, 200, 'GET /Users?filter=userName eq "<nobody>"');
      expectEqual(response.body?.totalResults, 0, 'totalResults');
      expectEqual(response.body?.Resources ?? [], [], 'Resources');
    },
  }),
  filterCheck({
    id: 'SP-FILTER-USERNAME-CASE',
    title: 'userName eq matches regardless of case',
    level: 'SHOULD',
    references: ['RFC 7643 §4.1.1', 'RFC 7644 §3.4.2.2', 'AWS-FILTER-USERNAME-CASE'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      expectEqual(
        await listIds(ctx, '/Users', `userName eq "${String(body.userName).toUpperCase()}"`),
        [id],
        'ids',
      );
    },
  }),
  filterCheck({
    id: 'SP-FILTER-EXTERNALID-EQ',
    title: 'externalId eq finds the user',
    references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-USER-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createUser(ctx);
      expectEqual(await listIds(ctx, '/Users', `externalId eq "${body.externalId}"`), [id], 'ids');
    },
  }),
  filterCheck({
    id: 'SP-FILTER-ID-EQ',
    title: 'id eq finds the user',
    references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-USER-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id } = await createUser(ctx);
      expectEqual(await listIds(ctx, '/Users', `id eq "${id}"`), [id], 'ids');
    },
  }),
  filterCheck({
    id: 'SP-FILTER-GROUP-DISPLAYNAME',
    title: 'displayName eq finds the group',
    references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-GROUP-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createGroup(ctx);
      expectEqual(
        await listIds(ctx, '/Groups', `displayName eq "${body.displayName}"`),
        [id],
        'ids',
      );
    },
  }),
  filterCheck({
    id: 'SP-FILTER-GROUP-EXTERNALID',
    title: 'group externalId eq finds the group',
    references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-GROUP-ATTRS'],
    profiles: BOTH,
    run: async (ctx) => {
      const { id, body } = await createGroup(ctx);
      expectEqual(await listIds(ctx, '/Groups', `externalId eq "${body.externalId}"`), [id], 'ids');
    },
  }),
  filterCheck({
    id: 'SP-FILTER-GROUPS-VALUE',
    title: 'groups.value eq lists exactly the members of the group',
    references: ['AWS-FILTER-USER-ATTRS'],
    profiles: ['aws'],
    run: async (ctx) => {
      const ids = (await userPool(ctx, 3)).map((user) => user.id);
      const group = await createGroup(ctx, { members: memberValues(ids.slice(0, 2)) });
      expectEqual(
        (await listIds(ctx, '/Users', `groups.value eq "${group.id}"`)).sort(),
        ids.slice(0, 2).sort(),
        'member ids',
      );
    },
  }),
  filterCheck({
    id: 'SP-FILTER-MEMBERSHIP-CHECK',
    title: 'id eq "g" and members eq "u" answers 1 for a member and 0 otherwise, in either order',
    references: ['AWS-FILTER-MEMBERSHIP-CHECK', 'AWS-FILTER-GROUP-ATTRS'],
    profiles: ['aws'],
    run: async (ctx) => {
      const [member, outsider] = (await userPool(ctx, 2)).map((user) => user.id);
      const group = await createGroup(ctx, { members: memberValues([member]) });
      expectEqual(
        await listIds(ctx, '/Groups', `id eq "${group.id}" and members eq "${member}"`),
        [group.id],
        'member',
      );
      expectEqual(
        await listIds(ctx, '/Groups', `members eq "${member}" and id eq "${group.id}"`),
        [group.id],
        'member, reversed',
      );
      expectEqual(
        await listIds(ctx, '/Groups', `id eq "${group.id}" and members eq "${outsider}"`),
        [],
        'non-member',
      );
    },
  }),
  filterCheck({
    id: 'SP-FILTER-MEMBERS-VALUE',
    title: 'members.value eq lists the groups of a user',
    references: ['AWS-FILTER-GROUP-ATTRS'],
    profiles: ['aws'],
    run: async (ctx) => {
      const { id: userId } = await createUser(ctx);
      const group = await createGroup(ctx, { members: memberValues([userId]) });
      expectEqual(
        await listIds(ctx, '/Groups', `members.value eq "${userId}"`),
        [group.id],
        'group ids',
      );
    },
  }),
  filterCheck({
    id: 'SP-FILTER-MEMBER-EMPTY',
    title: 'a member filter with an empty value gets 400',
    references: ['AWS-FILTER-MEMBER-EMPTY'],
    profiles: ['aws'],
    run: async (ctx) => {
      const group = await createGroup(ctx);
      expectError(
        ctx,
        await ctx.http.get('/Groups', { filter: `id eq "${group.id}" and members eq ""` }),
        400,
        'members eq ""',
      );
    },
  }),
  filterCheck({
    id: 'SP-FILTER-MEMBER-UNKNOWN',
    title: 'a member filter naming no user gets 404: members.value eq, and id eq + members eq',
    references: ['AWS-FILTER-MEMBER-UNKNOWN-404'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => {
      const filters = [
        `members.value eq "${unknownId()}"`,
        `id eq "${unknownId()}" and members eq "${unknownId()}"`,
      ];
      for (const filter of filters) {
        const described = filter.replace(/"[^"]+"/g, '<no such id>');
        expectError(ctx, await ctx.http.get('/Groups', { filter }), 404, described);
      }
    },
  }),
];
