// Valid user and group bodies with exactly one attribute of the wrong JSON type, or one
// attribute AWS does not support: the schema refuses each, whatever else the body holds.
import fc from 'fast-check';

import { ENTERPRISE_USER_URN } from '../../../scim/urns.ts';
import { scimRequest, setAt, type BadRequest, type Target } from './bad-request.ts';
import { validGroup, validUser } from './valid-bodies.ts';

type JsonType = 'string' | 'boolean' | 'object' | 'array' | 'number' | 'null';

const E = ENTERPRISE_USER_URN;
/** Each typed attribute of a user body, as a dotted path into validUser(), and its type. */
const USER_ATTRIBUTES: Record<string, JsonType> = {
  userName: 'string',
  externalId: 'string',
  displayName: 'string',
  name: 'object',
  'name.givenName': 'string',
  'name.familyName': 'string',
  nickName: 'string',
  title: 'string',
  locale: 'string',
  timezone: 'string',
  active: 'boolean',
  emails: 'array',
  'emails.0': 'object',
  'emails.0.value': 'string',
  'emails.0.primary': 'boolean',
  phoneNumbers: 'array',
  'phoneNumbers.0.value': 'string',
  schemas: 'array',
  'schemas.0': 'string',
  [E]: 'object',
  [`${E}.department`]: 'string',
};

const GROUP_ATTRIBUTES: Record<string, JsonType> = {
  displayName: 'string',
  externalId: 'string',
  members: 'array',
  'members.0': 'object',
  'members.0.value': 'string',
  schemas: 'array',
};

const UNSUPPORTED_USER = [
  'password',
  'ims',
  'photos',
  'x509Certificates',
  'entitlements',
  'groups',
  'emails.0.display',
  'name.nick',
  'meta.etag',
  'id.x',
];

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** Any JSON value whose type is not `expected`. */
export function wrongValue(expected: JsonType): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: 3 }).filter((value) => typeOf(value) !== expected);
}

/** A path that splits on dots but keeps the enterprise URN (which holds dots) whole. */
function assign(
  doc: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  if (!path.startsWith(E)) return setAt(doc, path, value);
  const copy = structuredClone(doc);
  const rest = path.slice(E.length + 1);
  copy[E] = rest === '' ? value : setAt(copy[E], rest, value);
  return copy;
}

function mutated(
  base: fc.Arbitrary<Record<string, unknown>>,
  attributes: Record<string, JsonType>,
) {
  const one = fc.constantFrom(...Object.entries(attributes));
  return fc
    .tuple(base, one)
    .chain(([doc, [path, type]]) => wrongValue(type).map((value) => assign(doc, path, value)));
}

/** Adds an attribute AWS does not know; a dotted path nests it (`meta.etag` → meta: {etag}). */
function unsupported(base: fc.Arbitrary<Record<string, unknown>>) {
  return fc
    .tuple(base, fc.constantFrom(...UNSUPPORTED_USER), fc.jsonValue({ maxDepth: 2 }))
    .map(([doc, path, value]) => {
      const [head, ...rest] = path.split('.');
      if (head in doc) return setAt(doc, path, value);
      const nested = rest.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      return { ...doc, [head]: nested };
    });
}

export function wrongTypes(target: Target): fc.Arbitrary<BadRequest> {
  const user = fc.nat(10_000).map(validUser);
  const group = fc.nat(10_000).map((n) => validGroup(n, target.userIds.slice(0, 2)));
  const userRoute = fc.constantFrom('POST /Users', `PUT /Users/${target.userIds[2]}`);
  const groupRoute = fc.constantFrom('POST /Groups', `PUT /Groups/${target.groupIds[2]}`);
  const userBody = fc.oneof(mutated(user, USER_ATTRIBUTES), unsupported(user));
  // PUT /Groups refuses members anyway; the mutation still has to pass through the same checks.
  const userCase = fc.tuple(userRoute, userBody);
  const groupCase = fc.tuple(groupRoute, mutated(group, GROUP_ATTRIBUTES));
  return fc.oneof(userCase, groupCase).map(([route, body]) => {
    const [method, rest] = route.split(' ');
    return scimRequest(target, 'wrong-type', method, rest, body);
  });
}
