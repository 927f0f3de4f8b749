// AWS's setting-dependent user rules: each refusal is the generic 400 with its behaviour id and a
// reason that names the attribute, so the provisioner's pre-flight can tell the user what to fix.
import { readFileSync } from 'node:fs';

import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../scim/errors.ts';
import {
  DEFAULT_AWS_USER_RULES,
  checkUserRules,
  findReservedName,
  type UserRules,
} from '../../scim/user-rules.ts';

// Fixtures are plain JSON that each test bends to break one rule, so they stay untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function createUserBody(): Json {
  const url = new URL('./fixtures/dg-cu-create-user.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

function refusal(user: object, rules: UserRules = DEFAULT_AWS_USER_RULES): ScimError {
  try {
    checkUserRules(user, rules);
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    return error as ScimError;
  }
  expect.fail('expected checkUserRules to throw a ScimError');
}

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('scim/user-rules', () => {
  it('accepts the DG-CU create-user body under the default AWS rules', () => {
    expect(() => checkUserRules(createUserBody(), DEFAULT_AWS_USER_RULES)).not.to.throw();
  });

  it('answers a broken rule with the generic 400 AWS sends', () => {
    const error = refusal({ ...createUserBody(), userName: 'Administrator' });
    expect(error).to.include({ status: 400, code: 'ValidationException' });
    expect(error.detail).to.equal(AWS_DETAIL.invalidRequest);
  });

  describe('AWS-USER-REQUIRED-EMAIL', () => {
    it('AWS-USER-REQUIRED-EMAIL: refuses a user without emails or with an empty value', () => {
      const withoutEmails = createUserBody();
      delete withoutEmails.emails;
      const error = refusal(withoutEmails);
      expect(error.behaviour).to.equal('AWS-USER-REQUIRED-EMAIL');
      expect(error.reason).to.contain('emails').and.contain('requireEmail');

      const emptyValue = { ...createUserBody(), emails: [{ value: '', primary: true }] };
      expect(refusal(emptyValue).behaviour).to.equal('AWS-USER-REQUIRED-EMAIL');
    });

    it('AWS-USER-REQUIRED-EMAIL: accepts a user without emails when requireEmail is off', () => {
      const user = createUserBody();
      delete user.emails;
      const rules = { ...DEFAULT_AWS_USER_RULES, requireEmail: false };
      expect(() => checkUserRules(user, rules)).not.to.throw();
    });
  });

  describe('AWS-USER-PRIMARY-EMAIL', () => {
    it('AWS-USER-PRIMARY-EMAIL: refuses primary:false and names emails[0].primary', () => {
      const user = createUserBody();
      user.emails[0].primary = false;
      const error = refusal(user);
      expect(error.behaviour).to.equal('AWS-USER-PRIMARY-EMAIL');
      expect(error.reason).to.equal(
        'emails[0].primary is false; AWS needs the single email to be primary',
      );
    });

    it('AWS-USER-PRIMARY-EMAIL: takes omitted primary as primary unless requirePrimaryEmail', () => {
      const user = createUserBody();
      delete user.emails[0].primary;
      expect(() => checkUserRules(user, DEFAULT_AWS_USER_RULES)).not.to.throw();

      const strict = { ...DEFAULT_AWS_USER_RULES, requirePrimaryEmail: true };
      const error = refusal(user, strict);
      expect(error.behaviour).to.equal('AWS-USER-PRIMARY-EMAIL');
      expect(error.reason).to.contain('emails[0].primary is missing');
    });
  });

  describe('AWS-USER-LENGTH-LIMITS', () => {
    it('AWS-USER-LENGTH-LIMITS: accepts a 128-character userName and refuses 129', () => {
      expect(() =>
        checkUserRules({ ...createUserBody(), userName: 'u'.repeat(128) }, DEFAULT_AWS_USER_RULES),
      ).not.to.throw();
      const error = refusal({ ...createUserBody(), userName: 'u'.repeat(129) });
      expect(error.behaviour).to.equal('AWS-USER-LENGTH-LIMITS');
      expect(error.reason).to.equal('userName is 129 characters long; AWS allows at most 128');
    });

    it('AWS-USER-LENGTH-LIMITS: counts characters, not UTF-16 units', () => {
      const user = { ...createUserBody(), userName: '😀'.repeat(128) };
      expect(() => checkUserRules(user, DEFAULT_AWS_USER_RULES)).not.to.throw();
    });

    it('AWS-USER-LENGTH-LIMITS: refuses empty required strings', () => {
      const cases: Array<[string, (user: Json) => void]> = [
        ['userName', (user) => (user.userName = '')],
        ['displayName', (user) => (user.displayName = '')],
        ['name.givenName', (user) => (user.name.givenName = '')],
        ['name.familyName', (user) => (user.name.familyName = '')],
      ];
      for (const [path, empty] of cases) {
        const user = createUserBody();
        empty(user);
        const error = refusal(user);
        expect(error.behaviour, path).to.equal('AWS-USER-LENGTH-LIMITS');
        expect(error.reason).to.equal(`${path} is empty; AWS needs at least 1 character`);
      }
    });

    it('AWS-USER-LENGTH-LIMITS: refuses other strings over maxStringLength at any depth', () => {
      const atLimit = { ...createUserBody(), displayName: 'd'.repeat(1024) };
      expect(() => checkUserRules(atLimit, DEFAULT_AWS_USER_RULES)).not.to.throw();

      const user = createUserBody();
      user[ENTERPRISE].department = 'x'.repeat(1025);
      expect(refusal(user).reason).to.equal(
        `${ENTERPRISE}.department is 1025 characters long; AWS allows at most 1024`,
      );

      const tight = { ...DEFAULT_AWS_USER_RULES, maxStringLength: 10 };
      const short = {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'jdoe',
        displayName: 'John Doe',
        name: { givenName: 'John', familyName: 'Doe' },
        emails: [{ value: 'j@ex.org' }],
        title: 'Tour Guides',
      };
      expect(refusal(short, tight).reason).to.equal(
        'title is 11 characters long; AWS allows at most 10',
      );
    });
  });

  describe('AWS-USER-RESERVED-NAMES', () => {
    it('AWS-USER-RESERVED-NAMES: refuses Administrator and AWSAdministrators in any case', () => {
      for (const userName of ['Administrator', 'administrator', 'AWSADMINISTRATORS']) {
        const error = refusal({ ...createUserBody(), userName });
        expect(error.behaviour, userName).to.equal('AWS-USER-RESERVED-NAMES');
        expect(error.reason).to.contain(`userName '${userName}' is reserved`);
      }
    });

    it('AWS-USER-RESERVED-NAMES: accepts names that only contain a reserved one', () => {
      const user = { ...createUserBody(), userName: 'Administrator2' };
      expect(() => checkUserRules(user, DEFAULT_AWS_USER_RULES)).not.to.throw();
      expect(findReservedName('aws-administrators', DEFAULT_AWS_USER_RULES.reservedNames)).to.be
        .undefined;
    });

    it('AWS-USER-RESERVED-NAMES: follows the reservedNames setting', () => {
      const rules = { ...DEFAULT_AWS_USER_RULES, reservedNames: ['root'] };
      expect(refusal({ ...createUserBody(), userName: 'ROOT' }, rules).behaviour).to.equal(
        'AWS-USER-RESERVED-NAMES',
      );
      const admin = { ...createUserBody(), userName: 'Administrator' };
      expect(() => checkUserRules(admin, rules)).not.to.throw();
    });
  });

  describe('AWS-USER-CONTROL-CHARS', () => {
    it('AWS-USER-CONTROL-CHARS: refuses a tab in displayName and names the character', () => {
      const error = refusal({ ...createUserBody(), displayName: 'John\tDoe' });
      expect(error.behaviour).to.equal('AWS-USER-CONTROL-CHARS');
      expect(error.reason).to.contain('displayName holds the control character U+0009 at index 4');
    });

    it('AWS-USER-CONTROL-CHARS: finds control characters at any depth', () => {
      const newlineInAddress = createUserBody();
      newlineInAddress.addresses[0].formatted = '100 Universal City Plaza\nHollywood';
      expect(refusal(newlineInAddress).reason).to.match(/^addresses\[0\]\.formatted .* U\+000A/);

      const deleteInManager = createUserBody();
      deleteInManager[ENTERPRISE].manager.value = 'abc\u007f';
      expect(refusal(deleteInManager).reason).to.contain(`${ENTERPRISE}.manager.value`);

      const nulInName = createUserBody();
      nulInName.name.givenName = '\u0000John';
      expect(refusal(nulInName).reason).to.contain(
        'name.givenName holds the control character U+0000',
      );
    });

    it('AWS-USER-CONTROL-CHARS: accepts accents, no-break spaces and C1 characters', () => {
      const user = { ...createUserBody(), displayName: 'Zoë\u00a0Ångström\u0085' };
      expect(() => checkUserRules(user, DEFAULT_AWS_USER_RULES)).not.to.throw();
    });
  });

  describe('AWS-USER-FORBIDDEN-CHARS', () => {
    it('AWS-USER-FORBIDDEN-CHARS: refuses <>;:%, naming path, character, index, setting', () => {
      const error = refusal({ ...createUserBody(), displayName: 'John<Doe' });
      expect(error).to.include({ status: 400, behaviour: 'AWS-USER-FORBIDDEN-CHARS' });
      expect(error.detail).to.equal(AWS_DETAIL.invalidRequest);
      expect(error.reason).to.equal(
        "displayName holds the character '<' at index 4; AWS refuses <>;:% in synced attributes " +
          '(forbiddenCharacters)',
      );
      for (const character of ['>', ';', ':', '%']) {
        const reason = refusal({ ...createUserBody(), title: `a${character}b` }).reason;
        expect(reason, character).to.contain(`title holds the character '${character}' at index 1`);
      }
    });

    it('AWS-USER-FORBIDDEN-CHARS: finds forbidden characters at any depth', () => {
      const inAddress = createUserBody();
      inAddress.addresses[0].streetAddress = '100 Universal City Plaza; Gate 2';
      expect(refusal(inAddress).reason).to.match(
        /^addresses\[0\]\.streetAddress .* ';' at index 24/,
      );

      const inEmail = createUserBody();
      inEmail.emails[0].value = 'john%doe@example.com';
      expect(refusal(inEmail).reason).to.match(/^emails\[0\]\.value .* '%' at index 4/);

      const inExtension = createUserBody();
      inExtension[ENTERPRISE].department = 'Ops: Tours';
      expect(refusal(inExtension).reason).to.contain(`${ENTERPRISE}.department holds`);
    });

    it('AWS-USER-FORBIDDEN-CHARS: exempts URIs (profileUrl, $ref) and protocol data', () => {
      const user = createUserBody();
      user.profileUrl = 'https://example.com/~john?tab=a;b%20c';
      user[ENTERPRISE].manager.$ref = 'https://example.com/scim/v2/Users/9067729b3d';
      user.id = 'urn:uuid:1';
      user.meta = { resourceType: 'User', location: 'https://example.com/Users/1' };
      expect(() => checkUserRules(user, DEFAULT_AWS_USER_RULES)).not.to.throw();
    });

    it('AWS-USER-FORBIDDEN-CHARS: follows the forbiddenCharacters setting; "" turns it off', () => {
      const angled = { ...createUserBody(), displayName: '<John>' };
      const off = { ...DEFAULT_AWS_USER_RULES, forbiddenCharacters: '' };
      expect(() => checkUserRules(angled, off)).not.to.throw();

      // Characters that are special inside a regular-expression class are taken literally.
      const special = { ...DEFAULT_AWS_USER_RULES, forbiddenCharacters: ']^-\\' };
      const plain = {
        userName: 'jdoe',
        displayName: '<John>',
        name: { givenName: 'John', familyName: 'Doe' },
        emails: [{ value: 'j@ex.org' }],
      };
      expect(() => checkUserRules(plain, special)).not.to.throw();
      for (const displayName of ['a]b', 'a^b', 'a-b', 'a\\b']) {
        const error = refusal({ ...plain, displayName }, special);
        expect(error.behaviour, displayName).to.equal('AWS-USER-FORBIDDEN-CHARS');
      }
    });
  });
});
