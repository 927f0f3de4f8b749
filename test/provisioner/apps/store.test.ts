import { expect } from 'chai';

import {
  createApp,
  deleteApp,
  getApp,
  listApps,
  setFeatures,
  updateApp,
} from '../../../provisioner/apps/store.ts';
import { maskToken } from '../../../provisioner/apps/settings.ts';
import { parseFeatureList } from '../../../provisioner/apps/features.ts';
import { listRows } from '../../../provisioner/mapping/rows.ts';
import { ConfigError } from '../../../scim/errors.ts';
import { openTempState, type TempState } from '../state/temp-state.ts';

const TOKEN = 'tok-0123456789abcdef';
const aws = {
  name: 'aws',
  preset: 'aws' as const,
  endpoint: 'http://127.0.0.1:1/t/scim/v2/',
  token: TOKEN,
};

describe('provisioner/apps/store', () => {
  let state: TempState;
  beforeEach(() => (state = openTempState()));
  afterEach(() => state.cleanup());

  it('creates an aws app with safe defaults and a trimmed endpoint', () => {
    createApp(state.db, aws);
    expect(getApp(state.db, 'AWS')).to.deep.equal({
      name: 'aws',
      preset: 'aws',
      endpoint: 'http://127.0.0.1:1/t/scim/v2',
      token: TOKEN,
      features: {
        createUsers: true,
        updateUsers: true,
        deactivateUsers: true,
        deleteUsers: false,
        pushGroups: true,
        groupMembership: true,
        import: false,
      },
      deprovision: { mode: 'deactivate', graceDays: 0 },
      maxDeprovisionShare: 0.2,
      concurrency: 4,
    });
  });

  it('gives the aws preset its default mapping, externalId from the immutable id included', () => {
    createApp(state.db, aws);
    expect(listRows(state.db, 'aws').map((row) => `${row.target} <- ${row.source}`)).to.deep.equal([
      'userName <- user.userName',
      'name.givenName <- user.firstName',
      'name.familyName <- user.lastName',
      'displayName <- user.displayName',
      'emails[type eq "work"].value <- user.email',
      'externalId <- user.id',
    ]);
  });

  it('refuses a duplicate name, a bad endpoint, an empty token and a bad preset', () => {
    createApp(state.db, aws);
    expect(() => createApp(state.db, { ...aws, name: 'AWS' })).to.throw(
      ConfigError,
      /already exists/,
    );
    const bad = { ...aws, name: 'b' };
    expect(() => createApp(state.db, { ...bad, endpoint: 'ftp://x' })).to.throw(/http/);
    const mistake = 'not-a-url-but-a-token-1234';
    const error = (() => {
      try {
        createApp(state.db, { ...bad, endpoint: mistake });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message)
      .to.match(/not a URL/)
      .and.not.include(mistake);
    expect(() => createApp(state.db, { ...bad, endpoint: 'tok:secret' })).to.throw(/not tok:\/\//);
    expect(() => createApp(state.db, { ...bad, endpoint: 'https://h/x?t=1' })).to.throw(/query/);
    expect(() => createApp(state.db, { ...bad, token: ' ' })).to.throw(/token is empty/);
    expect(() => createApp(state.db, { ...bad, preset: 'okta' as 'aws' })).to.throw(/aws or scim2/);
  });

  it('turns the delete feature on when asked to deprovision by delete, on create or update', () => {
    const app = createApp(state.db, { ...aws, deprovision: { mode: 'delete', graceDays: 7 } });
    expect(app.features.deleteUsers).to.be.true;
    expect(() => setFeatures(state.db, 'aws', [], ['deleteUsers'])).to.throw(/delete-users is off/);
    updateApp(state.db, 'aws', { deprovision: { mode: 'deactivate' } });
    setFeatures(state.db, 'aws', [], ['deleteUsers']);
    const again = updateApp(state.db, 'aws', { deprovision: { mode: 'delete' } });
    expect(again.features.deleteUsers).to.be.true;
    expect(again.deprovision).to.deep.equal({ mode: 'delete', graceDays: 7 });
  });

  it('updates settings with range checks and never keeps a half-applied change', () => {
    createApp(state.db, aws);
    updateApp(state.db, 'aws', { concurrency: 8, maxDeprovisionShare: 0.5, token: 'new-token' });
    expect(getApp(state.db, 'aws')).to.include({ concurrency: 8, maxDeprovisionShare: 0.5 });
    expect(() => updateApp(state.db, 'aws', { concurrency: 0 })).to.throw(/concurrency/);
    expect(() => updateApp(state.db, 'aws', { maxDeprovisionShare: 2 })).to.throw(
      /between 0 and 1/,
    );
    expect(() => updateApp(state.db, 'aws', { deprovision: { graceDays: -1 } })).to.throw(/grace/);
    expect(getApp(state.db, 'aws').concurrency).to.equal(8);
  });

  it('toggles features by CLI name and refuses unknown ones', () => {
    createApp(state.db, aws);
    const app = setFeatures(
      state.db,
      'aws',
      parseFeatureList('import, deleteUsers'),
      parseFeatureList(['push-groups']),
    );
    expect(app.features).to.include({ import: true, deleteUsers: true, pushGroups: false });
    expect(() => parseFeatureList('teleport')).to.throw(/unknown feature 'teleport'; features are/);
    expect(() => setFeatures(state.db, 'aws', ['import'], ['import'])).to.throw(
      /both enabled and disabled/,
    );
  });

  it('deletes the app with its mapping rows', () => {
    createApp(state.db, aws);
    deleteApp(state.db, 'aws');
    expect(listApps(state.db)).to.deep.equal([]);
    expect(listRows(state.db, 'aws')).to.deep.equal([]);
    expect(() => getApp(state.db, 'aws')).to.throw(/app 'aws' does not exist/);
  });

  it('masks a token to its last four characters at most', () => {
    expect(maskToken(TOKEN)).to.equal('****cdef');
    expect(maskToken('short')).to.equal('****');
  });
});
