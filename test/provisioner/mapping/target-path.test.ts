import { expect } from 'chai';

import { formatTarget, parseTarget } from '../../../provisioner/mapping/target-path.ts';
import { ENTERPRISE_USER_URN } from '../../../scim/urns.ts';

function canonical(target: string, preset: 'aws' | 'scim2' = 'aws'): string {
  return formatTarget(parseTarget(target, preset));
}

describe('provisioner/mapping/target-path', () => {
  it('accepts SCIM user paths and stores the schema spelling', () => {
    expect(canonical('username')).to.equal('userName');
    expect(canonical('name.GIVENNAME')).to.equal('name.givenName');
    expect(canonical('Emails[type eq "work"].Value')).to.equal('emails[type eq "work"].value');
    expect(canonical('phoneNumbers.value')).to.equal('phoneNumbers.value');
    expect(canonical('addresses[type eq "home"].locality')).to.equal(
      'addresses[type eq "home"].locality',
    );
    expect(canonical(`${ENTERPRISE_USER_URN}:department`)).to.equal(
      `${ENTERPRISE_USER_URN}:department`,
    );
    expect(canonical(`${ENTERPRISE_USER_URN}:manager.value`)).to.equal(
      `${ENTERPRISE_USER_URN}:manager.value`,
    );
  });

  it('refuses attributes the provisioner owns, with the reason', () => {
    expect(() => parseTarget('active', 'scim2')).to.throw(/follows the directory user's state/);
    expect(() => parseTarget('groups', 'scim2')).to.throw(/read-only/);
    expect(() => parseTarget('id', 'scim2')).to.throw(/assigned by the target/);
  });

  it('explains a path of the wrong shape', () => {
    expect(() => parseTarget('name', 'aws')).to.throw(/needs a sub-attribute: name\.formatted/);
    expect(() => parseTarget('emails', 'aws')).to.throw(/emails\[type eq "work"\]\.value/);
    expect(() => parseTarget('title.x', 'aws')).to.throw(/simple attribute/);
    expect(() => parseTarget('salary', 'aws')).to.throw(/not a SCIM user attribute/);
    expect(() => parseTarget('name.nick', 'aws')).to.throw(/sub-attribute 'nick'/);
    expect(() => parseTarget('emails[value eq "x"].value', 'aws')).to.throw(
      /not an attribute path/,
    );
  });

  it('AWS-USER-UNSUPPORTED-ATTRS: refuses attributes AWS refuses, for the aws preset only', () => {
    expect(() => parseTarget('photos.value', 'aws')).to.throw(/AWS-USER-UNSUPPORTED-ATTRS/);
    expect(canonical('photos.value', 'scim2')).to.equal('photos.value');
  });

  it('AWS-USER-NO-DISPLAY-SUBATTR: refuses display sub-attributes for the aws preset', () => {
    expect(() => parseTarget('emails.display', 'aws')).to.throw(/AWS-USER-NO-DISPLAY-SUBATTR/);
    const manager = `${ENTERPRISE_USER_URN}:manager.displayName`;
    expect(() => parseTarget(manager, 'aws')).to.throw(/AWS-USER-NO-DISPLAY-SUBATTR/);
  });
});
