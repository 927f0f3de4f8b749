import { expect } from 'chai';

import { ConfigError } from '../../../scim/errors.ts';
import {
  addUser,
  deactivateUser,
  deleteUser,
  editUser,
  getUser,
  getUserById,
  listUsers,
  reactivateUser,
} from '../../../provisioner/directory/users.ts';
import { parseAttributePairs } from '../../../provisioner/directory/validate.ts';
import { openTempState, type TempState } from '../state/temp-state.ts';

const ada = { userName: 'ada', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };

describe('provisioner/directory/users', () => {
  let state: TempState;
  beforeEach(() => (state = openTempState()));
  afterEach(() => state.cleanup());

  it('adds a user with a generated id, a default display name and custom attributes', () => {
    const user = addUser(state.db, {
      ...ada,
      phone: ' +1 555 ',
      attributes: { costCenter: 'R&D' },
    });
    expect(user.id).to.match(/^[0-9a-f-]{36}$/);
    expect(getUser(state.db, 'ADA')).to.deep.equal({
      ...user,
      displayName: 'Ada Lovelace',
      phone: '+1 555',
      active: true,
      source: 'local',
      attributes: { costCenter: 'R&D' },
    });
    expect(getUserById(state.db, user.id)?.userName).to.equal('ada');
  });

  it('refuses a taken userName regardless of case, a bad email and an empty name', () => {
    addUser(state.db, ada);
    expect(() => addUser(state.db, { ...ada, userName: 'ADA' })).to.throw(
      ConfigError,
      /already taken/,
    );
    expect(() => addUser(state.db, { ...ada, userName: 'b', email: 'nope' })).to.throw(
      /not an email/,
    );
    expect(() => addUser(state.db, { ...ada, userName: 'c', firstName: ' ' })).to.throw(
      /first name/,
    );
    expect(() => addUser(state.db, { ...ada, userName: 'd', attributes: { '1x': 'v' } })).to.throw(
      /custom attribute key '1x'/,
    );
  });

  it('edits fields, renames, clears the phone and removes an attribute set to null', () => {
    const user = addUser(state.db, { ...ada, phone: '1', attributes: { a: '1', b: '2' } });
    const edited = editUser(state.db, 'ada', {
      userName: 'ada.l',
      email: 'ada@l.dev',
      phone: null,
      attributes: { a: null, c: '3' },
    });
    expect(edited.id).to.equal(user.id);
    expect(edited).to.include({ userName: 'ada.l', email: 'ada@l.dev', firstName: 'Ada' });
    expect(edited.phone).to.equal(undefined);
    expect(edited.attributes).to.deep.equal({ b: '2', c: '3' });
    expect(getUser(state.db, 'ada')).to.equal(undefined);
  });

  it('refuses a rename onto another user and names an unknown user', () => {
    addUser(state.db, ada);
    addUser(state.db, { ...ada, userName: 'bob' });
    expect(() => editUser(state.db, 'bob', { userName: 'Ada' })).to.throw(/already taken/);
    expect(() => editUser(state.db, 'nobody', {})).to.throw(
      /user 'nobody' is not in the directory/,
    );
  });

  it('deactivates, reactivates and deletes', () => {
    addUser(state.db, ada);
    expect(deactivateUser(state.db, 'ada').active).to.be.false;
    expect(getUser(state.db, 'ada')?.active).to.be.false;
    expect(reactivateUser(state.db, 'ada').active).to.be.true;
    deleteUser(state.db, 'ada');
    expect(listUsers(state.db)).to.deep.equal([]);
  });

  it('lists users ordered by userName, with attributes', () => {
    addUser(state.db, { ...ada, userName: 'zed', attributes: { k: 'z' } });
    addUser(state.db, ada);
    expect(listUsers(state.db).map((u) => [u.userName, u.attributes])).to.deep.equal([
      ['ada', {}],
      ['zed', { k: 'z' }],
    ]);
  });

  it('parses KEY=VALUE pairs and refuses a pair without a key', () => {
    expect(parseAttributePairs(['dept=R=D', 'x='])).to.deep.equal({ dept: 'R=D', x: '' });
    expect(() => parseAttributePairs(['=v'])).to.throw(/not KEY=VALUE/);
  });
});
