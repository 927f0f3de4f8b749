// HTTP-level behaviour: media types, request ids, malformed and oversized bodies, unknown and
// unsupported endpoints (RFC 7644 §3.1, §3.12; AWS-HTTP-*).
import type { Check, CheckContext } from '../runner/check.ts';
import type { ScimResponse } from '../runner/http-client.ts';
import { expectError, expectGenericDetail } from './support/error-body.ts';
import { ensure, expectClientError, expectStatus } from './support/expect.ts';
import { postTracked, trackCreated, unknownId, userData } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;
const ONE_MEBIBYTE = 1_048_576;

function mediaType(response: ScimResponse): string {
  return (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Sends a raw body to POST /Users and tracks anything a lenient server created from it. */
async function postRaw(
  ctx: CheckContext,
  rawBody: string,
  contentType: string | null = 'application/scim+json',
) {
  const response = await ctx.http.send({ method: 'POST', path: '/Users', rawBody, contentType });
  trackCreated(ctx, '/Users', response);
  return response;
}

/** A refused body: AWS's generic 400 under the AWS profile, a 400 invalidSyntax under the RFC. */
function expectBadBody(ctx: CheckContext, response: ScimResponse, what: string): void {
  if (ctx.profile === 'aws') {
    expectError(ctx, response, 400, what);
    expectGenericDetail(response, what);
  } else expectError(ctx, response, 400, what, 'invalidSyntax');
}

export const HTTP_CHECKS: readonly Check[] = [
  {
    id: 'SP-HTTP-CONTENT-TYPE',
    area: 'http',
    title: 'Responses carry the JSON media type of the profile',
    level: 'SHOULD',
    references: ['RFC 7644 §3.1', 'RFC 7644 §8.1', 'AWS-HTTP-CONTENT-TYPE'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const expected = ctx.profile === 'aws' ? 'application/json' : 'application/scim+json';
      for (const path of ['/ServiceProviderConfig', '/Users', `/Users/${unknownId()}`]) {
        const response = await ctx.http.get(path, path === '/Users' ? { count: 1 } : undefined);
        ensure(
          mediaType(response) === expected,
          `GET ${path}: Content-Type ${mediaType(response) || 'none'}, expected ${expected}`,
        );
      }
    },
  },
  {
    id: 'SP-HTTP-REQUEST-ID',
    area: 'http',
    title: 'Every response carries x-amzn-RequestId, repeated as exceptionRequestId in errors',
    level: 'MUST',
    references: ['AWS-HTTP-REQUEST-ID'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => {
      const ok = await ctx.http.get('/ServiceProviderConfig');
      ensure(
        ok.headers['x-amzn-requestid'],
        'GET /ServiceProviderConfig: no x-amzn-RequestId header',
      );
      const missing = await ctx.http.get(`/Users/${unknownId()}`);
      const header = missing.headers['x-amzn-requestid'];
      ensure(header, 'GET /Users/{unknown}: no x-amzn-RequestId header');
      ensure(
        missing.body?.exceptionRequestId === header,
        `exceptionRequestId ${String(missing.body?.exceptionRequestId)} differs from header ${header}`,
      );
    },
  },
  {
    id: 'SP-HTTP-ACCEPT-JSON',
    area: 'http',
    title: 'A create sent as application/json is accepted',
    level: 'SHOULD',
    references: ['RFC 7644 §8.1', 'AWS-HTTP-REQUEST-CONTENT-TYPE'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await postRaw(ctx, JSON.stringify(await userData(ctx)), 'application/json');
      expectStatus(response, 201, 'POST /Users as application/json');
    },
  },
  {
    id: 'SP-HTTP-BAD-CONTENT-TYPE',
    area: 'http',
    title: 'A body sent as text/plain is refused',
    level: 'SHOULD',
    references: ['RFC 7644 §3.1', 'AWS-HTTP-REQUEST-CONTENT-TYPE'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await postRaw(ctx, JSON.stringify(await userData(ctx)), 'text/plain');
      if (ctx.profile === 'aws') expectError(ctx, response, 400, 'POST /Users as text/plain');
      else expectStatus(response, [400, 415], 'POST /Users as text/plain');
    },
  },
  {
    id: 'SP-HTTP-MALFORMED-JSON',
    area: 'http',
    title: 'A body that is not JSON is refused with 400',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-HTTP-MALFORMED-JSON', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    run: async (ctx) =>
      expectBadBody(
        ctx,
        await postRaw(ctx, '{"userName": "broken'),
        'POST /Users with truncated JSON',
      ),
  },
  {
    id: 'SP-HTTP-ARRAY-BODY',
    area: 'http',
    title: 'A JSON array instead of a resource object is refused with 400',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'RFC 7644 §3.12', 'AWS-HTTP-MALFORMED-JSON', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    run: async (ctx) =>
      expectBadBody(
        ctx,
        await postRaw(ctx, JSON.stringify([await userData(ctx)])),
        'POST /Users with a JSON array',
      ),
  },
  {
    id: 'SP-HTTP-EMPTY-BODY',
    area: 'http',
    title: 'A create with an empty body is refused with 400',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'RFC 7644 §3.12', 'AWS-HTTP-MALFORMED-JSON'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await postRaw(ctx, '');
      expectStatus(response, 400, 'POST /Users with an empty body');
    },
  },
  {
    id: 'SP-HTTP-OVERSIZE-413',
    area: 'http',
    title: 'A body over 1 MiB is refused (413 under AWS), never accepted or crashed on',
    level: 'SHOULD',
    levels: { aws: 'MUST' },
    references: ['RFC 7644 §3.12', 'AWS-HTTP-BODY-LIMIT'],
    profiles: BOTH,
    run: async (ctx) => {
      const user = { ...(await userData(ctx)), nickName: 'x'.repeat(ONE_MEBIBYTE + 16) };
      const response = await postRaw(ctx, JSON.stringify(user));
      if (ctx.profile === 'aws') expectError(ctx, response, 413, 'POST /Users over 1 MiB');
      else expectStatus(response, [400, 413], 'POST /Users over 1 MiB');
    },
  },
  {
    id: 'SP-HTTP-UNKNOWN-PATH-404',
    area: 'http',
    title: 'An unknown endpoint answers 404 with an error body',
    level: 'SHOULD',
    references: ['RFC 7644 §3.12', 'AWS-HTTP-UNKNOWN-PATH', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectError(ctx, await ctx.http.get('/NoSuchEndpoint'), 404, 'GET /NoSuchEndpoint'),
  },
  {
    id: 'SP-HTTP-MISSING-SLASH-404',
    area: 'http',
    title: 'A path glued to the base without a slash answers 404',
    level: 'MUST',
    references: ['AWS-HTTP-UNKNOWN-PATH'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.get(`${ctx.target.baseUrl}Users`);
      expectError(ctx, response, 404, 'GET {base}Users');
    },
  },
  {
    id: 'SP-HTTP-ME',
    area: 'http',
    title: '/Me is not supported and answers 404',
    level: 'MUST',
    references: ['RFC 7644 §3.11', 'AWS-HTTP-UNSUPPORTED-ENDPOINTS'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => expectError(ctx, await ctx.http.get('/Me'), 404, 'GET /Me'),
  },
  {
    id: 'SP-HTTP-BULK',
    area: 'http',
    title: '/Bulk is not supported under AWS (404); an advertised /Bulk runs a create',
    level: 'MUST',
    levels: { rfc7644: 'MAY' },
    references: ['RFC 7644 §3.7', 'AWS-HTTP-UNSUPPORTED-ENDPOINTS'],
    profiles: BOTH,
    run: async (ctx) => {
      if (ctx.profile === 'rfc7644' && !ctx.capabilities.advertised.has('bulk'))
        ctx.notApplicable('bulk not advertised');
      const body = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
        Operations: [{ method: 'POST', path: '/Users', bulkId: 'u1', data: await userData(ctx) }],
      };
      const response = await ctx.http.post('/Bulk', body);
      if (ctx.profile === 'aws') return expectError(ctx, response, 404, 'POST /Bulk');
      expectStatus(response, 200, 'POST /Bulk');
      const location = String(response.body?.Operations?.[0]?.location ?? '');
      const id = location.split('/').pop();
      if (id) ctx.cleanup.trackResource(`/Users/${id}`);
      expectStatus(
        { ...response, status: Number(response.body?.Operations?.[0]?.status) },
        201,
        'Bulk operation status',
      );
    },
  },
  {
    id: 'SP-HTTP-SEARCH',
    area: 'http',
    title: 'POST /Users/.search answers 404 under AWS and a ListResponse under the RFC',
    level: 'SHOULD',
    levels: { aws: 'MUST' },
    references: ['RFC 7644 §3.4.3', 'AWS-HTTP-UNSUPPORTED-ENDPOINTS'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], count: 1 };
      const response = await ctx.http.post('/Users/.search', body);
      if (ctx.profile === 'aws') return expectError(ctx, response, 404, 'POST /Users/.search');
      expectStatus(response, 200, 'POST /Users/.search');
      ensure(
        typeof response.body?.totalResults === 'number',
        'POST /Users/.search: no totalResults',
      );
    },
  },
  {
    id: 'SP-HTTP-COLLECTION-DELETE',
    area: 'http',
    title: 'DELETE on the /Users collection is refused with a 4xx, never a 5xx',
    level: 'MUST',
    references: ['RFC 7644 §3.6', 'AWS-ERROR-INTERNAL-500'],
    profiles: BOTH,
    run: async (ctx) => expectClientError(await ctx.http.delete('/Users'), 'DELETE /Users'),
  },
  {
    id: 'SP-HTTP-COLLECTION-PUT',
    area: 'http',
    title: 'PUT on the /Users collection is refused with a 4xx, never a 5xx',
    level: 'MUST',
    references: ['RFC 7644 §3.5.1', 'AWS-ERROR-INTERNAL-500'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await ctx.http.put('/Users', await userData(ctx));
      trackCreated(ctx, '/Users', response);
      expectClientError(response, 'PUT /Users');
    },
  },
  {
    id: 'SP-HTTP-WRONG-TYPE-BODY',
    area: 'http',
    title: 'A user whose userName is a number is refused with 400',
    level: 'MUST',
    references: ['RFC 7643 §2.3.1', 'RFC 7644 §3.12', 'AWS-USER-ATTR-TYPES'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await postTracked(ctx, '/Users', {
        ...(await userData(ctx)),
        userName: 12345,
      });
      expectStatus(response, 400, 'POST /Users with userName 12345');
    },
  },
];
