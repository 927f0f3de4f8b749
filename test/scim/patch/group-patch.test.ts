// Proves planGroupPatch: the changes it reads and what it refuses (§5 PatchGroup, §9 items 24-26).
import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';
import { planGroupPatch } from '../../../scim/patch/group-patch.ts';
import type { GroupPatchChange } from '../../../scim/patch/group-patch.ts';
import { GROUP_URN, PATCH_OP_URN } from '../../../scim/urns.ts';

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });
const members = (...ids: string[]) => ids.map((value) => ({ value }));

function expectRefused(body: unknown, behaviour: string, reason: RegExp, detail?: string): void {
  expect(() => planGroupPatch(body))
    .to.throw(ScimError)
    .that.deep.includes({ status: 400, detail: detail ?? AWS_DETAIL.invalidRequest, behaviour })
    .and.has.property('reason')
    .that.matches(reason);
}

describe('scim/patch/group-patch', () => {
  const accepted: Array<[string, unknown[], GroupPatchChange]> = [
    [
      'adds members with path members (ssosync)',
      [{ op: 'add', path: 'members', value: members('u1', 'u2') }],
      {
        members: [
          { op: 'add', value: 'u1' },
          { op: 'add', value: 'u2' },
        ],
      },
    ],
    [
      'removes members with path members and a value',
      [
        {
          op: 'Remove',
          path: 'Members',
          value: [{ value: 'u1', type: 'User', $ref: '../Users/u1' }],
        },
      ],
      { members: [{ op: 'remove', value: 'u1' }] },
    ],
    [
      'removes a member with members[value eq "u1"]',
      [{ op: 'remove', path: 'members[value eq "u1"]' }],
      { members: [{ op: 'remove', value: 'u1' }] },
    ],
    [
      'keeps adds and removes in request order',
      [
        { op: 'remove', path: 'members', value: members('u1') },
        { op: 'ADD', path: 'members', value: members('u2') },
        { op: 'remove', path: 'members[VALUE eq "u3"]' },
      ],
      {
        members: [
          { op: 'remove', value: 'u1' },
          { op: 'add', value: 'u2' },
          { op: 'remove', value: 'u3' },
        ],
      },
    ],
    [
      'reads the DG-PG no-path replace {id, displayName}',
      [{ op: 'replace', value: { id: 'g1', displayName: 'New' } }],
      { displayName: 'New', members: [] },
    ],
    [
      'counts a no-path add {members} as a members add',
      [{ op: 'add', value: { members: members('u1') } }],
      { members: [{ op: 'add', value: 'u1' }] },
    ],
    [
      'reads the ssosync pair of replaces on displayName and externalId',
      [
        { op: 'replace', path: 'displayName', value: 'Ops' },
        { op: 'replace', path: 'externalId', value: 'e-1' },
      ],
      { displayName: 'Ops', externalId: 'e-1', members: [] },
    ],
    [
      'takes removal of externalId as null',
      [{ op: 'remove', path: 'externalid' }],
      { externalId: null, members: [] },
    ],
    [
      'reads a path qualified with the Group URN',
      [{ op: 'add', path: `${GROUP_URN}:displayName`, value: 'Q' }],
      { displayName: 'Q', members: [] },
    ],
    [
      'lets the last displayName win',
      [
        { op: 'replace', path: 'displayName', value: 'A' },
        { op: 'replace', value: { DISPLAYNAME: 'B' } },
      ],
      { displayName: 'B', members: [] },
    ],
  ];
  for (const [what, operations, change] of accepted) {
    it(`AWS-PATCH-GROUP-ATTRS: ${what}`, () => {
      expect(planGroupPatch(patch(...operations))).to.deep.equal(change);
    });
  }

  it('AWS-PATCH-MEMBERS-MAX: takes 100 membership changes and refuses 101', () => {
    const ids = Array.from({ length: 101 }, (_, index) => `u${index}`);
    const hundred = patch({ op: 'add', path: 'members', value: members(...ids.slice(0, 100)) });
    expect(planGroupPatch(hundred).members).to.have.length(100);
    const split = patch(
      { op: 'add', path: 'members', value: members(...ids.slice(0, 60)) },
      { op: 'remove', path: 'members', value: members(...ids.slice(60)) },
    );
    expectRefused(split, 'AWS-PATCH-MEMBERS-MAX', /101 membership changes; at most 100/);
  });

  it('AWS-PATCH-MEMBERS-MAX: honours a configured maximum', () => {
    const body = patch({ op: 'add', path: 'members', value: members('a', 'b', 'c') });
    expect(() => planGroupPatch(body, { maxMembershipChanges: 2 }))
      .to.throw(ScimError)
      .that.deep.includes({ status: 400, behaviour: 'AWS-PATCH-MEMBERS-MAX' });
    expect(planGroupPatch(body, { maxMembershipChanges: 3 }).members).to.have.length(3);
  });

  const replaceRefused: Array<[string, unknown]> = [
    ['path members', { op: 'replace', path: 'members', value: members('u1') }],
    ['Replace in another case', { op: 'REPLACE', path: 'members', value: members('u1') }],
    ['a filtered members path', { op: 'replace', path: 'members[value eq "u1"]', value: {} }],
    ['no path with members', { op: 'replace', value: { members: members('u1') } }],
    [
      'no path with members and displayName',
      { op: 'replace', value: { displayName: 'x', members: [] } },
    ],
  ];
  for (const [what, operation] of replaceRefused) {
    it(`AWS-PATCH-NO-REPLACE-MEMBERS: refuses replace on members by ${what}`, () => {
      expectRefused(
        patch(operation),
        'AWS-PATCH-NO-REPLACE-MEMBERS',
        /replace on members/,
        AWS_DETAIL.replaceMembers,
      );
    });
  }

  const refused: Array<[string, unknown, string, RegExp]> = [
    [
      'remove members with no value',
      { op: 'remove', path: 'members' },
      'AWS-PATCH-NO-REMOVE-ALL',
      /removing all members/,
    ],
    [
      'remove members with an empty list',
      { op: 'remove', path: 'members', value: [] },
      'AWS-PATCH-NO-REMOVE-ALL',
      /removing all members/,
    ],
    [
      'a description path',
      { op: 'replace', path: 'description', value: 'x' },
      'AWS-PATCH-GROUP-ATTRS',
      /not "description"/,
    ],
    [
      'a no-path description',
      { op: 'add', value: { description: 'x' } },
      'AWS-PATCH-GROUP-ATTRS',
      /not "description"/,
    ],
    ['the bare Group URN', { op: 'remove', path: GROUP_URN }, 'AWS-PATCH-GROUP-ATTRS', /not ""/],
    [
      'a User URN path',
      { op: 'add', path: 'urn:ietf:params:scim:schemas:core:2.0:User:title', value: 'x' },
      'AWS-PATCH-GROUP-ATTRS',
      /names a schema/,
    ],
    [
      'a sub-attribute of displayName',
      { op: 'add', path: 'displayName.x', value: 'x' },
      'AWS-PATCH-GROUP-ATTRS',
      /displayName is a simple attribute/,
    ],
    [
      'a filter on externalId',
      { op: 'add', path: 'externalId[value eq "x"]', value: 'x' },
      'AWS-PATCH-GROUP-ATTRS',
      /externalId is a simple attribute/,
    ],
    [
      'a members sub-attribute path',
      { op: 'add', path: 'members.value', value: 'u1' },
      'AWS-PATCH-GROUP-ATTRS',
      /no sub-attribute path/,
    ],
    [
      'a displayName that is no string',
      { op: 'replace', path: 'displayName', value: 7 },
      'AWS-PATCH-GROUP-ATTRS',
      /displayName must be a string/,
    ],
    [
      'remove displayName',
      { op: 'remove', path: 'displayName' },
      'AWS-GROUP-DISPLAYNAME-REQUIRED',
      /displayName cannot be removed/,
    ],
    [
      'add with a members filter',
      { op: 'add', path: 'members[value eq "u1"]', value: {} },
      'AWS-PATCH-VALUE-FILTER',
      /only remove takes a members filter/,
    ],
    [
      'a members filter on display',
      { op: 'remove', path: 'members[display eq "B"]' },
      'AWS-PATCH-VALUE-FILTER',
      /must be value eq/,
    ],
    [
      'a members filter with an empty id',
      { op: 'remove', path: 'members[value eq ""]' },
      'AWS-PATCH-VALUE-FILTER',
      /must be value eq/,
    ],
    [
      'a members filter on a boolean',
      { op: 'remove', path: 'members[value eq true]' },
      'AWS-PATCH-VALUE-FILTER',
      /must be value eq/,
    ],
    [
      'a members filter with co',
      { op: 'remove', path: 'members[value co "u"]' },
      'AWS-PATCH-VALUE-FILTER',
      /operator "co"/,
    ],
    [
      'a member with display',
      { op: 'add', path: 'members', value: [{ value: 'u1', display: 'B' }] },
      'AWS-GROUP-MEMBER-SUBATTRS',
      /value\[0\]: members take value, type and \$ref, not "display"/,
    ],
    [
      'a member of type Group',
      { op: 'add', path: 'members', value: [{ value: 'g2', type: 'Group' }] },
      'AWS-GROUP-MEMBER-SUBATTRS',
      /member type must be "User"/,
    ],
    [
      'a member with an empty value',
      { op: 'add', path: 'members', value: [{ value: 'u1' }, { value: ' ' }] },
      'AWS-PATCH-MEMBER-VALUE',
      /value\[1\]: member value must be a non-empty user id/,
    ],
    [
      'a member with a numeric value',
      { op: 'remove', path: 'members', value: [{ value: 7 }] },
      'AWS-PATCH-MEMBER-VALUE',
      /got 7/,
    ],
    [
      'a member that is a bare id',
      { op: 'add', path: 'members', value: ['u1'] },
      'AWS-PATCH-MEMBER-VALUE',
      /a member must be an object/,
    ],
    [
      'members that are no array',
      { op: 'add', path: 'members', value: { value: 'u1' } },
      'AWS-PATCH-MEMBER-VALUE',
      /takes an array/,
    ],
    ['op move', { op: 'move', path: 'members' }, 'AWS-PATCH-SHAPE', /add, replace or remove/],
    [
      'remove without path',
      { op: 'remove', value: members('u1') },
      'AWS-PATCH-REMOVE-NEEDS-PATH',
      /remove needs a path/,
    ],
  ];
  for (const [what, operation, behaviour, reason] of refused) {
    it(`${behaviour}: refuses ${what} with the generic 400`, () => {
      expectRefused(patch(operation), behaviour, reason);
    });
  }

  const noPathRefused: Array<[string, unknown]> = [
    ['two attributes', { displayName: 'x', externalId: 'y' }],
    ['nothing but an id', { id: 'g1' }],
    ['a value that is no object', 'New'],
  ];
  for (const [what, value] of noPathRefused) {
    it(`AWS-PATCH-NO-PATH-SINGLE: refuses a no-path replace with ${what}, with the no-path detail`, () => {
      expectRefused(
        patch({ op: 'replace', value }),
        'AWS-PATCH-NO-PATH-SINGLE',
        /exactly one attribute/,
        AWS_DETAIL.patchNoPath,
      );
    });
  }

  it('AWS-PATCH-SHAPE: refuses a group operation with a key other than op, path and value', () => {
    expectRefused(
      patch({ op: 'add', path: 'members', value: members('u1'), members: members('u2') }),
      'AWS-PATCH-SHAPE',
      /Operations\[0\] has key "members"/,
    );
  });

  it('AWS-PATCH-GROUP-ATTRS: refuses a Group URN path with no attribute after its colon', () => {
    expectRefused(
      patch({ op: 'replace', path: `${GROUP_URN}:`, value: 'x' }),
      'AWS-PATCH-GROUP-ATTRS',
      /names no attribute after the schema URN/,
    );
  });

  it('AWS-PATCH-SHAPE: refuses a body without the PatchOp schema', () => {
    expectRefused(
      { Operations: [{ op: 'add', path: 'members', value: [] }] },
      'AWS-PATCH-SHAPE',
      /schemas/,
    );
  });
});
