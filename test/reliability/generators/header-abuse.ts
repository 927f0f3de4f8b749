// Header abuse: non-JSON bodies, credentials that must fail (carrying valid bodies, so a refusal
// that still wrote shows in the state), and headers too large for Node's parser.
import fc from 'fast-check';

import { bearer, scimRequest, type BadRequest, type Target } from './bad-request.ts';
import { validGroup, validUser } from './valid-bodies.ts';

const BAD_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/jsonx',
  'json',
  'application/scim',
  'text/json',
  '*/*',
  'application/json-patch+json',
  '',
  ' ',
];

function validWrite(target: Target): fc.Arbitrary<[string, string, unknown]> {
  return fc.oneof(
    fc.nat(10_000).map((n) => ['POST', '/Users', validUser(n)] as [string, string, unknown]),
    fc.nat(10_000).map((n) => ['POST', '/Groups', validGroup(n)] as [string, string, unknown]),
    fc.constant(['DELETE', `/Users/${target.userIds[0]}`, undefined] as [string, string, unknown]),
    fc.constant(['DELETE', `/Groups/${target.groupIds[0]}`, undefined] as [
      string,
      string,
      unknown,
    ]),
  );
}

/** AWS-HTTP-REQUEST-CONTENT-TYPE: a valid user or group body under a type that is not JSON. */
function badContentType(target: Target): fc.Arbitrary<BadRequest> {
  return fc
    .tuple(
      validWrite(target).filter(([method]) => method === 'POST'),
      fc.constantFrom(...BAD_TYPES),
    )
    .map(([[method, rest, body], type]) => {
      const request = scimRequest(target, 'header-content-type', method, rest, body);
      const headers: Record<string, string> = { ...bearer(target.token) };
      if (type !== '') headers['content-type'] = type;
      return { ...request, headers };
    });
}

/** Authorization values that name no live token of this tenant. */
function badCredentials(target: Target): fc.Arbitrary<string | string[]> {
  const flipped = target.token.replace(/[a-z]/, (char) => char.toUpperCase());
  return fc.oneof(
    fc.constantFrom(
      `Bearer ${target.otherToken}`,
      `Bearer ${target.adminToken}`,
      `Bearer ${flipped}`,
      `Bearer ${target.token}x`,
      `Bearer ${target.token.slice(0, -1)}`,
      `Bearer ${target.token} ${target.token}`,
      `Basic ${Buffer.from(`user:${target.token}`).toString('base64')}`,
      `Token ${target.token}`,
      `${target.token}`,
      'Bearer',
      'Bearer ',
      '',
    ),
    fc
      .string({ unit: 'grapheme-ascii', maxLength: 300 })
      .map((text) => `Bearer ${text.replace(/\s/g, '')}x`),
    // Node keeps the first of two Authorization headers: a bad first one must win.
    fc.constant<string[]>([`Bearer ${target.otherToken}`, `Bearer ${target.token}`]),
    fc.constant<string[]>([`Bearer nope`, `Bearer ${target.token}`]),
  );
}

function credentials(target: Target): fc.Arbitrary<BadRequest> {
  return fc
    .tuple(validWrite(target), badCredentials(target))
    .map(([[method, rest, body], authorization]) => {
      const request = scimRequest(target, 'header-auth', method, rest, body);
      return { ...request, headers: { ...request.headers, authorization } };
    });
}

/** Over Node's 16 KiB header limit: the parser answers 431 before the app sees anything. */
function hugeHeaders(target: Target): fc.Arbitrary<BadRequest> {
  return fc
    .tuple(validWrite(target), fc.integer({ min: 17 * 1024, max: 64 * 1024 }), fc.boolean())
    .map(([[method, rest, body], size, inAuth]) => {
      const request = scimRequest(target, 'header-huge', method, rest, body);
      const extra: Record<string, string> = inAuth
        ? { authorization: `Bearer ${'t'.repeat(size)}` }
        : { 'x-padding': 'p'.repeat(size) };
      return {
        ...request,
        headers: { ...request.headers, ...extra },
        answeredBy: 'parser' as const,
      };
    });
}

export function headerAbuse(target: Target): fc.Arbitrary<BadRequest> {
  return fc.oneof(
    { arbitrary: badContentType(target), weight: 3 },
    { arbitrary: credentials(target), weight: 4 },
    { arbitrary: hugeHeaders(target), weight: 1 },
  );
}
