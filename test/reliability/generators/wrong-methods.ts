// Methods a route does not take, methods no route takes, and methods Node's parser does not know
// at all (answered before the app). HEAD is only sent where a GET would be refused too.
import { METHODS } from 'node:http';

import fc from 'fast-check';

import { scimRequest, type BadRequest, type Target } from './bad-request.ts';
import { validGroup, validUser } from './valid-bodies.ts';

/** Known to Node's parser, but no SCIM route takes them. */
const ODD = [
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
  'PURGE',
  'SEARCH',
  'REPORT',
  'TRACE',
  'LINK',
  'UNLINK',
  'MERGE',
  'NOTIFY',
  'SUBSCRIBE',
  'QUERY',
].filter((method) => METHODS.includes(method));
/** Not HTTP methods at all: refused by the parser with a bare 400. */
const UNKNOWN = ['FOO', 'GETS', 'DELETEX', 'BREW'].filter((method) => !METHODS.includes(method));

function wrongRoute(target: Target): fc.Arbitrary<[string, string]> {
  const user = target.userIds[0];
  const group = target.groupIds[0];
  return fc.constantFrom<[string, string]>(
    ['PUT', '/Users'],
    ['PATCH', '/Users'],
    ['DELETE', '/Users'],
    ['PUT', '/Groups'],
    ['PATCH', '/Groups'],
    ['DELETE', '/Groups'],
    ['POST', `/Users/${user}`],
    ['POST', `/Groups/${group}`],
    ['POST', '/ServiceProviderConfig'],
    ['PUT', '/ServiceProviderConfig'],
    ['DELETE', '/Schemas'],
    ['PATCH', '/ResourceTypes'],
    ['POST', '/Schemas'],
    ['POST', '/Bulk'],
    ['POST', '/Me'],
  );
}

export function wrongMethods(target: Target): fc.Arbitrary<BadRequest> {
  const body = fc.nat(1000).chain((n) => fc.constantFrom(validUser(n), validGroup(n)));
  const routed = fc
    .tuple(wrongRoute(target), body)
    .map(([[method, rest], sent]) => scimRequest(target, 'method', method, rest, sent));
  const odd = fc
    .tuple(
      fc.constantFrom(...ODD),
      fc.constantFrom(
        '/Users',
        `/Users/${target.userIds[0]}`,
        '/Groups',
        `/Groups/${target.groupIds[0]}`,
      ),
    )
    .map(([method, rest]) => scimRequest(target, 'method', method, rest));
  const unknown = fc
    .tuple(fc.constantFrom(...UNKNOWN), fc.constantFrom('/Users', `/Groups/${target.groupIds[0]}`))
    .map(([method, rest]) => ({
      ...scimRequest(target, 'method', method, rest),
      answeredBy: 'parser' as const,
    }));
  const head = fc
    .constantFrom(
      '/Users/no-such-id',
      `/Groups/${target.otherGroupIds[0]}`,
      '/Me',
      '/Users?filter=userName%20ne%20%22x%22',
    )
    .map((rest) => ({
      ...scimRequest(target, 'method', 'HEAD', rest),
      answeredBy: 'head' as const,
    }));
  const options = fc
    .constantFrom('/Me', '/Users/x/y', '/Nope')
    .map((rest) => scimRequest(target, 'method', 'OPTIONS', rest));
  return fc.oneof(
    { arbitrary: routed, weight: 4 },
    { arbitrary: odd, weight: 3 },
    { arbitrary: unknown, weight: 1 },
    { arbitrary: head, weight: 1 },
    { arbitrary: options, weight: 1 },
  );
}
