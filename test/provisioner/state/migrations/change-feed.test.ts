import { expect } from 'chai';

import { createApp, updateApp } from '../../../../provisioner/apps/store.ts';
import { assign, createGroup, renameGroup } from '../../../../provisioner/directory/groups.ts';
import { addUser, deleteUser, editUser } from '../../../../provisioner/directory/users.ts';
import { setRow } from '../../../../provisioner/mapping/rows.ts';
import { addPolicy } from '../../../../provisioner/policies.ts';
import { openTempState, type TempState } from '../temp-state.ts';

describe('provisioner/state/migrations/002-change-feed', () => {
  let state: TempState;
  beforeEach(() => (state = openTempState()));
  afterEach(() => state.cleanup());

  /** The user ids (null: not about one user) of the changes a write left behind. */
  function changesOf(write: () => void): (string | null)[] {
    const head = state.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM changes').pluck().get();
    write();
    const rows = state.db
      .prepare('SELECT DISTINCT user_id FROM changes WHERE seq > ? ORDER BY seq')
      .pluck()
      .all(head) as (string | null)[];
    return rows;
  }

  it('records each user-level write under that user and every other write as shared', () => {
    const app = createApp(state.db, {
      name: 'aws',
      preset: 'aws',
      endpoint: 'http://127.0.0.1:1/scim/v2',
      token: 't',
    });
    const input = { userName: 'ada', firstName: 'Ada', lastName: 'L', email: 'a@b.c' };
    let id = '';
    expect(changesOf(() => (id = addUser(state.db, input).id))).to.deep.equal([id]);
    expect(changesOf(() => editUser(state.db, 'ada', { attributes: { team: 'x' } }))).to.deep.equal(
      [id],
    );
    expect(changesOf(() => createGroup(state.db, 'Eng'))).to.deep.equal([null]);
    expect(changesOf(() => assign(state.db, 'Eng', ['ada']))).to.deep.equal([id]);
    expect(changesOf(() => renameGroup(state.db, 'Eng', 'Engineering'))).to.deep.equal([null]);
    for (const write of [
      () => addPolicy(state.db, { name: 'p', app: 'aws', groups: ['Engineering'] }),
      () => setRow(state.db, app, 'title', "'Engineer'"),
      () => updateApp(state.db, 'aws', { concurrency: 2 }),
    ]) {
      expect(changesOf(write)).to.include(null);
    }
    expect(changesOf(() => deleteUser(state.db, 'ada'))).to.deep.equal([id]);
  });
});
