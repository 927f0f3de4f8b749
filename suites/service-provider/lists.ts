// Listing and paging without a cursor: the ListResponse envelope, count, startIndex, the AWS
// cap and the parameters AWS ignores (RFC 7644 §3.4.2; AWS-LIST-*).
import type { JsonBody } from '../runner/json.ts';
import { LIST_RESPONSE_URN } from '../../scim/urns.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import type { Query } from '../runner/http-client.ts';
import { ensure, expectEqual, expectStatus } from './support/expect.ts';
import { userPool } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

async function list(ctx: CheckContext, collection: string, query: Query): Promise<JsonBody> {
  const response = await ctx.http.get(collection, query);
  expectStatus(response, 200, `GET ${collection}`);
  return response.body as JsonBody;
}

function envelopeCheck(id: string, collection: string): Check {
  return {
    id,
    area: 'lists',
    title: `GET ${collection} answers a ListResponse envelope`,
    level: 'MUST',
    references: ['RFC 7644 §3.4.2', 'AWS-LIST-ENVELOPE'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const body = await list(ctx, collection, { count: 5 });
      expectEqual(body.schemas, [LIST_RESPONSE_URN], 'schemas');
      ensure(Number.isInteger(body.totalResults), 'totalResults is not an integer');
      ensure(body.totalResults === 0 || Array.isArray(body.Resources), 'Resources is missing');
      ensure(
        Number.isInteger(body.itemsPerPage) && Number.isInteger(body.startIndex),
        'itemsPerPage or startIndex missing',
      );
      if (ctx.profile === 'aws') expectEqual(body.startIndex, 1, 'startIndex');
    },
  };
}

function listCheck(spec: Omit<Check, 'area' | 'level'> & Partial<Pick<Check, 'level'>>): Check {
  return { area: 'lists', level: 'MUST', ...spec };
}

