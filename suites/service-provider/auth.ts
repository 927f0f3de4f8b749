// Authentication failures (RFC 7644 §2, §3.12; AWS-AUTH-*): every wrong or missing credential
// gets 401 with the profile's error body, before any routing or lookup happens.
import type { Check, CheckContext } from '../runner/check.ts';
import type { ScimRequest } from '../runner/http-client.ts';
import { expectError } from './support/error-body.ts';
import { expectStatus } from './support/expect.ts';
import { trackCreated, unknownId, userData } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;
const REFERENCES = [
  'RFC 7644 §2',
  'RFC 7644 §3.12',
  'RFC 6750 §3.1',
  'AWS-AUTH-BEARER-401',
  'AWS-ERROR-BODY',
];

async function expect401(
  ctx: CheckContext,
  request: Omit<ScimRequest, 'method' | 'path'> & Partial<ScimRequest>,
  what: string,
) {
  const response = await ctx.http.send({
    method: 'GET',
    path: '/Users',
    query: { count: 1 },
    ...request,
  });
  trackCreated(ctx, '/Users', response);
  expectError(ctx, response, 401, what);
}

/** One 401 check per kind of bad credential on a read, so each failure is reported on its own. */
function badCredential(
  id: string,
  title: string,
  authorization: (token: string) => string | null,
): Check {
  return {
    id,
    area: 'auth',
    title,
    level: 'MUST',
    references: REFERENCES,
    profiles: BOTH,
    readOnly: true,
    run: (ctx) =>
      expect401(ctx, { authorization: authorization(ctx.target.token) }, `GET /Users: ${title}`),
  };
}

/** The base URL with its tenant segment replaced, when it has AWS's `/<tenant>/scim/v2` shape. */
function otherTenantBase(baseUrl: string): string | undefined {
  const match = /^(.*\/)([^/]+)(\/scim\/v2)$/.exec(baseUrl);
  if (!match) return undefined;
  return `${match[1]}${match[2] === 'scimhnotenant0' ? 'scimhnotenant1' : 'scimhnotenant0'}${match[3]}`;
}

export const AUTH_CHECKS: readonly Check[] = [
  badCredential('SP-AUTH-NO-HEADER', 'no Authorization header gets 401', () => null),
  badCredential(
    'SP-AUTH-WRONG-TOKEN',
    'an unknown bearer token gets 401',
    () => `Bearer ${unknownId()}`,
  ),
  badCredential('SP-AUTH-EMPTY-BEARER', "'Bearer' with no token gets 401", () => 'Bearer '),
  badCredential(
    'SP-AUTH-TOKEN-SUFFIX',
    'the token with one extra character gets 401',
    (token) => `Bearer ${token}x`,
  ),
  badCredential(
    'SP-AUTH-TOKEN-PREFIX',
    'a truncated token gets 401',
    (token) => `Bearer ${token.slice(0, -1)}`,
  ),
  badCredential(
    'SP-AUTH-NO-SCHEME',
    'the token without the Bearer scheme gets 401',
    (token) => token,
  ),
  badCredential(
    'SP-AUTH-BASIC-SCHEME',
    'the token sent as Basic credentials gets 401',
    (token) => `Basic ${Buffer.from(`harness:${token}`).toString('base64')}`,
  ),
  {
    id: 'SP-AUTH-SCHEME-CASE',
    area: 'auth',
    title: "the scheme name is case-insensitive: 'bearer <token>' is accepted",
    level: 'SHOULD',
    references: ['RFC 7235 §2.1', 'RFC 6750 §2.1', 'RFC 7644 §2'],
    profiles: ['rfc7644'],
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.send({
        method: 'GET',
        path: '/Users',
        query: { count: 1 },
        authorization: `bearer ${ctx.target.token}`,
      });
      expectStatus(response, 200, "GET /Users with 'bearer <token>'");
    },
  },
  {
    id: 'SP-AUTH-WRITE-401',
    area: 'auth',
    title: 'A create without credentials gets 401 and creates nothing',
    level: 'MUST',
    references: REFERENCES,
    profiles: BOTH,
    run: async (ctx) => {
      const user = await userData(ctx);
      await expect401(
        ctx,
        { method: 'POST', path: '/Users', query: {}, body: user, authorization: null },
        'POST /Users without credentials',
      );
      const lookup = await ctx.http.get('/Users', { filter: `userName eq "${user.userName}"` });
      expectStatus(lookup, 200, 'GET /Users?filter=userName eq …');
      if (lookup.body?.totalResults !== 0)
        throw new Error(`the refused create still made user ${user.userName}`);
    },
  },
  {
    id: 'SP-AUTH-DELETE-401-FIRST',
    area: 'auth',
    title: 'A DELETE of an unknown id with a bad token gets 401, not 404',
    level: 'MUST',
    references: REFERENCES,
    profiles: BOTH,
    readOnly: true,
    run: (ctx) =>
      expect401(
        ctx,
        {
          method: 'DELETE',
          path: `/Users/${unknownId()}`,
          query: {},
          authorization: `Bearer ${unknownId()}`,
        },
        'DELETE /Users/{unknown} with a bad token',
      ),
  },
  {
    id: 'SP-AUTH-PATCH-401',
    area: 'auth',
    title: 'A group PATCH with a bad token gets 401',
    level: 'MUST',
    references: REFERENCES,
    profiles: BOTH,
    readOnly: true,
    run: (ctx) =>
      expect401(
        ctx,
        {
          method: 'PATCH',
          path: `/Groups/${unknownId()}`,
          query: {},
          body: { Operations: [] },
          authorization: `Bearer ${unknownId()}`,
        },
        'PATCH /Groups/{id} with a bad token',
      ),
  },
  {
    id: 'SP-AUTH-UNKNOWN-TENANT',
    area: 'auth',
    title: 'A valid token on an unknown tenant id gets 401',
    level: 'MUST',
    references: ['AWS-AUTH-UNKNOWN-TENANT', 'AWS-ERROR-BODY'],
    profiles: ['aws'],
    readOnly: true,
    run: async (ctx) => {
      const base = otherTenantBase(ctx.target.baseUrl);
      if (!base) return ctx.notApplicable('the base URL does not end in /<tenant>/scim/v2');
      await expect401(ctx, { path: `${base}/Users` }, 'GET /Users on an unknown tenant');
    },
  },
  {
    id: 'SP-AUTH-EXPIRED-TOKEN',
    area: 'auth',
    title: 'An expired token gets 401',
    level: 'MUST',
    references: [...REFERENCES, 'AWS-AUTH-TOKEN-EXPIRY'],
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const make = ctx.target.hooks.expiredToken;
      if (!make)
        return ctx.notApplicable(
          'the target offers no expired token (only the built-in mock does)',
        );
      await expect401(
        ctx,
        { authorization: `Bearer ${await make()}` },
        'GET /Users with an expired token',
      );
    },
  },
  {
    id: 'SP-AUTH-REVOKED-TOKEN',
    area: 'auth',
    title: 'A revoked token gets 401',
    level: 'MUST',
    references: REFERENCES,
    profiles: BOTH,
    readOnly: true,
    run: async (ctx) => {
      const make = ctx.target.hooks.revokedToken;
      if (!make)
        return ctx.notApplicable(
          'the target offers no revoked token (only the built-in mock does)',
        );
      await expect401(
        ctx,
        { authorization: `Bearer ${await make()}` },
        'GET /Users with a revoked token',
      );
    },
  },
];
