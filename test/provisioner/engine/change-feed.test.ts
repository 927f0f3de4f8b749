import type Database from 'better-sqlite3';
import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { getApp, updateApp } from '../../../provisioner/apps/store.ts';
import { assign, unassign } from '../../../provisioner/directory/groups.ts';
import { deactivateUser, editUser } from '../../../provisioner/directory/users.ts';
import { syncApps } from '../../../provisioner/engine/sync.ts';
import type { SyncOptions } from '../../../provisioner/engine/sync.ts';
import { setRow } from '../../../provisioner/mapping/rows.ts';
import { seedDirectory, userName } from './directory-fixture.ts';
import { lastSeq, memoryDb, startMock, targetState } from './harness.ts';

const USERS = 30;

describe('engine sync by the change feed', function () {
  this.timeout(60_000);
  let mock: RunningMock;
  let db: Database.Database;
  beforeEach(async () => {
    mock = await startMock();
    db = memoryDb();
    seedDirectory(db, { endpoint: mock.scimBaseUrl(), token: mock.token, users: USERS, groups: 3 });
  });
  afterEach(async () => mock.stop());

  const sync = async (options: SyncOptions = {}) => (await syncApps(db, ['app1'], options))[0];
  const watermark = () =>
    db.prepare("SELECT seq FROM engine_watermarks WHERE app = 'app1'").pluck().get() as
      number | undefined;
  /** Sends a change through `work` and returns what reached the mock meanwhile. */
  async function sentDuring<T>(work: () => Promise<T>) {
    const seq = await lastSeq(mock);
    const result = await work();
    return { result, sent: await mock.admin.journal({ sinceSeq: seq }) };
  }

  it('takes the full path first, then sends and reads nothing while nothing changes', async () => {
    const first = await sync();
    expect(first).to.include({ status: 'ok', path: 'full' });
    expect(first.counts.usersCreated).to.equal(USERS);
    expect(watermark()).to.be.a('number');
    const { result, sent } = await sentDuring(() => sync());
    expect(result).to.include({ path: 'unchanged', status: 'ok', requests: 0 });
    expect(sent).to.deep.equal([]);
  });

  it('picks up a user change after a sync incrementally, as one PATCH', async () => {
    await sync();
    const before = watermark()!;
    editUser(db, userName(7), { lastName: 'Changed' });
    const { result, sent } = await sentDuring(() => sync());
    expect(result).to.include({ path: 'incremental', status: 'ok', writes: 1, reads: 0 });
    expect(sent.map((e) => e.method)).to.deep.equal(['PATCH']);
    expect((sent[0].requestBody as { Operations: unknown[] }).Operations).to.deep.include({
      op: 'replace',
      path: 'name.familyName',
      value: 'Changed',
    });
    expect(watermark()).to.be.greaterThan(before);
    expect(await sync()).to.include({ path: 'unchanged', requests: 0 });
  });

  it('picks up a group membership change incrementally, as one group PATCH each way', async () => {
    await sync();
    // Round robin over 3 groups: user 0 is in Group 000 only.
    const added = await sentDuring(() => {
      assign(db, 'Group 001', [userName(0)]);
      return sync();
    });
    expect(added.result).to.include({ path: 'incremental', status: 'ok', writes: 1 });
    expect(added.sent.map((e) => e.method)).to.deep.equal(['PATCH']);
    expect(added.sent[0].path).to.match(/\/Groups\/[^/]+$/);
    expect((await targetState(mock)).members.get('Group 001')).to.include(userName(0));
    const removed = await sentDuring(() => {
      unassign(db, 'Group 001', [userName(0)]);
      return sync();
    });
    expect(removed.result).to.include({ path: 'incremental', status: 'ok', writes: 1 });
    expect(removed.result.counts.membersRemoved).to.equal(1);
    expect((await targetState(mock)).members.get('Group 001')).not.to.include(userName(0));
  });

  it('takes the full path after a mapping change, which concerns every user', async () => {
    await sync();
    setRow(db, getApp(db, 'app1'), 'title', "'Engineer'");
    const { result, sent } = await sentDuring(() => sync());
    expect(result).to.include({ path: 'full', status: 'ok', writes: USERS });
    expect(sent.filter((e) => e.method === 'PATCH')).to.have.length(USERS);
  });

  it('keeps the watermark after a failed write, so the next run retries the change', async () => {
    await sync();
    const before = watermark();
    editUser(db, userName(3), { lastName: 'Retried' });
    await mock.admin.setFaults({
      rules: [{ kind: 'status', status: 503, method: 'PATCH', retryAfter: 0, rate: 1 }],
    });
    const failed = await sync();
    expect(failed).to.include({ path: 'incremental', status: 'partial' });
    expect(watermark()).to.equal(before);
    await mock.admin.clearFaults();
    const { result, sent } = await sentDuring(() => sync());
    expect(result).to.include({ path: 'incremental', status: 'ok', writes: 1 });
    expect(sent.map((e) => e.method)).to.deep.equal(['PATCH']);
    expect(watermark()).to.be.greaterThan(before!);
    const target = await targetState(mock);
    expect((target.byName.get(userName(3))?.name as { familyName: string }).familyName).to.equal(
      'Retried',
    );
  });

  it('deletes a user whose grace period ran out with no directory change', async () => {
    updateApp(db, 'app1', { deprovision: { mode: 'delete', graceDays: 2 } });
    await sync();
    deactivateUser(db, userName(5));
    const deactivated = await sync();
    expect(deactivated).to.include({ path: 'incremental', writes: 1 });
    expect(deactivated.counts.usersDeactivated).to.equal(1);
    expect(await sync()).to.include({ path: 'unchanged', requests: 0 });
    const later = new Date(Date.now() + 3 * 86_400_000);
    const { result, sent } = await sentDuring(() => sync({ now: later }));
    expect(result).to.include({ path: 'incremental', status: 'ok' });
    expect(result.counts.usersDeleted).to.equal(1);
    expect(sent.map((e) => e.method)).to.deep.equal(['DELETE']);
  });

  it('takes the full path with --reconcile even when nothing changed', async () => {
    await sync();
    expect(await sync({ reconcile: true })).to.include({ path: 'full', status: 'ok' });
  });
});