export const LIST_CHECKS: readonly Check[] = [
  envelopeCheck('SP-LIST-USERS-ENVELOPE', '/Users'),
  envelopeCheck('SP-LIST-GROUPS-ENVELOPE', '/Groups'),
  listCheck({
    id: 'SP-LIST-COUNT',
    title: 'count=2 returns at most 2 resources',
    references: ['RFC 7644 §3.4.2.4', 'AWS-LIST-COUNT'],
    profiles: BOTH,
    run: async (ctx) => {
      await userPool(ctx, 3);
      const body = await list(ctx, '/Users', { count: 2 });
      expectEqual(body.Resources?.length, 2, 'number of Resources');
      expectEqual(body.itemsPerPage, 2, 'itemsPerPage');
    },
  }),
  listCheck({
    id: 'SP-LIST-TOTAL',
    title: 'totalResults counts the page under AWS and every match under the RFC',
    references: ['RFC 7644 §3.4.2', 'AWS-LIST-TOTAL-IS-PAGE'],
    profiles: BOTH,
    run: async (ctx) => {
      await userPool(ctx, 3);
      const body = await list(ctx, '/Users', { count: 2 });
      if (ctx.profile === 'aws') return expectEqual(body.totalResults, 2, 'totalResults');
      ensure(
        body.totalResults >= 3,
        `totalResults ${body.totalResults} is below the 3 users created`,
      );
    },
  }),
  listCheck({
    id: 'SP-LIST-START-INDEX',
    title: 'startIndex=2 starts at the second resource under the RFC and is ignored under AWS',
    references: ['RFC 7644 §3.4.2.4', 'AWS-LIST-IGNORED-PARAMS'],
    profiles: BOTH,
    run: async (ctx) => {
      await userPool(ctx, 3);
      const first = await list(ctx, '/Users', { startIndex: 1, count: 2 });
      const second = await list(ctx, '/Users', { startIndex: 2, count: 1 });
      const expectedId =
        ctx.profile === 'aws' ? first.Resources?.[0]?.id : first.Resources?.[1]?.id;
      expectEqual(second.startIndex, ctx.profile === 'aws' ? 1 : 2, 'startIndex');
      expectEqual(second.Resources?.[0]?.id, expectedId, 'first resource of the page');
    },
  }),
  listCheck({
    id: 'SP-LIST-COUNT-ZERO',
    title: 'count=0 returns no resources; under the RFC totalResults still counts every match',
    references: ['RFC 7644 §3.4.2.4', 'AWS-LIST-COUNT', 'AWS-LIST-TOTAL-IS-PAGE'],
    profiles: BOTH,
    run: async (ctx) => {
      await userPool(ctx, 1);
      const body = await list(ctx, '/Users', { count: 0 });
      expectEqual(body.Resources ?? [], [], 'Resources');
      if (ctx.profile === 'rfc7644')
        ensure(
          body.totalResults >= 1,
          `totalResults ${body.totalResults} leaves out the matching users`,
        );
    },
  }),
  listCheck({
    id: 'SP-LIST-NEGATIVE-COUNT',
    title: 'a negative count is taken as 0, not refused or crashed on',
    level: 'SHOULD',
    references: ['RFC 7644 §3.4.2.4', 'AWS-LIST-COUNT'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectEqual((await list(ctx, '/Users', { count: -1 })).Resources ?? [], [], 'Resources'),
  }),
  listCheck({
    id: 'SP-LIST-START-INDEX-ZERO',
    title: 'startIndex=0 is taken as 1',
    references: ['RFC 7644 §3.4.2.4', 'AWS-LIST-IGNORED-PARAMS'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectEqual(
        (await list(ctx, '/Users', { startIndex: 0, count: 1 })).startIndex,
        1,
        'startIndex',
      ),
  }),
  listCheck({
    id: 'SP-LIST-ATTRIBUTES',
    title:
      'attributes=userName returns only userName (and id) under the RFC, and is ignored under AWS',
    level: 'SHOULD',
    references: ['RFC 7644 §3.4.2.5', 'AWS-LIST-IGNORED-PARAMS'],
    profiles: BOTH,
    run: async (ctx) => {
      await userPool(ctx, 1);
      const resource = (await list(ctx, '/Users', { attributes: 'userName', count: 1 }))
        .Resources?.[0] as Record<string, unknown>;
      ensure(resource && 'userName' in resource, 'the resource lacks userName');
      if (ctx.profile === 'aws')
        return ensure('name' in resource, 'AWS ignores attributes, but name is missing');
      ensure(
        !('name' in resource) && !('emails' in resource),
        `unrequested attributes returned: ${Object.keys(resource).join(', ')}`,
      );
    },
  }),
  listCheck({
    id: 'SP-LIST-EXCLUDED-ATTRIBUTES',
    title: 'excludedAttributes=emails drops emails under the RFC, and is ignored under AWS',
    level: 'SHOULD',
    references: ['RFC 7644 §3.4.2.5', 'AWS-LIST-IGNORED-PARAMS'],
    profiles: BOTH,
    run: async (ctx) => {
      await userPool(ctx, 1);
      const resource = (await list(ctx, '/Users', { excludedAttributes: 'emails', count: 1 }))
        .Resources?.[0] as Record<string, unknown>;
      ensure(resource, 'no resource listed');
      ensure(
        ctx.profile === 'aws' ? 'emails' in resource : !('emails' in resource),
        `emails ${ctx.profile === 'aws' ? 'missing' : 'still returned'}`,
      );
    },
  }),
  listCheck({
    id: 'SP-LIST-SORT',
    title: 'sortBy=userName returns users in ascending userName order',
    level: 'MAY',
    references: ['RFC 7644 §3.4.2.3'],
    profiles: ['rfc7644'],
    requires: ['sort'],
    run: async (ctx) => {
      await userPool(ctx, 3);
      const names = (
        (await list(ctx, '/Users', { sortBy: 'userName', count: 50 })).Resources as {
          userName: string;
        }[]
      ).map((u) => u.userName);
      expectEqual(
        names,
        [...names].sort((a, b) => a.localeCompare(b)),
        'order',
      );
    },
  }),
  listCheck({
    id: 'SP-LIST-CAP',
    title:
      'a list of 101+ users without count: AWS returns 100 and totalResults 100; the RFC counts every match',
    references: ['RFC 7644 §3.4.2', 'RFC 7644 §3.4.2.4', 'AWS-LIST-CAP', 'AWS-LIST-TOTAL-IS-PAGE'],
    profiles: BOTH,
    timeoutMs: 120_000,
    run: async (ctx) => {
      await userPool(ctx, 101);
      const body = await list(ctx, '/Users', {});
      if (ctx.profile === 'rfc7644') {
        // A server may page (count defaults to its own), but totalResults counts every match.
        return ensure(body.totalResults >= 101, `totalResults ${body.totalResults} is below 101`);
      }
      expectEqual(body.Resources?.length, 100, 'number of Resources');
      expectEqual(body.totalResults, 100, 'totalResults');
    },
  }),
  listCheck({
    id: 'SP-LIST-COUNT-CLAMP',
    title: 'count=500 is clamped to 100',
    references: ['AWS-LIST-COUNT', 'AWS-LIST-CAP'],
    profiles: ['aws'],
    timeoutMs: 120_000,
    run: async (ctx) => {
      await userPool(ctx, 101);
      expectEqual(
        (await list(ctx, '/Users', { count: 500 })).Resources?.length,
        100,
        'number of Resources',
      );
    },
  }),
];
