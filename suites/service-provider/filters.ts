// Filters: the eq lookups every client relies on, AWS's membership probes, and refusals of
// bad or unsupported filters (RFC 7644 §3.4.2.2; AWS-FILTER-*).
import type { JsonBody } from '../runner/json.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEqual, expectStatus } from './support/expect.ts';
import { createGroup, createUser, memberValues, unknownId, userPool } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

async function listIds(ctx: CheckContext, collection: string, filter: string): Promise<string[]> {
  const response = await ctx.http.get(collection, { filter });
  expectStatus(response, 200, `GET ${collection}?filter=${filter}`);
  ensure(
    typeof response.body?.totalResults === 'number',
    `GET ${collection}?filter=${filter}: no totalResults`,
  );
  return ((response.body.Resources ?? []) as { id: string }[]).map((resource) => resource.id);
}

function filterCheck(
  spec: Omit<Check, 'area' | 'requires' | 'level'> & Partial<Pick<Check, 'level'>>,
): Check {
  return { area: 'filters', level: 'MUST', requires: ['filter'], ...spec };
}

/** A filter AWS refuses with its generic 400 and the RFC answers: `expectIds` says with what. */
function awsRefuses(
  id: string,
  what: string,
  references: string[],
  filterFor: (user: JsonBody) => string,
): Check {
  return filterCheck({
    id,
    title: `${what} gets 400 under AWS and matches under the RFC`,
    references,
    profiles: BOTH,
    run: async (ctx) => {
      const { id: userId, body } = await createUser(ctx);
      const filter = filterFor(body);
      if (ctx.profile === 'rfc7644')
        return ensure(
          (await listIds(ctx, '/Users', filter)).includes(userId),
          `filter ${filter} misses the user`,
        );
      expectError(
        ctx,
        await ctx.http.get('/Users', { filter }),
        400,
        `GET /Users?filter=${filter}`,
      );
    },
  });
}

/** A malformed filter: 400 under both profiles (invalidFilter under the RFC). */
function malformed(id: string, what: string, filter: string): Check {
  return filterCheck({
    id,
    title: `${what} gets 400`,
    references: ['RFC 7644 §3.4.2.2', 'RFC 7644 §3.12', 'AWS-FILTER-EQ-ONLY', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectError(
        ctx,
        await ctx.http.get('/Users', { filter }),
        400,
        `GET /Users?filter=${filter}`,
        ctx.profile === 'rfc7644' ? 'invalidFilter' : undefined,
      ),
  });
}

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
    title: 'members.value eq naming no user gets 404',
    references: ['AWS-FILTER-MEMBER-UNKNOWN-404'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) =>
      expectError(
        ctx,
        await ctx.http.get('/Groups', { filter: `members.value eq "${unknownId()}"` }),
        404,
        'members.value eq <no user>',
      ),
  }),
  awsRefuses(
    'SP-FILTER-CO',
    'userName co',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-EQ-ONLY'],
    (user) => `userName co "${String(user.userName).slice(3, 20)}"`,
  ),
  awsRefuses(
    'SP-FILTER-SW',
    'userName sw',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-EQ-ONLY'],
    (user) => `userName sw "${String(user.userName).slice(0, 20)}"`,
  ),
  awsRefuses(
    'SP-FILTER-OR',
    'an or of two eq',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-EQ-ONLY'],
    (user) => `userName eq "${user.userName}" or userName eq "nobody@example.test"`,
  ),
  awsRefuses(
    'SP-FILTER-PR',
    'a pr (present) filter combined with eq',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-EQ-ONLY'],
    (user) => `title pr and userName eq "${user.userName}"`,
  ),
  awsRefuses(
    'SP-FILTER-NOT',
    'not (…)',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-EQ-ONLY'],
    (user) => `userName eq "${user.userName}" and not (userName eq "nobody@example.test")`,
  ),
  awsRefuses(
    'SP-FILTER-EMAILS-VALUE',
    'emails.value eq',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-USER-ATTRS'],
    (user) => `emails.value eq "${user.emails[0].value}"`,
  ),
  awsRefuses(
    'SP-FILTER-DISPLAYNAME-USER',
    'a user displayName eq combined with userName',
    ['RFC 7644 §3.4.2.2', 'AWS-FILTER-USER-ATTRS'],
    (user) => `displayName eq "${user.displayName}" and userName eq "${user.userName}"`,
  ),
  malformed('SP-FILTER-NO-VALUE', 'a filter with no value (userName eq)', 'userName eq'),
  malformed('SP-FILTER-UNQUOTED', 'an unquoted string value', 'userName eq bob'),
  malformed('SP-FILTER-UNKNOWN-OPERATOR', 'an unknown operator (xx)', 'userName xx "a"'),
  malformed('SP-FILTER-UNBALANCED', 'unbalanced parentheses', '(userName eq "a"'),
  malformed('SP-FILTER-GARBAGE', 'a filter of punctuation', '"")(&&'),
  filterCheck({
    id: 'SP-FILTER-UNKNOWN-ATTR',
    title: 'a filter on an unknown attribute never returns every user',
    references: ['RFC 7644 §3.4.2.2', 'AWS-FILTER-USER-ATTRS'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.get('/Users', { filter: 'noSuchAttribute eq "x"' });
      if (response.status === 400) return;
      expectStatus(response, [200, 400], 'GET /Users?filter=noSuchAttribute eq "x"');
      expectEqual(response.body?.totalResults, 0, 'totalResults for an unknown attribute');
    },
  }),
];
