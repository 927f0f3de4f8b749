import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { Provisioner, type SyncFunction } from '../../provisioner/api.ts';
import type { SyncSummary } from '../../provisioner/engine/summary.ts';
import { HarnessError } from '../../scim/errors.ts';

const ENDPOINT = 'http://127.0.0.1:1/scim/v2';

describe('provisioner/api', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scim-harness-api-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('provisioning changes at once', () => {
    let calls: string[][];
    let provisioner: Provisioner;
    let lastOptions: Parameters<SyncFunction>[2];
    const fakeSync: SyncFunction = (_db, appNames, options) => {
      calls.push(appNames);
      lastOptions = options;
      return Promise.resolve(appNames.map((app) => ({ app, status: 'ok' }) as SyncSummary));
    };

    beforeEach(() => {
      calls = [];
      provisioner = Provisioner.open({ statePath: join(dir, 'state.db'), sync: fakeSync });
      for (const app of ['a1', 'a2', 'a3']) {
        provisioner.createApp({ name: app, preset: 'aws', endpoint: ENDPOINT, token: 't' });
      }
      provisioner.addUser({ userName: 'ann', firstName: 'A', lastName: 'N', email: 'a@x.io' });
      provisioner.createGroup('Eng');
      provisioner.createGroup('Ops');
    });
    afterEach(() => provisioner.close());

    it('syncs the policy app when a policy is added, edited or deleted', async () => {
      const added = await provisioner.addPolicy({ name: 'p', app: 'a2', groups: ['Eng'] });
      expect(added).to.deep.include({ apps: ['a2'], deferred: false });
      await provisioner.editPolicy('p', { addGroups: ['Ops'] });
      await provisioner.deletePolicy('p');
      expect(calls).to.deep.equal([['a2'], ['a2'], ['a2']]);
    });

    it('syncs the apps whose policies name the group on assign, rename and delete', async () => {
      await provisioner.addPolicy({ name: 'p1', app: 'a1', groups: ['Eng'] }, { defer: true });
      await provisioner.addPolicy(
        { name: 'p3', app: 'a3', groups: ['Eng', 'Ops'] },
        { defer: true },
      );
      expect(calls).to.deep.equal([]);
      await provisioner.assign('Eng', ['ann']);
      await provisioner.unassign('Ops', ['ann']);
      await provisioner.renameGroup('Eng', 'Engineering');
      await provisioner.deleteGroup('Engineering');
      expect(calls).to.deep.equal([['a1', 'a3'], ['a3'], ['a1', 'a3'], ['a1', 'a3']]);
    });

    it('syncs the apps a user is in scope for before or after the change', async () => {
      await provisioner.addPolicy({ name: 'p2', app: 'a2', groups: ['Ops'] }, { defer: true });
      await provisioner.assign('Ops', ['ann'], { defer: true });
      await provisioner.editUser('ann', { firstName: 'Anne' });
      await provisioner.deactivateUser('ann');
      await provisioner.reactivateUser('ann');
      const deleted = await provisioner.deleteUser('ann');
      expect(deleted.apps).to.deep.equal(['a2']);
      expect(calls).to.deep.equal([['a2'], ['a2'], ['a2'], ['a2']]);
    });

    it('passes the go-ahead for a large deprovisioning on to the engine', async () => {
      await provisioner.addPolicy({ name: 'p', app: 'a1', groups: ['Eng'] });
      expect(lastOptions?.allowMassDeprovision).to.equal(undefined);
      await provisioner.deletePolicy('p', { allowMassDeprovision: true });
      expect(lastOptions?.allowMassDeprovision).to.be.true;
    });

    it('syncs nothing for a user in no app, and nothing with defer', async () => {
      const result = await provisioner.editUser('ann', { lastName: 'Nguyen' });
      expect(result).to.deep.include({ apps: [], synced: [], deferred: false });
      await provisioner.addPolicy({ name: 'p', app: 'a1', groups: ['Eng'] }, { defer: true });
      const deferred = await provisioner.assign('Eng', ['ann'], { defer: true });
      expect(deferred).to.deep.include({ apps: ['a1'], synced: [], deferred: true });
      expect(calls).to.deep.equal([]);
    });

    it('keeps the change and says so when the sync itself throws', async () => {
      const failing = Provisioner.open({
        statePath: join(dir, 'state.db'),
        sync: () => Promise.reject(new Error('engine exploded')),
      });
      try {
        await failing.addPolicy({ name: 'p', app: 'a1', groups: ['Eng'] });
        expect.fail('the sync failure was not reported');
      } catch (error) {
        expect(error).to.be.instanceOf(HarnessError);
        expect((error as Error).message).to.match(/change is saved, but provisioning a1 failed/);
      } finally {
        failing.close();
      }
      expect(provisioner.listPolicies().map((policy) => policy.name)).to.deep.equal(['p']);
    });
  });

  describe('the seven steps against the mock', () => {
    let mock: RunningMock;
    let provisioner: Provisioner;

    beforeEach(async () => {
      mock = await startMockServer({ logLevel: 'silent' });
      provisioner = Provisioner.open({ statePath: join(dir, 'state.db') });
    });
    afterEach(async () => {
      provisioner.close();
      await mock.stop();
    });

    async function remoteUser(userName: string): Promise<Record<string, unknown> | undefined> {
      const filter = encodeURIComponent(`userName eq "${userName}"`);
      const response = await fetch(`${mock.scimBaseUrl()}/Users?filter=${filter}`, {
        headers: { authorization: `Bearer ${mock.token}` },
      });
      const list = (await response.json()) as { Resources: Record<string, unknown>[] };
      return list.Resources[0];
    }

    it('configures an aws app and pushes users as soon as they enter scope', async () => {
      const endpoint = mock.scimBaseUrl();
      provisioner.createApp({ name: 'aws', preset: 'aws', endpoint, token: mock.token });
      expect((await provisioner.testConnection('aws')).ok).to.be.true;
      provisioner.setMapping('aws', 'title', '"Engineer"', { applyOn: 'create' });
      provisioner.setFeatures('aws', { enable: ['delete-users'] });
      const ada = provisioner.addUser({
        userName: 'ada',
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
      });
      // Five colleagues keep one deactivation under the app's 20% deprovisioning guard.
      const others = ['b1', 'b2', 'b3', 'b4', 'b5'];
      for (const userName of others) {
        provisioner.addUser({ userName, firstName: 'B', lastName: 'B', email: `${userName}@x.io` });
      }
      provisioner.createGroup('Eng');
      await provisioner.addPolicy({ name: 'eng', app: 'aws', groups: ['Eng'] });
      const assigned = await provisioner.assign('Eng', ['ada', ...others]);
      expect(assigned.synced.map((summary) => summary.status)).to.deep.equal(['ok']);
      expect(await remoteUser('ada')).to.deep.include({
        externalId: ada.id,
        displayName: 'Ada Lovelace',
        title: 'Engineer',
        active: true,
      });

      await provisioner.editUser('ada', { lastName: 'King', displayName: 'Ada King' });
      expect(await remoteUser('ada')).to.deep.include({ displayName: 'Ada King' });
      const deactivated = await provisioner.deactivateUser('ada');
      expect(deactivated.synced[0].counts.usersDeactivated).to.equal(1);
      expect(await remoteUser('ada')).to.deep.include({ active: false });
    });
  });
});
