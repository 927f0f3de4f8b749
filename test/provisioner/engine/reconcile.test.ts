import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { ScimClient } from '../../../provisioner/client/scim-client.ts';
import { syncDesired } from '../../../provisioner/engine/sync.ts';
import { USER_URN } from '../../../scim/urns.ts';
import {
  lastSeq as lastSeqOf,
  appFor,
  desired,
  group,
  memoryDb,
  startMock,
  targetState,
  user,
} from './harness.ts';

describe('engine reconcile and ownership against the mock', function () {
  // Real HTTP against the mock, with retries under injected faults: slower on a busy host.
  this.timeout(60_000);
  let mock: RunningMock;
  let direct: ScimClient;
  beforeEach(async () => {
    mock = await startMock();
    direct = new ScimClient({ baseUrl: mock.scimBaseUrl(), token: mock.token, concurrency: 2 });
  });
  afterEach(async () => mock.stop());

  const lastSeq = () => lastSeqOf(mock);
  const patch = (path: string, operations: unknown[]) =>
    direct.request('PATCH', path, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: operations,
    });
  const foreignUser = (userName: string) =>
    direct.request<{ id: string }>('POST', '/Users', {
      schemas: [USER_URN],
      userName,
      displayName: 'Someone Else',
      name: { givenName: 'Someone', familyName: 'Else' },
      emails: [{ value: userName, primary: true }],
    });

  it('repairs drift on its own objects: an attribute, active, a rename and a removed member', async () => {
    const db = memoryDb();
    const state = desired(appFor(mock), [user(1), user(2)], [group(1, ['k1', 'k2'])]);
    await syncDesired(db, state);
    const target = await targetState(mock);
    const u1 = target.byName.get('user1@example.com')!.id;
    const g1 = target.groups[0].id;
    await patch(`/Users/${u1}`, [
      { op: 'replace', path: 'displayName', value: 'Edited On Target' },
      { op: 'replace', path: 'active', value: false },
    ]);
    await patch(`/Groups/${g1}`, [
      { op: 'replace', path: 'displayName', value: 'Renamed On Target' },
    ]);
    await patch(`/Groups/${g1}`, [{ op: 'remove', path: 'members', value: [{ value: u1 }] }]);

    const plain = await syncDesired(db, state);
    expect(plain.requests, 'a plain sync trusts the pushed state').to.equal(0);
    const repaired = await syncDesired(db, state, { reconcile: true });
    expect(repaired.status).to.equal('ok');
    expect(repaired.counts).to.include({ usersUpdated: 1, groupsRenamed: 1, membersAdded: 1 });
    const after = await targetState(mock);
    expect(after.byName.get('user1@example.com')).to.include({
      displayName: 'User 1',
      active: true,
    });
    expect(after.members.get('Group 1')).to.deep.equal(['user1@example.com', 'user2@example.com']);
  });

  it('links to a user it did not create instead of duplicating it, and never changes or deletes it', async () => {
    const db = memoryDb();
    const app = appFor(mock, { deprovision: { mode: 'delete', graceDays: 0 } });
    const existing = (await foreignUser('user1@example.com')).body!.id;
    const stranger = (await foreignUser('stranger@example.com')).body!.id;
    const first = await syncDesired(db, desired(app, [user(1), user(2)], [group(1, ['k1', 'k2'])]));
    expect(first.counts).to.include({ usersLinked: 1, usersCreated: 1 });
    const seq = await lastSeq();
    await syncDesired(db, desired(app, [user(2)], [group(1, ['k2'])]), { reconcile: true });
    const touched = (await mock.admin.journal({ sinceSeq: seq }))
      .filter((e) => e.method !== 'GET')
      .filter((e) => e.path.includes(existing) || e.path.includes(stranger));
    expect(touched).to.deep.equal([]);
    const after = await targetState(mock);
    expect(after.users.filter((u) => u.userName === 'user1@example.com')).to.have.length(1);
    expect(after.byName.get('user1@example.com')).to.include({
      displayName: 'Someone Else',
      active: true,
    });
    expect(after.byName.has('stranger@example.com')).to.be.true;
  });

  it('aborts before any write when a read of the target fails', async () => {
    const db = memoryDb();
    const app = appFor(mock);
    await syncDesired(db, desired(app, [user(1), user(2)]));
    await mock.admin.setFaults({
      rules: [{ kind: 'status', status: 503, method: 'GET', rate: 1 }],
    });
    const seq = await lastSeq();
    const summary = await syncDesired(db, desired(app, [user(1)]), { reconcile: true });
    expect(summary.status).to.equal('aborted');
    const sent = (await mock.admin.journal({ sinceSeq: seq })).filter((e) => e.method !== 'GET');
    expect(sent).to.deep.equal([]);
  });

  it('converges without duplicates while 30% of requests get 429 or 503', async () => {
    const db = memoryDb();
    const users = Array.from({ length: 150 }, (_, i) => user(i));
    const groups = [
      group(
        1,
        users.map((u) => u.key),
      ),
      group(
        2,
        users.slice(0, 40).map((u) => u.key),
      ),
    ];
    await mock.admin.setFaults({
      seed: 7,
      rules: [
        { kind: 'status', status: 429, rate: 0.15 },
        { kind: 'status', status: 503, rate: 0.15 },
      ],
    });
    const state = desired(appFor(mock, { concurrency: 8 }), users, groups);
    const summary = await syncDesired(db, state);
    expect(summary.status, summary.failures.join('\n')).to.equal('ok');
    expect(summary.requests).to.be.greaterThan(summary.counts.usersCreated + 2);
    await mock.admin.clearFaults();
    const target = await targetState(mock);
    expect(target.users).to.have.length(150);
    expect(new Set(target.users.map((u) => u.userName)).size).to.equal(150);
    expect(target.groups).to.have.length(2);
    expect(target.members.get('Group 1')).to.have.length(150);
    expect(target.members.get('Group 2')).to.have.length(40);
    const again = await syncDesired(db, state, { reconcile: true });
    expect(again.writes).to.equal(0);
  });
});
