// Filters that must be refused: malformed ones under both profiles, and the operators and
// attributes AWS refuses although the RFC defines them (RFC 7644 §3.4.2.2; AWS-FILTER-EQ-ONLY).
import type { Check } from '../runner/check.ts';
import type { JsonBody } from '../runner/json.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectEqual, expectStatus } from './support/expect.ts';
import { filterCheck, listIds } from './support/filter-list.ts';
import { createUser } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

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

export const FILTER_REFUSAL_CHECKS: readonly Check[] = [
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
