// List filters AWS does not support: other operators, `or`, `not`, grouping, unquoted or
// unterminated values, unknown attributes, undocumented pairs, empty member values.
import fc from 'fast-check';

import { scimRequest, type BadRequest, type Target } from './bad-request.ts';

const OPERATORS = [
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
  'pr',
  'EQUALS',
  '=',
  '==',
  'eqq',
];
const USER_ATTRS = ['userName', 'externalId', 'id', 'groups.value'];
const GROUP_ATTRS = ['displayName', 'externalId', 'id', 'members.value'];

const quoted = (value: string): string => JSON.stringify(value);

/** A filter that breaks the grammar in a way chosen by `shape`, around real attributes. */
function brokenFilter(
  attrs: readonly string[],
  otherAttrs: readonly string[],
): fc.Arbitrary<string> {
  const attr = fc.constantFrom(...attrs);
  const value = fc.string({ maxLength: 30 }).filter((text) => !text.includes('"'));
  return fc.oneof(
    fc
      .tuple(attr, fc.constantFrom(...OPERATORS), value)
      .map(([a, op, v]) => `${a} ${op} ${quoted(v)}`),
    fc
      .tuple(attr, value, attr, value)
      .map(([a, v, b, w]) => `${a} eq ${quoted(v)} or ${b} eq ${quoted(w)}`),
    fc.tuple(attr, value).map(([a, v]) => `not (${a} eq ${quoted(v)})`),
    fc.tuple(attr, value).map(([a, v]) => `(${a} eq ${quoted(v)})`),
    fc.tuple(attr, fc.stringMatching(/^[a-z0-9]{1,10}$/)).map(([a, v]) => `${a} eq ${v}`),
    fc.tuple(attr, value).map(([a, v]) => `${a} eq "${v}`),
    fc.tuple(attr, value).map(([a, v]) => `${a} eq ${quoted(v)} and`),
    fc.tuple(attr, value).map(([a, v]) => `${a} eq ${quoted(v)} ${a} eq ${quoted(v)}`),
    fc
      .tuple(
        fc.constantFrom(
          ...otherAttrs,
          'password',
          'meta.created',
          'emails.value',
          'name.givenName',
        ),
        value,
      )
      .map(([a, v]) => `${a} eq ${quoted(v)}`),
    fc.tuple(attr, value).map(([a, v]) => `${a} eq ${quoted(v)} and ${a} eq ${quoted(v)}`),
    fc.tuple(attr, value).map(([a, v]) => `${a} eq ${quoted(v)} and id eq "x" and id eq "y"`),
    fc.constantFrom(
      '',
      '   ',
      'eq',
      '"userName" eq "x"',
      'userName eq "\\x"',
      'userName eq "\\ud800',
      '()',
      '[]',
    ),
  );
}

/** `?filter=` with each filter encoded; several filters repeat the parameter (also a 400). */
function query(filters: readonly string[], cursor: boolean): string {
  const params = filters.map((filter) => `filter=${encodeURIComponent(filter)}`);
  return `?${params.join('&')}${cursor ? '&cursor' : ''}`;
}

export function invalidFilters(target: Target): fc.Arbitrary<BadRequest> {
  const users = brokenFilter(USER_ATTRS, ['displayName', 'members.value']).map(
    (filter) => ['/Users', [filter]] as const,
  );
  const groups = brokenFilter(GROUP_ATTRS, ['userName', 'groups.value']).map(
    (filter) => ['/Groups', [filter]] as const,
  );
  const special = fc.constantFrom<readonly [string, string[]]>(
    // AWS-FILTER-MEMBER-EMPTY
    ['/Groups', [`id eq "${target.groupIds[0]}" and members eq ""`]],
    ['/Users', [`id eq "${target.userIds[0]}" and manager eq ""`]],
    ['/Groups', ['members.value eq ""']],
    // AWS-FILTER-MEMBER-UNKNOWN-404: a member filter naming no user of this tenant.
    ['/Groups', [`members.value eq "${target.otherUserIds[0]}"`]],
    ['/Groups', ['members.value eq "no-such-user"']],
    ['/Groups', [`id eq "${target.groupIds[0]}" and members eq "${target.otherUserIds[0]}"`]],
    // A valid filter given twice.
    ['/Users', ['userName eq "a"', 'userName eq "b"']],
  );
  return fc
    .tuple(fc.oneof(users, groups, special), fc.boolean())
    .map(([[rest, filters], cursor]) =>
      scimRequest(target, 'filter', 'GET', `${rest}${query(filters, cursor)}`),
    );
}
