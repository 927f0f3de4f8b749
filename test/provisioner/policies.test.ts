import { expect } from 'chai';

import { createApp } from '../../provisioner/apps/store.ts';
import { assign, createGroup, deleteGroup } from '../../provisioner/directory/groups.ts';
import { addUser } from '../../provisioner/directory/users.ts';
import {
  addPolicy,
  appsForGroups,
  appsForUser,
  deletePolicy,
  editPolicy,
  listPolicies,
} from '../../provisioner/policies.ts';
import { openTempState, type TempState } from './state/temp-state.ts';

describe('provisioner/policies', () => {
  let state: TempState;
  const ids: Record<string, string> = {};

  beforeEach(() => {
    state = openTempState();
    for (const app of ['a1', 'a2']) {
      createApp(state.db, {
        name: app,
        preset: 'aws',
        endpoint: 'http://127.0.0.1:1/v2',
        token: 't',
      });
    }
    for (const group of ['Eng', 'Ops', 'Sales']) ids[group] = createGroup(state.db, group).id;
    ids.ann = addUser(state.db, {
      userName: 'ann',
      firstName: 'A',
      lastName: 'N',
      email: 'a@x.io',
    }).id;
    assign(state.db, 'Ops', ['ann']);
  });
  afterEach(() => state.cleanup());

  it('adds a policy naming an app, groups and a login method', () => {
    const policy = addPolicy(state.db, {
      name: 'eng-aws',
      app: 'A1',
      groups: ['ops', 'Eng'],
      loginMethod: 'SAML',
    });
    expect(policy).to.deep.equal({
      name: 'eng-aws',
      app: 'a1',
      groups: ['Eng', 'Ops'],
      loginMethod: 'saml',
    });
    expect(listPolicies(state.db, 'a2')).to.deep.equal([]);
    expect(listPolicies(state.db)).to.deep.equal([policy]);
  });

  it('refuses unknown apps, groups and login methods, and a policy without groups', () => {
    expect(() => addPolicy(state.db, { name: 'p', app: 'nope', groups: ['Eng'] })).to.throw(
      /app 'nope'/,
    );
    expect(() => addPolicy(state.db, { name: 'p', app: 'a1', groups: ['Nope'] })).to.throw(
      /group 'Nope'/,
    );
    expect(() => addPolicy(state.db, { name: 'p', app: 'a1', groups: [] })).to.throw(
      /at least one --group/,
    );
    expect(() =>
      addPolicy(state.db, { name: 'p', app: 'a1', groups: ['Eng'], loginMethod: 'magic' }),
    ).to.throw(/login method 'magic' is not valid; use one of password/);
    addPolicy(state.db, { name: 'p', app: 'a1', groups: ['Eng'] });
    expect(() => addPolicy(state.db, { name: 'P', app: 'a2', groups: ['Eng'] })).to.throw(
      /already exists/,
    );
  });

  it('edits groups and login method, refusing to leave a policy without a group', () => {
    addPolicy(state.db, { name: 'p', app: 'a1', groups: ['Eng'] });
    const edited = editPolicy(state.db, 'p', {
      addGroups: ['Sales'],
      removeGroups: ['Eng'],
      loginMethod: 'oidc',
    });
    expect(edited).to.include({ loginMethod: 'oidc' });
    expect(edited.groups).to.deep.equal(['Sales']);
    expect(() => editPolicy(state.db, 'p', { removeGroups: ['Sales'] })).to.throw(/no group left/);
    expect(listPolicies(state.db)[0].groups).to.deep.equal(['Sales']);
  });

  it('finds the apps a group or a user is in scope for', () => {
    addPolicy(state.db, { name: 'p1', app: 'a2', groups: ['Ops'] });
    addPolicy(state.db, { name: 'p2', app: 'a1', groups: ['Ops', 'Eng'] });
    expect(appsForGroups(state.db, [ids.Ops])).to.deep.equal(['a1', 'a2']);
    expect(appsForGroups(state.db, [ids.Eng, ids.Sales])).to.deep.equal(['a1']);
    expect(appsForUser(state.db, ids.ann)).to.deep.equal(['a1', 'a2']);
    deletePolicy(state.db, 'p1');
    deleteGroup(state.db, 'Ops');
    expect(appsForUser(state.db, ids.ann)).to.deep.equal([]);
    expect(listPolicies(state.db)[0].groups).to.deep.equal(['Eng']);
  });
});
