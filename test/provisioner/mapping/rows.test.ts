import { expect } from 'chai';

import { createApp } from '../../../provisioner/apps/store.ts';
import { listRows, resetRows, setRow, unsetRow } from '../../../provisioner/mapping/rows.ts';
import { ConfigError } from '../../../scim/errors.ts';
import { openTempState, type TempState } from '../state/temp-state.ts';

describe('provisioner/mapping/rows', () => {
  let state: TempState;
  const aws = { name: 'aws', preset: 'aws' as const };
  const scim2 = { name: 'generic', preset: 'scim2' as const };

  beforeEach(() => {
    state = openTempState();
    createApp(state.db, { ...aws, endpoint: 'http://127.0.0.1:1/scim/v2', token: 't' });
    createApp(state.db, { ...scim2, endpoint: 'http://127.0.0.1:1/scim/v2', token: 't' });
  });
  afterEach(() => state.cleanup());

  it('adds a row at the end and replaces a row in place, storing canonical text', () => {
    const added = setRow(state.db, aws, 'TITLE', "'Engineer'", { applyOn: 'create' });
    expect(added).to.deep.equal({
      target: 'title',
      source: '"Engineer"',
      kind: 'constant',
      applyOn: 'create',
    });
    setRow(state.db, aws, 'displayName', 'join(" ", first_name, user.lastName)');
    const rows = listRows(state.db, 'aws');
    expect(rows[3]).to.deep.equal({
      target: 'displayName',
      source: 'join(" ", user.firstName, user.lastName)',
      kind: 'expression',
      applyOn: 'always',
    });
    expect(rows.at(-1)?.target).to.equal('title');
  });

  it('AWS-USER-REQUIRED-ATTRS: refuses to drop a required target and names it', () => {
    for (const target of ['name.givenName', 'name.familyName', 'userName', 'displayName']) {
      expect(() => unsetRow(state.db, aws, target), target).to.throw(
        ConfigError,
        new RegExp(`mapping for ${target.replace('.', '\\.')}`),
      );
    }
    expect(() => unsetRow(state.db, aws, 'emails[type eq "work"].value')).to.throw(
      /mapping for emails/,
    );
    expect(listRows(state.db, 'aws')).to.have.length(6);
  });

  it('moves the required email row to another type in one step with replaces', () => {
    expect(() => setRow(state.db, aws, 'emails.value', 'user.email')).to.throw(/--replace/);
    setRow(state.db, aws, 'emails[type eq "home"].value', 'lower(user.email)', {
      replaces: 'emails[type eq "work"].value',
    });
    const rows = listRows(state.db, 'aws');
    expect(rows[4]).to.include({ target: 'emails[type eq "home"].value', kind: 'expression' });
    expect(rows).to.have.length(6);
  });

  it('AWS-USER-SINGLE-VALUED: refuses a second entry of a multi-valued attribute for aws', () => {
    expect(() => setRow(state.db, aws, 'emails[type eq "home"].value', '"x@y.z"')).to.throw(
      /AWS-USER-SINGLE-VALUED/,
    );
    expect(() => setRow(state.db, scim2, 'emails[type eq "home"].value', '"x@y.z"')).not.to.throw();
  });

  it('AWS-USER-CONTROL-CHARS: refuses at save a constant AWS would refuse for every user', () => {
    expect(() => setRow(state.db, aws, 'title', '"Chief\tEngineer"')).to.throw(
      /constant would be refused by AWS.*AWS-USER-CONTROL-CHARS/,
    );
    expect(() => setRow(state.db, aws, 'title', `"${'x'.repeat(1025)}"`)).to.throw(
      /AWS-USER-LENGTH-LIMITS/,
    );
    expect(() => setRow(state.db, scim2, 'title', '"Chief\tEngineer"')).not.to.throw();
  });

  it('AWS-USER-FORBIDDEN-CHARS: refuses at save a constant holding <>;:%', () => {
    expect(() => setRow(state.db, aws, 'title', '"VP: Sales"')).to.throw(
      /constant would be refused by AWS.*AWS-USER-FORBIDDEN-CHARS/,
    );
    expect(() => setRow(state.db, aws, 'profileUrl', '"https://example.com/me"')).not.to.throw();
    expect(() => setRow(state.db, scim2, 'title', '"VP: Sales"')).not.to.throw();
  });

  it('keeps only userName required for the generic scim2 preset', () => {
    unsetRow(state.db, scim2, 'name.givenName');
    expect(() => unsetRow(state.db, scim2, 'username')).to.throw(/mapping for userName/);
    expect(() => unsetRow(state.db, scim2, 'title')).to.throw(/has no mapping row for 'title'/);
  });

  it('refuses a bad --on value and resets to the preset mapping', () => {
    expect(() =>
      setRow(state.db, aws, 'title', '"x"', { applyOn: 'sometimes' as 'create' }),
    ).to.throw(/create or always/);
    setRow(state.db, aws, 'title', '"x"');
    resetRows(state.db, aws);
    expect(listRows(state.db, 'aws').map((row) => row.target)).not.to.include('title');
  });
});
