import { expect } from 'chai';

import { createApp } from '../../provisioner/apps/store.ts';
import { buildDesiredState } from '../../provisioner/desired-state.ts';
import { assign, createGroup, renameGroup } from '../../provisioner/directory/groups.ts';
import { addUser, deactivateUser, deleteUser } from '../../provisioner/directory/users.ts';
import { setRow } from '../../provisioner/mapping/rows.ts';
import { addPolicy } from '../../provisioner/policies.ts';
import { openTempState, type TempState } from './state/temp-state.ts';

describe('provisioner/desired-state', () => {
  let state: TempState;
  const keys: Record<string, string> = {};

  beforeEach(() => {
    state = openTempState();
    createApp(state.db, {
      name: 'aws',
      preset: 'aws',
      endpoint: 'http://127.0.0.1:1/v2',
      token: 't',
    });
    for (const name of ['cy', 'ann', 'ben', 'dee']) {
      keys[name] = addUser(state.db, {
        userName: name,
        firstName: name,
        lastName: 'X',
        email: `${name}@x.io`,
      }).id;
    }
    createGroup(state.db, 'Eng');
    createGroup(state.db, 'Admins');
    createGroup(state.db, 'Other');
    assign(state.db, 'Eng', ['cy', 'ann']);
    assign(state.db, 'Admins', ['ann', 'ben']);
    assign(state.db, 'Other', ['dee']);
    addPolicy(state.db, { name: 'p1', app: 'aws', groups: ['Eng'] });
    addPolicy(state.db, { name: 'p2', app: 'aws', groups: ['Admins', 'Eng'] });
  });
  afterEach(() => state.cleanup());

  it('puts members of policy groups in scope, once each, ordered by userName', () => {
    const desired = buildDesiredState(state.db, 'aws');
    expect(desired.app.name).to.equal('aws');
    expect(desired.users.map((user) => user.userName)).to.deep.equal(['ann', 'ben', 'cy']);
    expect(desired.users[0]).to.deep.equal({
      key: keys.ann,
      userName: 'ann',
      payload: {
        userName: 'ann',
        name: { givenName: 'ann', familyName: 'X' },
        displayName: 'ann X',
        emails: [{ value: 'ann@x.io', type: 'work', primary: true }],
        externalId: keys.ann,
      },
      createOnly: {},
      active: true,
    });
  });

  it('lists the policy groups with their in-scope member keys, keyed by stable group id', () => {
    const eng = createGroup(state.db, 'Empty');
    addPolicy(state.db, { name: 'p3', app: 'aws', groups: ['Empty'] });
    renameGroup(state.db, 'Eng', 'Engineering');
    const { groups } = buildDesiredState(state.db, 'aws');
    expect(groups.map((group) => [group.displayName, group.memberKeys])).to.deep.equal([
      ['Admins', [keys.ann, keys.ben]],
      ['Empty', []],
      ['Engineering', [keys.ann, keys.cy]],
    ]);
    expect(groups[1].key).to.equal(eng.id);
  });

  it('keeps deactivated users with active false and drops deleted ones', () => {
    deactivateUser(state.db, 'ben');
    deleteUser(state.db, 'cy');
    const desired = buildDesiredState(state.db, 'aws');
    expect(desired.users.map((user) => [user.userName, user.active])).to.deep.equal([
      ['ann', true],
      ['ben', false],
    ]);
    expect(desired.groups.find((group) => group.displayName === 'Eng')?.memberKeys).to.deep.equal([
      keys.ann,
    ]);
  });

  it('splits create-only rows into createOnly', () => {
    setRow(state.db, { name: 'aws', preset: 'aws' }, 'title', '"Engineer"', { applyOn: 'create' });
    const [ann] = buildDesiredState(state.db, 'aws').users;
    expect(ann.createOnly).to.deep.equal({ title: 'Engineer' });
    expect(ann.payload).not.to.have.property('title');
  });

  it('builds the same state twice in a row', () => {
    expect(buildDesiredState(state.db, 'aws')).to.deep.equal(buildDesiredState(state.db, 'aws'));
  });
});
