// The AWS-shaped schemas and validators: AWS doc example bodies pass, the bodies AWS refuses fail
// with the behaviour id that explains why.
import { readFileSync, readdirSync } from 'node:fs';

import { expect } from 'chai';

import { AWS_BEHAVIOURS } from '../../scim/behaviours/index.ts';
import { AWS_DETAIL, ScimError, renderAwsError } from '../../scim/errors.ts';
import type { ScimUser } from '../../scim/types.ts';
import {
  RESOURCE_KINDS,
  assertValidGroup,
  assertValidPatchOp,
  assertValidUser,
  validateResource,
} from '../../scim/validate.ts';

// Fixtures are plain JSON that each test bends to break one rule, so they stay untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** The ScimError a call throws; fails the test when it throws nothing or something else. */
function refusal(call: () => void): ScimError {
  try {
    call();
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    return error as ScimError;
  }
  expect.fail('expected a ScimError, nothing was thrown');
}

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('scim/validate', () => {
  describe('users', () => {
    it('AWS-USER-CREATE-201: accepts the DG-CU body with enterprise data and manager $ref', () => {
      const user = fixture('dg-cu-create-user');
      expect(validateResource('user', user)).to.deep.equal({ ok: true });
      expect(() => assertValidUser(user)).not.to.throw();
    });

    it('AWS-USER-SINGLE-VALUED: refuses two emails with 400', () => {
      const user = fixture('dg-cu-create-user');
      user.emails.push({ value: 'john@example.org', type: 'home' });
      const error = refusal(() => assertValidUser(user));
      expect(error).to.include({ status: 400, behaviour: 'AWS-USER-SINGLE-VALUED' });
      expect(error.detail).to.equal(AWS_DETAIL.invalidRequest);
      expect(error.reason).to.contain('/emails must NOT have more than 1 items');
    });

    it('AWS-USER-SINGLE-VALUED: refuses two phoneNumbers, addresses or roles', () => {
      for (const attribute of ['phoneNumbers', 'addresses', 'roles']) {
        const user = fixture('dg-cu-create-user');
        user[attribute] = [{ type: 'work' }, { type: 'home' }];
        const error = refusal(() => assertValidUser(user));
        expect(error.behaviour, attribute).to.equal('AWS-USER-SINGLE-VALUED');
        expect(error.reason).to.contain(`/${attribute} must NOT have more than 1 items`);
      }
    });

    it('AWS-USER-UNSUPPORTED-ATTRS: refuses password, ims, photos, certificates, entitlements, groups', () => {
      const values: Record<string, unknown> = {
        password: 'hunter2',
        ims: [{ value: 'jd', type: 'aim' }],
        photos: [{ value: 'https://example.com/j.png' }],
        x509Certificates: [{ value: 'MIIC' }],
        entitlements: [{ value: 'admin' }],
        groups: [{ value: 'g1' }],
      };
      for (const [attribute, value] of Object.entries(values)) {
        const user = { ...fixture('dg-cu-create-user'), [attribute]: value };
        const error = refusal(() => assertValidUser(user));
        expect(error.behaviour, attribute).to.equal('AWS-USER-UNSUPPORTED-ATTRS');
        expect(error.reason).to.contain(`/ must NOT have additional property '${attribute}'`);
      }
    });

    it('AWS-USER-UNSUPPORTED-ATTRS: refuses an extension schema AWS does not know', () => {
      const user = fixture('dg-cu-create-user');
      user.schemas.push('urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User');
      expect(refusal(() => assertValidUser(user)).behaviour).to.equal('AWS-USER-UNSUPPORTED-ATTRS');
    });

    it('AWS-USER-NO-DISPLAY-SUBATTR: refuses display in any multi-valued attribute', () => {
      for (const attribute of ['emails', 'phoneNumbers', 'addresses', 'roles']) {
        const user = fixture('dg-cu-create-user');
        user[attribute] = [{ value: 'x', display: 'X' }];
        const error = refusal(() => assertValidUser(user));
        expect(error.behaviour, attribute).to.equal('AWS-USER-NO-DISPLAY-SUBATTR');
        expect(error.reason).to.contain(
          `/${attribute}/0 must NOT have additional property 'display'`,
        );
      }
    });

    it('AWS-USER-NO-DISPLAY-SUBATTR: refuses manager.displayName', () => {
      const user = fixture('dg-cu-create-user');
      user[ENTERPRISE].manager.displayName = 'John Smith';
      expect(refusal(() => assertValidUser(user)).behaviour).to.equal(
        'AWS-USER-NO-DISPLAY-SUBATTR',
      );
    });

    it('AWS-USER-REQUIRED-ATTRS: refuses a user missing any of the four required attributes', () => {
      const removals: Array<[string, (user: Json) => void]> = [
        ["/ must have required property 'userName'", (user) => delete user.userName],
        ["/ must have required property 'displayName'", (user) => delete user.displayName],
        ["/name must have required property 'givenName'", (user) => delete user.name.givenName],
        ["/name must have required property 'familyName'", (user) => delete user.name.familyName],
        ["/ must have required property 'name'", (user) => delete user.name],
      ];
      for (const [message, remove] of removals) {
        const user = fixture('dg-cu-create-user');
        remove(user);
        const error = refusal(() => assertValidUser(user));
        expect(error.behaviour, message).to.equal('AWS-USER-REQUIRED-ATTRS');
        expect(error.reason).to.contain(message);
      }
    });

    it('AWS-USER-REQUIRED-ATTRS: wins over other faults and the reason lists every fault', () => {
      const user = fixture('dg-cu-create-user');
      delete user.name.familyName;
      user.password = 'x';
      user.emails.push({ value: 'second@example.com' });
      const error = refusal(() => assertValidUser(user));
      expect(error.behaviour).to.equal('AWS-USER-REQUIRED-ATTRS');
      expect(error.reason)
        .to.contain("'familyName'")
        .and.contain("'password'")
        .and.contain('/emails');
    });

    it('AWS-USER-ATTR-TYPES: refuses active as the string "true" and a numeric userName', () => {
      const stringActive = { ...fixture('dg-cu-create-user'), active: 'true' };
      const error = refusal(() => assertValidUser(stringActive));
      expect(error.behaviour).to.equal('AWS-USER-ATTR-TYPES');
      expect(error.reason).to.contain('/active must be boolean');
      const numericName = { ...fixture('dg-cu-create-user'), userName: 42 };
      expect(refusal(() => assertValidUser(numericName)).behaviour).to.equal('AWS-USER-ATTR-TYPES');
    });

    it('AWS-USER-ATTR-TYPES: refuses a body that is not a JSON object', () => {
      for (const body of [null, [], 'user', 7]) {
        expect(refusal(() => assertValidUser(body)).reason).to.contain('/ must be object');
      }
    });

    it('accepts the read-only id, schemas and meta of a user AWS answered with', () => {
      const listed = fixture('dg-lu-list-users').Resources[0];
      expect(validateResource('user', listed)).to.deep.equal({ ok: true });
    });
  });

  describe('groups', () => {
    it('AWS-GROUP-CREATE-201: accepts the DG-CG body with members by value, type and $ref', () => {
      expect(() => assertValidGroup(fixture('dg-cg-create-group'))).not.to.throw();
    });

    it('AWS-GROUP-DISPLAYNAME-REQUIRED: refuses a group without displayName', () => {
      const group = fixture('dg-cg-create-group');
      delete group.displayName;
      const error = refusal(() => assertValidGroup(group));
      expect(error).to.include({ status: 400, behaviour: 'AWS-GROUP-DISPLAYNAME-REQUIRED' });
      expect(error.reason).to.contain("must have required property 'displayName'");
    });

    it('AWS-GROUP-MEMBER-SUBATTRS: refuses display on a member and a member without value', () => {
      const withDisplay = fixture('dg-cg-create-group');
      withDisplay.members[1].display = 'Jane';
      expect(refusal(() => assertValidGroup(withDisplay)).behaviour).to.equal(
        'AWS-GROUP-MEMBER-SUBATTRS',
      );
      const withoutValue = { ...fixture('dg-cg-create-group'), members: [{ type: 'User' }] };
      expect(refusal(() => assertValidGroup(withoutValue)).reason).to.contain(
        "/members/0 must have required property 'value'",
      );
    });

    it('AWS-GROUP-CREATE-MEMBERS-MAX: accepts 100 members and refuses 101', () => {
      const members = (count: number) =>
        Array.from({ length: count }, (_, index) => ({ value: `user-${index}` }));
      expect(validateResource('group', { displayName: 'Big', members: members(100) }).ok).to.be
        .true;
      const error = refusal(() => assertValidGroup({ displayName: 'Big', members: members(101) }));
      expect(error.behaviour).to.equal('AWS-GROUP-CREATE-MEMBERS-MAX');
    });

    it('AWS-GROUP-ATTRS: refuses attributes a group does not have', () => {
      const group = { ...fixture('dg-cg-create-group'), description: 'Tour guides' };
      expect(refusal(() => assertValidGroup(group)).behaviour).to.equal('AWS-GROUP-ATTRS');
    });
  });

  describe('PatchOp', () => {
    it('AWS-PATCH-STRING-BOOLEANS: accepts the DG-PAU body that sends active as "false"', () => {
      expect(() => assertValidPatchOp(fixture('dg-pau-patch-user'))).not.to.throw();
    });

    it('AWS-PATCH-NO-PATH-SINGLE: accepts the DG-PG no-path replace and member add', () => {
      expect(() => assertValidPatchOp(fixture('dg-pg-patch-group'))).not.to.throw();
    });

    it('AWS-PATCH-OP-CASE: leaves op case to the patch engine (Replace passes the schema)', () => {
      const body = fixture('dg-pau-patch-user');
      body.Operations[0].op = 'Replace';
      expect(validateResource('patch-op', body).ok).to.be.true;
    });

    it('AWS-PATCH-SHAPE: refuses empty Operations, no PatchOp URN and an op without op', () => {
      const broken: Array<[string, (body: Json) => void]> = [
        ['/Operations must NOT have fewer than 1 items', (body) => (body.Operations = [])],
        [
          '/schemas must contain "urn:ietf:params:scim:api:messages:2.0:PatchOp"',
          (body) => (body.schemas = ['urn:ietf:params:scim:schemas:core:2.0:User']),
        ],
        ["/Operations/0 must have required property 'op'", (body) => delete body.Operations[0].op],
        ["/ must have required property 'Operations'", (body) => delete body.Operations],
        [
          "/Operations/0 must NOT have additional property 'from'",
          (body) => (body.Operations[0].from = 'x'),
        ],
      ];
      for (const [message, breakIt] of broken) {
        const body = fixture('dg-pau-patch-user');
        breakIt(body);
        const error = refusal(() => assertValidPatchOp(body));
        expect(error.behaviour, message).to.equal('AWS-PATCH-SHAPE');
        expect(error.reason).to.contain(message);
      }
    });
  });

  describe('response bodies', () => {
    it('AWS-DISCOVERY-SPC: accepts the ServiceProviderConfig body of DG-SPC', () => {
      expect(validateResource('service-provider-config', fixture('dg-spc'))).to.deep.equal({
        ok: true,
      });
    });

    it('AWS-DISCOVERY-SPC: reports an SPC without etag or with a string maxResults', () => {
      const spc = fixture('dg-spc');
      delete spc.etag;
      spc.filter.maxResults = '50';
      expect(validateResource('service-provider-config', spc)).to.deep.equal({
        ok: false,
        errors: ["/ must have required property 'etag'", '/filter/maxResults must be integer'],
      });
    });

    it('accepts the AWS error body as captured and as renderAwsError builds it', () => {
      expect(validateResource('error', fixture('aws-error-400')).ok).to.be.true;
      const rendered = renderAwsError(409, AWS_DETAIL.duplicate, 'req-1', new Date());
      expect(validateResource('error', rendered)).to.deep.equal({ ok: true });
    });

    it('reports an error body with a numeric status, a scimType or no schema key', () => {
      const body = { ...fixture('aws-error-400'), status: 400, scimType: 'invalidValue' };
      delete body.schema;
      const result = validateResource('error', body);
      expect(result.ok).to.be.false;
      expect(result.ok || result.errors).to.have.members([
        "/ must have required property 'schema'",
        "/ must NOT have additional property 'scimType'",
        '/status must be string',
      ]);
    });

    it('accepts the DG-LU list, its users, and a cursor page without totalResults', () => {
      const list = fixture('dg-lu-list-users');
      expect(validateResource('list-response', list).ok).to.be.true;
      for (const user of list.Resources) expect(validateResource('user', user).ok).to.be.true;
      const cursorPage = { ...list, nextCursor: 'VGVzdFVzZXJDdXJzb3I' };
      delete cursorPage.totalResults;
      delete cursorPage.startIndex;
      expect(validateResource('list-response', cursorPage).ok).to.be.true;
    });

    it('reports a list that spells Resources in lower case', () => {
      const { Resources, ...rest } = fixture('dg-lu-list-users');
      const result = validateResource('list-response', { ...rest, resources: Resources });
      expect(result.ok || result.errors).to.include("/ must have required property 'Resources'");
    });
  });

  it('has a validator kind for every schema in scim/schemas', () => {
    const schemas = readdirSync(new URL('../../scim/schemas/', import.meta.url))
      .filter((name) => name.endsWith('.schema.json'))
      .map((name) => name.replace('.schema.json', ''));
    expect([...RESOURCE_KINDS].sort()).to.deep.equal(schemas.sort());
  });

  it('narrows a body that passes assertValidUser to ScimUser', () => {
    const body: unknown = fixture('dg-cu-create-user');
    assertValidUser(body);
    const user: ScimUser = body;
    expect(user.name.familyName).to.equal('Doe');
  });

  it('uses only behaviour ids that the registry knows', () => {
    const known = new Set(AWS_BEHAVIOURS.map((entry) => entry.id));
    const seen = [
      refusal(() => assertValidUser({})).behaviour,
      refusal(() => assertValidGroup({})).behaviour,
      refusal(() => assertValidPatchOp({})).behaviour,
    ];
    for (const id of seen) expect(known.has(id!), id).to.be.true;
  });
});
