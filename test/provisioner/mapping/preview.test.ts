import { expect } from 'chai';

import { createApp } from '../../../provisioner/apps/store.ts';
import { createGroup, assign } from '../../../provisioner/directory/groups.ts';
import { addUser } from '../../../provisioner/directory/users.ts';
import { previewPayload } from '../../../provisioner/mapping/preview.ts';
import { setRow } from '../../../provisioner/mapping/rows.ts';
import { addPolicy } from '../../../provisioner/policies.ts';
import { ENTERPRISE_USER_URN, USER_URN } from '../../../scim/urns.ts';
import { openTempState, type TempState } from '../state/temp-state.ts';

describe('provisioner/mapping/preview', () => {
  let state: TempState;
  const aws = { name: 'aws', preset: 'aws' as const };

  beforeEach(() => {
    state = openTempState();
    createApp(state.db, { ...aws, endpoint: 'http://127.0.0.1:1/scim/v2', token: 't' });
  });
  afterEach(() => state.cleanup());

  it('shows the exact create body of the default aws mapping', () => {
    const user = addUser(state.db, {
      userName: 'ada',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    const preview = previewPayload(state.db, 'aws', 'ada');
    expect(JSON.stringify(preview.body)).to.equal(
      JSON.stringify({
        schemas: [USER_URN],
        userName: 'ada',
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        displayName: 'Ada Lovelace',
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        externalId: user.id,
        active: true,
      }),
    );
    expect(preview).to.include({ inScope: false });
    expect(preview.problems).to.deep.equal([]);
  });

  it('lists create-only rows, the extension schema and whether a policy puts the user in scope', () => {
    addUser(state.db, {
      userName: 'bo',
      firstName: 'Bo',
      lastName: 'B',
      email: 'bo@example.com',
      attributes: { dept: 'Ops' },
    });
    setRow(state.db, aws, `${ENTERPRISE_USER_URN}:department`, 'attr.dept', { applyOn: 'create' });
    createGroup(state.db, 'Eng');
    assign(state.db, 'Eng', ['bo']);
    addPolicy(state.db, { name: 'p', app: 'aws', groups: ['Eng'] });
    const preview = previewPayload(state.db, 'aws', 'bo');
    expect(preview.body.schemas).to.deep.equal([USER_URN, ENTERPRISE_USER_URN]);
    expect(preview.body[ENTERPRISE_USER_URN]).to.deep.equal({ department: 'Ops' });
    expect(preview.createOnlyTargets).to.deep.equal([`${ENTERPRISE_USER_URN}:department`]);
    expect(preview.inScope).to.be.true;
  });

  it('names the AWS rules a user would break before anything is sent', () => {
    addUser(state.db, { userName: 'Administrator', firstName: 'A', lastName: 'B', email: 'a@b.c' });
    setRow(state.db, aws, 'displayName', 'attr.nickname');
    const { problems, emptyTargets } = previewPayload(state.db, 'aws', 'administrator');
    expect(emptyTargets).to.deep.equal(['displayName']);
    expect(problems[0]).to.match(/^displayName is empty.*AWS-USER-REQUIRED-ATTRS/);
    expect(problems[1]).to.match(/AWS-USER-RESERVED-NAMES/);
  });

  it('AWS-USER-FORBIDDEN-CHARS: names a character AWS refuses before anything is sent', () => {
    addUser(state.db, { userName: 'cy', firstName: 'Cy', lastName: 'Lee <ops>', email: 'c@d.e' });
    const { problems } = previewPayload(state.db, 'aws', 'cy');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(
      /^name\.familyName holds the character '<' at index 4.*AWS-USER-FORBIDDEN-CHARS/,
    );
  });
});
