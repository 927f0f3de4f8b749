// Error answers in general: the body's shape, its media type, no 5xx for bad input, and
// throttling (RFC 7644 §3.12; AWS-ERROR-BODY, AWS-ERROR-INTERNAL-500, AWS-THROTTLE-429).
import type { Check } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { ensure, expectStatus } from './support/expect.ts';
import { unknownId } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;

/** Requests a careless server might crash on; none may answer 5xx. */
const GARBAGE: { method: string; path: string; query?: Record<string, string> }[] = [
  { method: 'GET', path: '/Users/%00' },
  { method: 'GET', path: `/Users/${'9'.repeat(2048)}` },
  { method: 'GET', path: '/Users', query: { filter: `userName eq "${'x'.repeat(8192)}"` } },
  { method: 'GET', path: '/Users', query: { count: 'many' } },
  { method: 'GET', path: '/Users', query: { startIndex: '-5' } },
  { method: 'GET', path: '/Groups', query: { filter: 'members[value eq "x"]' } },
  { method: 'DELETE', path: '/Groups/%2e%2e' },
];

export const ERROR_CHECKS: readonly Check[] = [
  {
    id: 'SP-ERROR-BODY',
    area: 'errors',
    title:
      "A 404 carries the profile's error body (AWS: schema, schemas, status string, exceptionRequestId, timeStamp)",
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) =>
      expectError(ctx, await ctx.http.get(`/Groups/${unknownId()}`), 404, 'GET /Groups/{unknown}'),
  },
  {
    id: 'SP-ERROR-JSON-MEDIA-TYPE',
    area: 'errors',
    title: 'Error answers are JSON with a JSON media type',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-HTTP-CONTENT-TYPE'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      for (const response of [
        await ctx.http.get(`/Users/${unknownId()}`),
        await ctx.http.get('/Users', { filter: 'userName xx "a"' }),
      ]) {
        const type = response.headers['content-type'] ?? '';
        ensure(
          /^application\/(scim\+)?json/.test(type),
          `status ${response.status}: Content-Type ${type || 'none'}`,
        );
        ensure(
          typeof response.body === 'object',
          `status ${response.status}: the body is not JSON`,
        );
      }
    },
  },
  {
    id: 'SP-ERROR-NO-5XX',
    area: 'errors',
    title: 'Garbage ids, queries and paths get 4xx answers, never 5xx',
    level: 'MUST',
    references: ['RFC 7644 §3.12', 'AWS-ERROR-INTERNAL-500'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      for (const request of GARBAGE) {
        const response = await ctx.http.send(request);
        ensure(
          response.status < 500,
          `${request.method} ${request.path.slice(0, 40)}: answered ${response.status}`,
        );
      }
    },
  },
  {
    id: 'SP-THROTTLE-429',
    area: 'errors',
    title: 'A throttled request gets 429 with the AWS error body',
    level: 'MUST',
    references: ['AWS-THROTTLE-429', 'AWS-ERROR-BODY'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => {
      const throttle = ctx.target.hooks.throttleNextRequest;
      if (!throttle)
        return ctx.notApplicable(
          'the target cannot be made to throttle on demand (only the built-in mock can)',
        );
      await throttle();
      const response = await ctx.http.send({
        method: 'GET',
        path: '/Users',
        query: { count: 1 },
        retryOn429: false,
      });
      expectError(ctx, response, 429, 'GET /Users while throttled');
      expectStatus(
        await ctx.http.get('/Users', { count: 1 }),
        200,
        'GET /Users after the throttled request',
      );
    },
  },
];
