import { expect } from 'chai';

import {
  assign,
  createGroup,
  deleteGroup,
  groupsOf,
  listGroups,
  membersOf,
  renameGroup,
  unassign,
} from '../../../provisioner/directory/groups.ts';
import { addUser, deleteUser } from '../../../provisioner/directory/users.ts';
import { openTempState, type TempState } from '../state/temp-state.ts';

function user(userName: string) {
  return { userName, firstName: 'F', lastName: 'L', email: `${userName}@example.com` };
}

describe('provisioner/directory/groups', () => {
  let state: TempState;
  beforeEach(() => {
    state = openTempState();
    ['ann', 'ben', 'cy'].forEach((name) => addUser(state.db, user(name)));
  });
  afterEach(() => state.cleanup());

  it('creates, renames (keeping the id) and deletes groups; names are unique ignoring case', () => {
    const group = createGroup(state.db, 'Engineers');
    expect(() => createGroup(state.db, 'engineers')).to.throw(/already exists/);
    const renamed = renameGroup(state.db, 'engineers', 'Builders');
    expect(renamed).to.include({ id: group.id, name: 'Builders' });
    expect(() => renameGroup(state.db, 'Nope', 'X')).to.throw(/group 'Nope' does not exist/);
    deleteGroup(state.db, 'Builders');
    expect(listGroups(state.db)).to.deep.equal([]);
  });

  it('assigns and unassigns, telling changed from unchanged', () => {
    createGroup(state.db, 'Eng');
    expect(assign(state.db, 'Eng', ['ben', 'ann'])).to.deep.equal({
      group: 'Eng',
      changed: ['ben', 'ann'],
      unchanged: [],
    });
    expect(assign(state.db, 'Eng', ['ANN', 'cy']).unchanged).to.deep.equal(['ann']);
    expect(membersOf(state.db, 'Eng').map((u) => u.userName)).to.deep.equal(['ann', 'ben', 'cy']);
    expect(unassign(state.db, 'Eng', ['cy', 'cy']).changed).to.deep.equal(['cy']);
    expect(listGroups(state.db)[0].memberCount).to.equal(2);
  });

  it('changes nothing when one userName is unknown, and names every unknown one', () => {
    createGroup(state.db, 'Eng');
    expect(() => assign(state.db, 'Eng', ['ann', 'x', 'y'])).to.throw(/not in the directory: x, y/);
    expect(membersOf(state.db, 'Eng')).to.deep.equal([]);
  });

  it('drops memberships when the user or the group is deleted', () => {
    createGroup(state.db, 'A');
    createGroup(state.db, 'B');
    assign(state.db, 'A', ['ann', 'ben']);
    const ann = assign(state.db, 'B', ['ann']);
    expect(ann.changed).to.deep.equal(['ann']);
    deleteUser(state.db, 'ben');
    expect(membersOf(state.db, 'A').map((u) => u.userName)).to.deep.equal(['ann']);
    deleteGroup(state.db, 'A');
    const annId = membersOf(state.db, 'B')[0].id;
    expect(groupsOf(state.db, annId)).to.deep.equal(['B']);
  });
});
