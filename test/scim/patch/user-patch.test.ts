// Proves applyUserPatch on single-valued, complex and enterprise attributes, and the refusals of
// §5 PatchUser and §9 items 13-15.
import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';
import { applyUserPatch } from '../../../scim/patch/user-patch.ts';
import { ENTERPRISE_USER_URN, PATCH_OP_URN } from '../../../scim/urns.ts';

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });

function baseUser(): Record<string, unknown> {
  return {
    userName: 'bjensen@example.com',
    displayName: 'Babs Jensen',
    active: true,
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
    [ENTERPRISE_USER_URN]: { department: 'Sales', manager: { value: 'm-1' } },
  };
}

function expectRefused(body: unknown, behaviour: string, reason: RegExp, detail?: string): void {
  expect(() => applyUserPatch(baseUser(), body))
    .to.throw(ScimError)
    .that.deep.includes({ status: 400, detail: detail ?? AWS_DETAIL.invalidRequest, behaviour })
    .and.has.property('reason')
    .that.matches(reason);
}

describe('scim/patch/user-patch', () => {
  it('AWS-PATCH-STRING-BOOLEANS: stores a real boolean for "false", "TRUE" and false', () => {
    for (const [value, expected] of [
      ['false', false],
      ['TRUE', true],
      [false, false],
    ] as const) {
      const user = applyUserPatch(baseUser(), patch({ op: 'replace', path: 'active', value }));
      expect(user.active).to.equal(expected);
    }
  });

  it('AWS-PATCH-STRING-BOOLEANS: refuses an active value that is no boolean', () => {
    expectRefused(
      patch({ op: 'replace', path: 'active', value: 'no' }),
      'AWS-PATCH-STRING-BOOLEANS',
      /active must be true or false, got "no"/,
    );
    expectRefused(
      patch({ op: 'replace', path: 'active', value: 0 }),
      'AWS-PATCH-STRING-BOOLEANS',
      /got 0/,
    );
  });

  it('AWS-PATCH-OP-CASE: applies Replace, ADD and Remove with paths in any case', () => {
    const user = applyUserPatch(
      baseUser(),
      patch(
        { op: 'Replace', path: 'DISPLAYNAME', value: 'Barbara J' },
        { op: 'ADD', path: 'Title', value: 'Tour Guide' },
        { op: 'Remove', path: 'name.GIVENNAME' },
      ),
    );
    expect(user).to.deep.include({ displayName: 'Barbara J', title: 'Tour Guide' });
    expect(user.name).to.deep.equal({ familyName: 'Jensen' });
  });

  it('never mutates the document it was given', () => {
    const original = baseUser();
    const snapshot = structuredClone(original);
    applyUserPatch(
      original,
      patch(
        { op: 'replace', path: 'name.givenName', value: 'B' },
        { op: 'add', path: 'emails', value: [{ value: 'b@example.com' }] },
        { op: 'remove', path: `${ENTERPRISE_USER_URN}:manager` },
      ),
    );
    expect(original).to.deep.equal(snapshot);
  });

  it('sets every documented single-valued attribute, and externalId by add', () => {
    const names = ['externalId', 'nickName', 'profileUrl', 'userType', 'preferredLanguage'];
    const more = ['locale', 'timezone', 'userName'];
    const operations = [...names, ...more].map((path) => ({ op: 'add', path, value: `v-${path}` }));
    const user = applyUserPatch(baseUser(), patch(...operations));
    for (const name of [...names, ...more]) expect(user[name]).to.equal(`v-${name}`);
  });

  it('removes an attribute, and takes the removal of an absent one as no error', () => {
    const user = applyUserPatch(
      baseUser(),
      patch({ op: 'remove', path: 'displayName' }, { op: 'remove', path: 'nickName' }),
    );
    expect(user).not.to.have.property('displayName');
    expect(user).not.to.have.property('nickName');
  });

  it('unassigns an attribute set to null inside a no-path value (RFC 7643 §2.5)', () => {
    const user = applyUserPatch(baseUser(), patch({ op: 'replace', value: { displayName: null } }));
    expect(user).not.to.have.property('displayName');
  });

  describe('name (complex)', () => {
    it('merges sub-attributes on replace and on add (RFC 7644 §3.5.2.1, §3.5.2.3)', () => {
      for (const op of ['replace', 'add']) {
        const user = applyUserPatch(
          baseUser(),
          patch({
            op,
            path: 'name',
            value: { GivenName: 'Babs', middleName: 'Q', familyName: null },
          }),
        );
        expect(user.name).to.deep.equal({ givenName: 'Babs', middleName: 'Q' });
      }
    });

    it('creates name when the user has none, and removes the whole of it', () => {
      const { name: _name, ...withoutName } = baseUser();
      const added = applyUserPatch(
        withoutName,
        patch({ op: 'add', path: 'name.familyName', value: 'J' }),
      );
      expect(added.name).to.deep.equal({ familyName: 'J' });
      const removed = applyUserPatch(baseUser(), patch({ op: 'remove', path: 'name' }));
      expect(removed).not.to.have.property('name');
    });

    it('drops name when its last sub-attribute is removed', () => {
      const user = applyUserPatch(
        baseUser(),
        patch({ op: 'remove', path: 'name.givenName' }, { op: 'remove', path: 'name.familyName' }),
      );
      expect(user).not.to.have.property('name');
    });

    it('AWS-PATCH-USER-ATTRS: refuses unknown sub-attributes and a value that is no object', () => {
      expectRefused(
        patch({ op: 'replace', path: 'name.nick', value: 'x' }),
        'AWS-PATCH-USER-ATTRS',
        /"name" has no sub-attribute "nick"/,
      );
      expectRefused(
        patch({ op: 'replace', path: 'name', value: { nick: 'x' } }),
        'AWS-PATCH-USER-ATTRS',
        /"name" has no sub-attribute "nick"/,
      );
      expectRefused(
        patch({ op: 'replace', path: 'name', value: 'Babs' }),
        'AWS-PATCH-USER-ATTRS',
        /name takes an object/,
      );
      expectRefused(
        patch({ op: 'replace', path: 'displayName.x', value: 'y' }),
        'AWS-PATCH-USER-ATTRS',
        /"displayName" has no sub-attribute "x"/,
      );
    });
  });

  describe('enterprise extension', () => {
    const urn = ENTERPRISE_USER_URN;

    it('sets an attribute by URN path, keeping the others', () => {
      const user = applyUserPatch(
        baseUser(),
        patch({ op: 'replace', path: `${urn}:Department`, value: 'Ops' }),
      );
      expect(user[urn]).to.deep.equal({ department: 'Ops', manager: { value: 'm-1' } });
    });

    it('creates the extension for a user that has none', () => {
      const { [urn]: _extension, ...plain } = baseUser();
      const user = applyUserPatch(
        plain,
        patch({ op: 'add', path: `${urn}:employeeNumber`, value: '7' }),
      );
      expect(user[urn]).to.deep.equal({ employeeNumber: '7' });
    });

    it('takes manager as {value}, as a bare id, or by manager.value', () => {
      const forms: unknown[] = [
        { op: 'replace', path: `${urn}:manager`, value: { value: 'm-2', $ref: '../Users/m-2' } },
        { op: 'replace', path: `${urn}:manager`, value: 'm-2' },
        { op: 'replace', path: `${urn}:manager.value`, value: 'm-2' },
      ];
      for (const operation of forms) {
        const extension = applyUserPatch(baseUser(), patch(operation))[urn] as Record<
          string,
          unknown
        >;
        expect(extension.manager).to.deep.include({ value: 'm-2' });
      }
    });

    it('AWS-USER-NO-DISPLAY-SUBATTR: refuses manager.displayName', () => {
      expectRefused(
        patch({ op: 'replace', path: `${urn}:manager`, value: { value: 'm', displayName: 'M' } }),
        'AWS-PATCH-USER-ATTRS',
        /"manager" has no sub-attribute "displayName"/,
      );
    });

    it('merges a value given for the whole extension path, one attribute at a time', () => {
      const user = applyUserPatch(
        baseUser(),
        patch({ op: 'add', path: urn, value: { costCenter: 'C1', manager: 'm-3' } }),
      );
      expect(user[urn]).to.deep.equal({
        department: 'Sales',
        manager: { value: 'm-3' },
        costCenter: 'C1',
      });
    });

    it('drops the extension once its last attribute is removed (AWS-USER-SCHEMAS-ENTERPRISE)', () => {
      const user = applyUserPatch(
        baseUser(),
        patch(
          { op: 'remove', path: `${urn}:manager` },
          { op: 'remove', path: `${urn}:department` },
        ),
      );
      expect(user).not.to.have.property(urn);
    });

    it('removes the whole extension, and takes a removal from an absent extension as no error', () => {
      const user = applyUserPatch(baseUser(), patch({ op: 'remove', path: urn }));
      expect(user).not.to.have.property(urn);
      const again = applyUserPatch(user, patch({ op: 'remove', path: `${urn}:department` }));
      expect(again).to.deep.equal(user);
    });

    it('AWS-PATCH-USER-ATTRS: refuses unknown enterprise attributes and a non-object extension', () => {
      expectRefused(
        patch({ op: 'add', path: `${urn}:badge`, value: 'x' }),
        'AWS-PATCH-USER-ATTRS',
        /"badge" is not an attribute/,
      );
      expectRefused(
        patch({ op: 'add', path: urn, value: 'x' }),
        'AWS-PATCH-USER-ATTRS',
        /extension value must be an object/,
      );
    });
  });

  it('AWS-PATCH-SHAPE: refuses a user operation with a key other than op, path and value', () => {
    expectRefused(
      patch({ op: 'replace', path: 'title', value: 'T', schemas: [] }),
      'AWS-PATCH-SHAPE',
      /Operations\[0\] has key "schemas"/,
    );
  });

  it('AWS-PATCH-SHAPE: refuses a path that ends in a dot', () => {
    expectRefused(patch({ op: 'remove', path: 'name.' }), 'AWS-PATCH-SHAPE', /the path is not/);
  });

  describe('AWS-PATCH-USER-ATTRS', () => {
    const refused = [
      'id',
      'meta',
      'schemas',
      'groups',
      'password',
      'roles',
      'photos',
      'ims',
      'x509Certificates',
    ];
    for (const path of refused) {
      it(`AWS-PATCH-USER-ATTRS: refuses a PATCH of ${path}`, () => {
        expectRefused(
          patch({ op: 'replace', path, value: 'x' }),
          'AWS-PATCH-USER-ATTRS',
          new RegExp(`"${path}" is not an attribute a user PATCH may change`),
        );
      });
    }

    it('AWS-PATCH-USER-ATTRS: refuses the bare core User URN', () => {
      expectRefused(
        patch({ op: 'remove', path: 'urn:ietf:params:scim:schemas:core:2.0:User' }),
        'AWS-PATCH-USER-ATTRS',
        /names no attribute/,
      );
    });

    const emptyAfterUrn = [
      `${ENTERPRISE_USER_URN}:`,
      'urn:ietf:params:scim:schemas:core:2.0:User:',
    ];
    for (const path of emptyAfterUrn) {
      it(`AWS-PATCH-USER-ATTRS: refuses ${path} for every op`, () => {
        for (const operation of [
          { op: 'remove', path },
          { op: 'add', path, value: { department: 'x' } },
          { op: 'replace', path, value: { department: 'x' } },
        ]) {
          expectRefused(
            patch(operation),
            'AWS-PATCH-USER-ATTRS',
            /names no attribute after the schema URN/,
          );
        }
      });
    }

    it('AWS-PATCH-USER-ATTRS: refuses an empty key in a value for the whole extension', () => {
      expectRefused(
        patch({ op: 'add', path: ENTERPRISE_USER_URN, value: { '': 'x' } }),
        'AWS-PATCH-USER-ATTRS',
        /names no attribute after the schema URN/,
      );
    });

    it('accepts a core attribute qualified with the core User URN', () => {
      const path = 'urn:ietf:params:scim:schemas:core:2.0:User:title';
      expect(applyUserPatch(baseUser(), patch({ op: 'add', path, value: 'T' })).title).to.equal(
        'T',
      );
    });
  });

  describe('AWS-PATCH-USERNAME-ACTIVE', () => {
    const refused: Array<[string, unknown[], RegExp]> = [
      ['remove userName', [{ op: 'remove', path: 'userName' }], /userName cannot be removed/],
      ['remove active', [{ op: 'remove', path: 'ACTIVE' }], /active cannot be removed/],
      [
        'two ops on active',
        [
          { op: 'replace', path: 'active', value: false },
          { op: 'replace', value: { active: true } },
        ],
        /2 operations change active; at most one may/,
      ],
      [
        'two ops on userName',
        [
          { op: 'add', path: 'userName', value: 'a' },
          { op: 'replace', path: 'username', value: 'b' },
        ],
        /2 operations change userName/,
      ],
    ];
    for (const [what, operations, reason] of refused) {
      it(`AWS-PATCH-USERNAME-ACTIVE: refuses ${what}`, () => {
        expectRefused(patch(...operations), 'AWS-PATCH-USERNAME-ACTIVE', reason);
      });
    }

    it('AWS-PATCH-USERNAME-ACTIVE: allows one op on each in the same request', () => {
      const user = applyUserPatch(
        baseUser(),
        patch(
          { op: 'replace', path: 'active', value: 'False' },
          { op: 'replace', path: 'userName', value: 'b@x' },
        ),
      );
      expect(user).to.deep.include({ active: false, userName: 'b@x' });
    });
  });

  describe('AWS-PATCH-NO-PATH-SINGLE', () => {
    it('AWS-PATCH-NO-PATH-SINGLE: applies the Okta form {"active": false}', () => {
      const user = applyUserPatch(baseUser(), patch({ op: 'replace', value: { active: false } }));
      expect(user.active).to.equal(false);
    });

    it('AWS-PATCH-NO-PATH-SINGLE: ignores an id key and reads keys in any case', () => {
      const user = applyUserPatch(
        baseUser(),
        patch({ op: 'add', value: { id: 'u-1', DisplayName: 'B' } }),
      );
      expect(user.displayName).to.equal('B');
      expect(user).not.to.have.property('id');
    });

    it('AWS-PATCH-NO-PATH-SINGLE: merges a whole name, which is one attribute', () => {
      const user = applyUserPatch(
        baseUser(),
        patch({ op: 'replace', value: { name: { givenName: 'B' } } }),
      );
      expect(user.name).to.deep.equal({ givenName: 'B', familyName: 'Jensen' });
    });

    it('AWS-PATCH-NO-PATH-SINGLE: takes an enterprise key holding one attribute', () => {
      const value = { [ENTERPRISE_USER_URN]: { division: 'D' } };
      const user = applyUserPatch(baseUser(), patch({ op: 'add', value }));
      expect(user[ENTERPRISE_USER_URN]).to.deep.include({ division: 'D', department: 'Sales' });
    });

    const refused: Array<[string, unknown, RegExp]> = [
      ['two attributes', { displayName: 'B', title: 'T' }, /sets 2 attributes instead of one/],
      ['nothing but an id', { id: 'u-1' }, /sets 0 attributes/],
      ['an empty object', {}, /sets 0 attributes/],
      [
        'an enterprise key with two attributes',
        { [ENTERPRISE_USER_URN]: { division: 'D', department: 'X' } },
        /sets 2 attributes/,
      ],
      [
        'an enterprise key plus another attribute',
        { [ENTERPRISE_USER_URN]: { division: 'D' }, title: 'T' },
        /sets 2 attributes/,
      ],
      ['a value that is no object', 'B', /the value must be an object/],
    ];
    for (const [what, value, reason] of refused) {
      it(`AWS-PATCH-NO-PATH-SINGLE: refuses a no-path value with ${what}, with the no-path detail`, () => {
        expectRefused(
          patch({ op: 'replace', value }),
          'AWS-PATCH-NO-PATH-SINGLE',
          reason,
          AWS_DETAIL.patchNoPath,
        );
      });
    }

    it('AWS-PATCH-USER-ATTRS: refuses a no-path value naming an unsupported attribute', () => {
      expectRefused(
        patch({ op: 'add', value: { password: 'x' } }),
        'AWS-PATCH-USER-ATTRS',
        /"password" is not an attribute/,
      );
    });
  });

  it('checks every operation before applying any', () => {
    expectRefused(
      patch(
        { op: 'replace', path: 'displayName', value: 'B' },
        { op: 'replace', path: 'groups', value: [] },
      ),
      'AWS-PATCH-USER-ATTRS',
      /Operations\[1\]/,
    );
  });
});
