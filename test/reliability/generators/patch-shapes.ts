// PATCH bodies of every wrong shape for users and groups, including a valid operation followed by
// a bad one, after which the whole request must have changed nothing.
import fc from 'fast-check';

import { ENTERPRISE_USER_URN } from '../../../scim/urns.ts';
import { patchOp, scimRequest, type BadRequest, type Target } from './bad-request.ts';
import { wrongValue } from './wrong-types.ts';

const OP = fc.constantFrom('add', 'replace', 'Replace', 'REMOVE', 'remove');
const UNKNOWN_OP = fc.constantFrom(
  'move',
  'copy',
  'test',
  'delete',
  'put',
  '',
  'ad d',
  'replace ',
  5,
  null,
);

/** Bodies that are not a PatchOp at all. */
function brokenEnvelope(): fc.Arbitrary<unknown> {
  const ops = [{ op: 'replace', path: 'displayName', value: 'x' }];
  return fc.oneof(
    fc.constantFrom([], 'replace', 42, null, true, { Operations: ops }),
    fc.constantFrom({ schemas: [], Operations: ops }, { schemas: ['urn:wrong'], Operations: ops }),
    fc.constantFrom(
      patchOp(undefined),
      patchOp([]),
      patchOp({}),
      patchOp('replace'),
      patchOp(ops[0]),
    ),
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
      .map((operation) => patchOp([operation])),
    fc
      .tuple(UNKNOWN_OP, fc.jsonValue({ maxDepth: 1 }))
      .map(([op, value]) => patchOp([{ op, path: 'displayName', value }])),
  );
}

/** Single operations AWS refuses on a user. */
function badUserOperation(): fc.Arbitrary<unknown> {
  const unsupported = fc.constantFrom(
    'password',
    'groups',
    'id',
    'meta.created',
    'schemas',
    'x509Certificates',
    'emails[type eq "work"].display',
    'name.nick',
    `${ENTERPRISE_USER_URN}:manager.displayName`,
  );
  const malformed = fc.constantFrom(
    'emails[type eq "work"',
    'emails[]',
    'name..givenName',
    '.',
    '[',
    'emails[type ne "work"].value',
    'emails[type eq work].value',
    'emails[type eq "work" or primary eq true].value',
  );
  const typed: [string, 'string' | 'boolean' | 'object' | 'array'][] = [
    ['userName', 'string'],
    ['displayName', 'string'],
    ['name', 'object'],
    ['name.givenName', 'string'],
    ['emails', 'array'],
    ['title', 'string'],
  ];
  return fc.oneof(
    fc
      .tuple(OP, unsupported, fc.jsonValue({ maxDepth: 1 }))
      .map(([op, path, value]) => ({ op, path, value: value ?? 'x' })),
    fc.tuple(OP, malformed).map(([op, path]) => ({ op, path, value: 'x' })),
    fc.constantFrom('userName', 'active', 'USERNAME').map((path) => ({ op: 'remove', path })),
    fc.constantFrom('add', 'replace').map((op) => ({ op, path: 'displayName' })),
    fc.constant({ op: 'remove' }),
    fc.constantFrom(...typed).chain(([path, type]) =>
      wrongValue(type)
        .filter((value) => value !== null)
        .map((value) => ({ op: 'replace', path, value })),
    ),
    fc
      .constantFrom('maybe', 'TRUE ', 1, 0, 'yes')
      .map((value) => ({ op: 'replace', path: 'active', value })),
    fc.constant({ op: 'add', value: { displayName: 'a', title: 'b' } }),
    fc.constant({
      op: 'add',
      path: 'emails',
      value: [{ value: 'a@example.com' }, { value: 'b@example.com' }],
    }),
    fc.constant({ op: 'replace', path: 'userName', value: 'Administrator' }),
    fc.constant({ op: 'replace', path: 'displayName', value: 'tab\there' }),
  );
}

function badGroupOperation(target: Target): fc.Arbitrary<unknown> {
  const ids = target.userIds;
  const tooMany = Array.from({ length: 101 }, (_, index) => ({
    value: ids[index % ids.length] + (index < ids.length ? '' : `-${index}`),
  }));
  return fc.oneof(
    fc.constantFrom(
      { op: 'replace', path: 'members', value: [{ value: ids[0] }] },
      { op: 'remove', path: 'members' },
      { op: 'remove', path: 'members', value: [] },
      { op: 'add', path: 'members', value: tooMany },
      { op: 'add', path: 'members', value: [{ value: 'no-such-user' }] },
      { op: 'add', path: 'members', value: [{ value: target.otherUserIds[0] }] },
      { op: 'add', path: 'members', value: ids[0] },
      { op: 'add', path: 'members', value: [{}] },
      { op: 'add', path: 'members', value: [{ value: 5 }] },
      { op: 'add', path: `members[value eq "${ids[0]}"]`, value: 'x' },
      { op: 'remove', path: 'members[value ne "x"]' },
      { op: 'replace', value: { displayName: 'a', externalId: 'b' } },
    ),
    fc
      .tuple(
        OP,
        fc.constantFrom('members.display', 'meta', 'id', 'displayName.x', 'schemas', 'owner'),
      )
      .map(([op, path]) => ({ op, path, value: 'x' })),
    fc
      .constantFrom('Administrator', 'AWSAdministrators', '', '   ', 'nul\u0000', 'z'.repeat(1025))
      .map((value) => ({ op: 'replace', path: 'displayName', value })),
    wrongValue('string')
      .filter((value) => value !== null)
      .map((value) => ({ op: 'replace', path: 'displayName', value })),
  );
}

/** A fine operation first, then the bad one: the request as a whole must change nothing. */
function withValidFirst(bad: fc.Arbitrary<unknown>, valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(bad, fc.boolean())
    .map(([operation, first]) => patchOp(first ? [valid, operation] : [operation]));
}

export function patchShapes(target: Target): fc.Arbitrary<BadRequest> {
  const userOp = { op: 'replace', path: 'displayName', value: 'changed by a refused PATCH' };
  const groupOp = { op: 'add', path: 'members', value: [{ value: target.userIds.at(-1) }] };
  const user = fc
    .tuple(
      fc.constantFrom(...target.userIds),
      fc.oneof(brokenEnvelope(), withValidFirst(badUserOperation(), userOp)),
    )
    .map(([id, body]) => scimRequest(target, 'patch', 'PATCH', `/Users/${id}`, body));
  const group = fc
    .tuple(
      fc.constantFrom(...target.groupIds),
      fc.oneof(brokenEnvelope(), withValidFirst(badGroupOperation(target), groupOp)),
    )
    .map(([id, body]) => scimRequest(target, 'patch', 'PATCH', `/Groups/${id}`, body));
  // A valid PATCH aimed at an id this tenant does not have: 404.
  const missing = fc
    .constantFrom(...target.otherUserIds, 'no-such-id')
    .map((id) => scimRequest(target, 'patch', 'PATCH', `/Users/${id}`, patchOp([userOp])));
  return fc.oneof(
    { arbitrary: user, weight: 4 },
    { arbitrary: group, weight: 4 },
    { arbitrary: missing, weight: 1 },
  );
}
