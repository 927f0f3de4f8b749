// Proves the PATCH path grammar: plain, sub-attribute, URN-qualified and eq value-filter paths.
import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';
import { parsePatchPath } from '../../../scim/patch/patch-path.ts';
import type { PatchPath } from '../../../scim/patch/patch-path.ts';
import { ENTERPRISE_USER_URN, USER_URN } from '../../../scim/urns.ts';

const options = {
  urns: [ENTERPRISE_USER_URN, USER_URN],
  attributesBehaviour: 'AWS-PATCH-USER-ATTRS',
};
const parse = (path: string) => parsePatchPath({ index: 0, op: 'replace', path }, options);

describe('scim/patch/patch-path', () => {
  const accepted: Array<[string, PatchPath]> = [
    ['displayName', { urn: undefined, attribute: 'displayName', subAttribute: undefined }],
    ['name.givenName', { urn: undefined, attribute: 'name', subAttribute: 'givenName' }],
    [
      'emails[type eq "work"].value',
      {
        urn: undefined,
        attribute: 'emails',
        filter: { attribute: 'type', value: 'work' },
        subAttribute: 'value',
      },
    ],
    [
      'emails[primary EQ true]',
      {
        urn: undefined,
        attribute: 'emails',
        filter: { attribute: 'primary', value: true },
        subAttribute: undefined,
      },
    ],
    [
      'members[value eq "a]b"]',
      {
        urn: undefined,
        attribute: 'members',
        filter: { attribute: 'value', value: 'a]b' },
        subAttribute: undefined,
      },
    ],
    [
      `${ENTERPRISE_USER_URN}:manager.value`,
      { urn: ENTERPRISE_USER_URN, attribute: 'manager', subAttribute: 'value' },
    ],
    [
      `${ENTERPRISE_USER_URN.toUpperCase()}:department`,
      { urn: ENTERPRISE_USER_URN, attribute: 'department', subAttribute: undefined },
    ],
    [ENTERPRISE_USER_URN, { urn: ENTERPRISE_USER_URN }],
    [`${USER_URN}:title`, { urn: USER_URN, attribute: 'title', subAttribute: undefined }],
    ['manager.$ref', { urn: undefined, attribute: 'manager', subAttribute: '$ref' }],
  ];
  for (const [path, parsed] of accepted) {
    it(`AWS-PATCH-VALUE-FILTER: reads ${path}`, () => {
      expect(parse(path)).to.deep.equal(parsed);
    });
  }

  const refused: Array<[string, string, RegExp]> = [
    ['emails[type co "work"].value', 'AWS-PATCH-VALUE-FILTER', /operator "co" is not supported/],
    ['emails[type ne "work"]', 'AWS-PATCH-VALUE-FILTER', /operator "ne"/],
    ['emails[type pr]', 'AWS-PATCH-VALUE-FILTER', /operator "pr" is not supported/],
    ['emails[type]', 'AWS-PATCH-VALUE-FILTER', /expected "eq" and a value/],
    ['emails[type eq work]', 'AWS-PATCH-VALUE-FILTER', /double-quoted string, true or false/],
    [
      'emails[type eq "work" and primary eq true]',
      'AWS-PATCH-VALUE-FILTER',
      /only one "attribute eq value"/,
    ],
    ['emails[type eq "work" or type eq "home"]', 'AWS-PATCH-VALUE-FILTER', /only one/],
    ['emails["work"]', 'AWS-PATCH-VALUE-FILTER', /expected an attribute name/],
    ['emails[type eq "wo]', 'AWS-PATCH-VALUE-FILTER', /malformed string/],
    ['emails[type eq "work"', 'AWS-PATCH-SHAPE', /the path is not/],
    ['name..givenName', 'AWS-PATCH-SHAPE', /the path is not/],
    ['1title', 'AWS-PATCH-SHAPE', /the path is not/],
    [
      'urn:example:custom:User:x',
      'AWS-PATCH-USER-ATTRS',
      /names a schema this resource does not have/,
    ],
    [`${ENTERPRISE_USER_URN}x:department`, 'AWS-PATCH-USER-ATTRS', /does not have/],
    [`${ENTERPRISE_USER_URN}:`, 'AWS-PATCH-USER-ATTRS', /names no attribute after the schema/],
    [`${USER_URN}:`, 'AWS-PATCH-USER-ATTRS', /names no attribute after the schema URN/],
    ['name.', 'AWS-PATCH-SHAPE', /the path is not/],
    [`${ENTERPRISE_USER_URN}:manager.`, 'AWS-PATCH-SHAPE', /the path is not/],
  ];
  for (const [path, behaviour, reason] of refused) {
    it(`${behaviour}: refuses the path ${path} with the generic 400`, () => {
      expect(() => parse(path))
        .to.throw(ScimError)
        .that.deep.includes({ status: 400, detail: AWS_DETAIL.invalidRequest, behaviour })
        .and.has.property('reason')
        .that.matches(reason);
    });
  }
});
