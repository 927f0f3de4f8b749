// Request targets that try to reach something else: `..`, encoded and doubled slashes, the other
// tenant's base and ids, case-changed tenant ids, unsupported endpoints and very long ids.
import fc from 'fast-check';

import { bearer, scimBase, type BadRequest, type Target } from './bad-request.ts';
import { validUser } from './valid-bodies.ts';

function request(target: Target, method: string, path: string, body?: unknown): BadRequest {
  const headers: Record<string, string> = bearer(target.token);
  if (body !== undefined) headers['content-type'] = 'application/scim+json';
  const sent = body === undefined ? undefined : JSON.stringify(body);
  return { kind: 'path', method, path, headers, body: sent, answeredBy: 'app' };
}

/** Paths under this tenant's base that must not resolve to anything. */
function trickyRest(target: Target): fc.Arbitrary<string> {
  const [user] = target.userIds;
  return fc.oneof(
    fc.constantFrom(
      `/Users/${user}/..`,
      `/Users/../Groups/${target.groupIds[0]}/x`,
      `/Users/..%2F..%2FGroups`,
      `/Users/${user}%2F..%2F${user}/x`,
      `/Users/%2e%2e`,
      `/Users/.`,
      `//Users/${user}/extra`,
      `/Users/${user}/members`,
      `/Users/${user}/%00`,
      `/Users/${user}%00`,
      '/Me',
      '/Bulk',
      '/.search',
      '/Users/.search',
      '/ResourceTypes/Nope',
      '/Schemas/urn:nope',
      '/Users;id=1',
    ),
    fc.constantFrom(...target.otherUserIds).map((id) => `/Users/${id}`),
    fc.constantFrom(...target.otherGroupIds).map((id) => `/Groups/${id}`),
    fc.integer({ min: 200, max: 12_000 }).map((length) => `/Users/${'a'.repeat(length)}`),
  );
}

/** Bases that are not this tenant's: the other tenant, case variants, traversal out of it. */
function foreignBase(target: Target): fc.Arbitrary<string> {
  const own = scimBase(target.tenantId);
  return fc.constantFrom(
    scimBase(target.otherTenantId),
    scimBase(target.tenantId.toUpperCase()),
    `${own}/../../${target.otherTenantId}/scim/v2`,
    `/${target.tenantId}/../${target.otherTenantId}/scim/v2`,
    `//${target.tenantId}/scim/v2`,
    `/${target.tenantId}//scim/v2`,
    `/${target.tenantId}/scim/v1`,
    `/${target.tenantId}/scim`,
    `/${target.tenantId}%2Fscim%2Fv2`,
    `/${encodeURIComponent(`${target.tenantId}/../${target.otherTenantId}`)}/scim/v2`,
    '/_admin%2Fv1',
    `/%2e%2e/${target.tenantId}/scim/v2`,
    `/x${'t'.repeat(5000)}/scim/v2`,
  );
}

export function pathTricks(target: Target): fc.Arbitrary<BadRequest> {
  const own = scimBase(target.tenantId);
  const method = fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'POST');
  const inside = fc
    .tuple(method, trickyRest(target), fc.nat(1000))
    .map(([verb, rest, n]) =>
      request(
        target,
        verb,
        `${own}${rest}`,
        verb === 'GET' || verb === 'DELETE' ? undefined : validUser(n),
      ),
    );
  const outside = fc
    .tuple(
      method,
      foreignBase(target),
      fc.constantFrom('/Users', `/Users/${target.otherUserIds[0]}`, '/Groups'),
      fc.nat(1000),
    )
    .map(([verb, base, rest, n]) =>
      request(
        target,
        verb,
        `${base}${rest}`,
        verb === 'GET' || verb === 'DELETE' ? undefined : validUser(n),
      ),
    );
  return fc.oneof(inside, outside);
}
