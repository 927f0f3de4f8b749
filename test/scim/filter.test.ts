// Proves the list filter grammar AWS supports and the 400s for everything else (§4, §9 items 16-17, 23).
import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../scim/errors.ts';
import {
  canonicalFilter,
  parseGroupFilter,
  parseUserFilter,
  tokenizeFilter,
} from '../../scim/filter.ts';
import type { GroupFilter, UserFilter } from '../../scim/filter.ts';

function expectInvalid(action: () => unknown, behaviour: string, reason: RegExp): void {
  expect(action).to.throw(ScimError).that.deep.includes({
    status: 400,
    detail: AWS_DETAIL.invalidRequest,
    behaviour,
  });
  try {
    action();
  } catch (error) {
    expect((error as ScimError).reason).to.match(reason);
  }
}

describe('scim/filter', () => {
  describe('parseUserFilter', () => {
    const accepted: Array<[string, UserFilter]> = [
      ['userName eq "bjensen"', { kind: 'userName', value: 'bjensen' }],
      ['USERNAME EQ "BJensen"', { kind: 'userName', value: 'BJensen' }],
      ['  userName   eq\t"with space"  ', { kind: 'userName', value: 'with space' }],
      [
        'userName eq "quote\\"and\\\\slash\\u00e9"',
        { kind: 'userName', value: 'quote"and\\slashé' },
      ],
      ['userName eq ""', { kind: 'userName', value: '' }],
      ['externalId eq "701984"', { kind: 'externalId', value: '701984' }],
      ['id eq "u-1"', { kind: 'id', value: 'u-1' }],
      ['groups.value eq "g-1"', { kind: 'groupMember', groupId: 'g-1' }],
      ['id eq "u-1" and manager eq "u-2"', { kind: 'idAndManager', id: 'u-1', managerId: 'u-2' }],
      ['manager eq "u-2" AND id eq "u-1"', { kind: 'idAndManager', id: 'u-1', managerId: 'u-2' }],
    ];
    for (const [text, filter] of accepted) {
      it(`AWS-FILTER-USER-ATTRS: reads ${text}`, () => {
        expect(parseUserFilter(text)).to.deep.equal(filter);
      });
    }

    const refused: Array<[string, string, RegExp]> = [
      ['userName co "jen"', 'AWS-FILTER-EQ-ONLY', /operator "co" is not supported/],
      ['userName sw "b"', 'AWS-FILTER-EQ-ONLY', /operator "sw"/],
      ['userName pr', 'AWS-FILTER-EQ-ONLY', /operator "pr"/],
      ['userName ne "x"', 'AWS-FILTER-EQ-ONLY', /operator "ne"/],
      ['userName is "x"', 'AWS-FILTER-EQ-ONLY', /expected "eq" after the attribute, found "is"/],
      ['userName', 'AWS-FILTER-EQ-ONLY', /expected "eq" and a value/],
      ['userName eq "a" or userName eq "b"', 'AWS-FILTER-EQ-ONLY', /"or" is not supported/],
      ['not userName eq "a"', 'AWS-FILTER-EQ-ONLY', /"not" is not supported/],
      ['(userName eq "a")', 'AWS-FILTER-EQ-ONLY', /parentheses/],
      ['userName eq bjensen', 'AWS-FILTER-EQ-ONLY', /double-quoted string/],
      ["userName eq 'bjensen'", 'AWS-FILTER-EQ-ONLY', /double-quoted string/],
      ['userName eq', 'AWS-FILTER-EQ-ONLY', /double-quoted string/],
      ['userName eq "unterminated', 'AWS-FILTER-EQ-ONLY', /unterminated or malformed string/],
      ['userName eq "bad \\q escape"', 'AWS-FILTER-EQ-ONLY', /not a valid JSON string/],
      ['userName eq "a" trailing', 'AWS-FILTER-EQ-ONLY', /unexpected "trailing"/],
      ['userName eq "a" and', 'AWS-FILTER-EQ-ONLY', /expected an attribute name/],
      ['', 'AWS-FILTER-EQ-ONLY', /empty/],
      ['   ', 'AWS-FILTER-EQ-ONLY', /empty/],
      [
        'id eq "a" and manager eq "b" and id eq "c"',
        'AWS-FILTER-EQ-ONLY',
        /at most two comparisons/,
      ],
      [
        'emails.value eq "a@example.com"',
        'AWS-FILTER-USER-ATTRS',
        /"emails.value" is not supported/,
      ],
      ['displayName eq "Babs"', 'AWS-FILTER-USER-ATTRS', /"displayname" is not supported/],
      ['manager eq "u-2"', 'AWS-FILTER-USER-ATTRS', /"manager" is not supported/],
      ['userName eq "a" and id eq "b"', 'AWS-FILTER-USER-ATTRS', /only id and manager/],
      ['groups.value eq ""', 'AWS-FILTER-MEMBER-EMPTY', /groups.value eq ""/],
      ['id eq "u-1" and manager eq ""', 'AWS-FILTER-MEMBER-EMPTY', /manager eq ""/],
    ];
    for (const [text, behaviour, reason] of refused) {
      it(`${behaviour}: refuses ${JSON.stringify(text)} with the generic 400`, () => {
        expectInvalid(() => parseUserFilter(text), behaviour, reason);
      });
    }
  });

  describe('parseGroupFilter', () => {
    const accepted: Array<[string, GroupFilter]> = [
      ['displayName eq "Admins"', { kind: 'displayName', value: 'Admins' }],
      ['displayname EQ "Admins"', { kind: 'displayName', value: 'Admins' }],
      ['externalId eq "e-1"', { kind: 'externalId', value: 'e-1' }],
      ['id eq "g-1"', { kind: 'id', value: 'g-1' }],
      ['members.value eq "u-1"', { kind: 'hasMember', userId: 'u-1' }],
      ['id eq "g-1" and members eq "u-1"', { kind: 'idAndMember', id: 'g-1', userId: 'u-1' }],
      ['members eq "u-1" and id eq "g-1"', { kind: 'idAndMember', id: 'g-1', userId: 'u-1' }],
    ];
    for (const [text, filter] of accepted) {
      it(`AWS-FILTER-GROUP-ATTRS: reads ${text}`, () => {
        expect(parseGroupFilter(text)).to.deep.equal(filter);
      });
    }

    const refused: Array<[string, string, RegExp]> = [
      ['displayName sw "Adm"', 'AWS-FILTER-EQ-ONLY', /operator "sw"/],
      ['displayName eq "a" or id eq "b"', 'AWS-FILTER-EQ-ONLY', /"or"/],
      ['members eq "u-1"', 'AWS-FILTER-GROUP-ATTRS', /"members" is not supported/],
      ['description eq "x"', 'AWS-FILTER-GROUP-ATTRS', /"description" is not supported/],
      ['displayName eq "a" and id eq "b"', 'AWS-FILTER-GROUP-ATTRS', /only id and members/],
      ['id eq "g" and members.value eq "u"', 'AWS-FILTER-GROUP-ATTRS', /only id and members/],
      ['id eq "g" and members eq ""', 'AWS-FILTER-MEMBER-EMPTY', /members eq ""/],
      ['members.value eq ""', 'AWS-FILTER-MEMBER-EMPTY', /members.value eq ""/],
    ];
    for (const [text, behaviour, reason] of refused) {
      it(`${behaviour}: refuses ${JSON.stringify(text)} with the generic 400`, () => {
        expectInvalid(() => parseGroupFilter(text), behaviour, reason);
      });
    }

    it('AWS-ERROR-BODY: refuses with no scimType on the error', () => {
      expect(() => parseGroupFilter('displayName co "a"'))
        .to.throw(ScimError)
        .that.does.not.have.property('scimType');
    });
  });

  describe('canonicalFilter', () => {
    it('AWS-CURSOR-FILTER-CHANGE: gives the same string for the same filter in any spelling', () => {
      const a = canonicalFilter(parseUserFilter('manager eq "m" AND ID eq "i"'));
      const b = canonicalFilter(parseUserFilter('id  eq "i" and manager eq "m"'));
      expect(a).to.equal('id eq "i" and manager eq "m"').and.equal(b);
    });

    it('AWS-CURSOR-FILTER-CHANGE: gives different strings for different filters', () => {
      const texts = ['userName eq "a"', 'userName eq "b"', 'externalId eq "a"', 'id eq "a"'];
      const canonical = texts.map((text) => canonicalFilter(parseUserFilter(text)));
      expect(new Set(canonical).size).to.equal(texts.length);
    });

    it('gives text that parses back to the same filter', () => {
      const users = [
        'userName eq "a\\"b"',
        'externalId eq "e"',
        'id eq "i"',
        'groups.value eq "g"',
      ];
      for (const text of [...users, 'id eq "i" and manager eq "m"']) {
        const filter = parseUserFilter(text);
        expect(parseUserFilter(canonicalFilter(filter))).to.deep.equal(filter);
      }
      const groups = ['displayName eq "d"', 'members.value eq "u"', 'id eq "g" and members eq "u"'];
      for (const text of groups) {
        const filter = parseGroupFilter(text);
        expect(parseGroupFilter(canonicalFilter(filter))).to.deep.equal(filter);
      }
    });

    it('gives an empty string when there is no filter', () => {
      expect(canonicalFilter(undefined)).to.equal('');
    });
  });

  describe('tokenizeFilter', () => {
    it('splits words, decoded strings and brackets', () => {
      const fail = (reason: string): never => {
        throw new Error(reason);
      };
      expect(tokenizeFilter('a[b eq "c d"]', fail)).to.deep.equal([
        { kind: 'word', text: 'a' },
        { kind: 'bracket', text: '[' },
        { kind: 'word', text: 'b' },
        { kind: 'word', text: 'eq' },
        { kind: 'string', text: 'c d' },
        { kind: 'bracket', text: ']' },
      ]);
    });
  });
});
