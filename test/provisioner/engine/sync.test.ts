import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { syncApps, syncDesired } from '../../../provisioner/engine/sync.ts';
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

describe('engine sync against the mock', function () {
  // Real HTTP against the mock, with retries under injected faults: slower on a busy host.
  this.timeout(60_000);
  let mock: RunningMock;
  beforeEach(async () => {
    mock = await startMock();
  });
  afterEach(async () => mock.stop());

  const writes = async (since = 0) =>
    (await mock.admin.journal({ sinceSeq: since })).filter((e) => e.method !== 'GET');
  const lastSeq = () => lastSeqOf(mock);

  it('creates users and groups, then sends nothing, not even a read, when nothing changed', async () => {
    const db = memoryDb();
    const users = [user(1), user(2)];
    const state = desired(appFor(mock), users, [group(1, ['k1', 'k2'])]);
    const first = await syncDesired(db, state);
    expect(first.status).to.equal('ok');
    expect(first.counts).to.include({ usersCreated: 2, groupsCreated: 1, membersAdded: 2 });
    const seq = await lastSeq();
    const second = await syncDesired(db, state);
    expect(second.requests).to.equal(0);
    expect(await mock.admin.journal({ sinceSeq: seq })).to.have.length(0);
    const target = await targetState(mock);
    expect(target.members.get('Group 1')).to.deep.equal(['user1@example.com', 'user2@example.com']);
  });

  it('sends one PATCH carrying only the changed attribute', async () => {
    const db = memoryDb();
    const users = [user(1), user(2)];
    await syncDesired(db, desired(appFor(mock), users));
    const seq = await lastSeq();
    users[1].payload.name = { givenName: 'User', familyName: 'Renamed' };
    const summary = await syncDesired(db, desired(appFor(mock), users));
    const sent = await mock.admin.journal({ sinceSeq: seq });
    expect(summary.requests).to.equal(1);
    expect(sent).to.have.length(1);
    expect(sent[0].method).to.equal('PATCH');
    expect((sent[0].requestBody as { Operations: unknown[] }).Operations).to.deep.equal([
      { op: 'replace', path: 'name.familyName', value: 'Renamed' },
    ]);
    const target = await targetState(mock);
    expect(
      (target.byName.get('user2@example.com')?.name as { familyName: string }).familyName,
    ).to.equal('Renamed');
  });

  it('deactivates a user who leaves scope with a JSON boolean active false', async () => {
    const db = memoryDb();
    await syncDesired(db, desired(appFor(mock), [user(1), user(2)]));
    const seq = await lastSeq();
    const summary = await syncDesired(db, desired(appFor(mock), [user(1)]));
    expect(summary.counts.usersDeactivated).to.equal(1);
    const [patch] = await writes(seq);
    expect(patch.requestBody).to.deep.include({
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect((await targetState(mock)).byName.get('user2@example.com')?.active).to.equal(false);
  });

  it('deletes after the grace period, and cancels the deletion when the user comes back', async () => {
    const db = memoryDb();
    const app = appFor(mock, { deprovision: { mode: 'delete', graceDays: 2 } });
    const day = (n: number) => new Date(Date.now() + n * 86_400_000);
    await syncDesired(db, desired(app, [user(1), user(2), user(3)]));
    const left = await syncDesired(db, desired(app, [user(1)]), { now: day(0) });
    expect(left.counts).to.include({ usersDeactivated: 2, usersDeleted: 0, deletesScheduled: 2 });
    const back = await syncDesired(db, desired(app, [user(1), user(3)]), { now: day(1) });
    expect(back.counts).to.include({ usersUpdated: 1, usersDeleted: 0 });
    const seq = await lastSeq();
    const due = await syncDesired(db, desired(app, [user(1), user(3)]), { now: day(3) });
    expect(due.counts.usersDeleted).to.equal(1);
    const sent = await writes(seq);
    expect(sent.map((e) => e.method)).to.deep.equal(['DELETE']);
    const target = await targetState(mock);
    expect([...target.byName.keys()].sort()).to.deep.equal([
      'user1@example.com',
      'user3@example.com',
    ]);
    expect(target.byName.get('user3@example.com')?.active).to.equal(true);
  });

  it('deletes at once with graceDays 0', async () => {
    const db = memoryDb();
    const app = appFor(mock, { deprovision: { mode: 'delete', graceDays: 0 } });
    await syncDesired(db, desired(app, [user(1), user(2)]));
    const summary = await syncDesired(db, desired(app, [user(1)]));
    expect(summary.counts.usersDeleted).to.equal(1);
    expect((await targetState(mock)).users).to.have.length(1);
  });

  it('pushes a group of 250 members as three add PATCHes of at most 100, never replace', async () => {
    const db = memoryDb();
    const users = Array.from({ length: 250 }, (_, i) => user(i));
    const seq = await lastSeq();
    await syncDesired(
      db,
      desired(appFor(mock), users, [
        group(
          1,
          users.map((u) => u.key),
        ),
      ]),
    );
    const patches = (await writes(seq)).filter(
      (e) => e.method === 'PATCH' && e.path.includes('/Groups/'),
    );
    expect(patches).to.have.length(3);
    for (const patch of patches) {
      const ops = (
        patch.requestBody as { Operations: Array<{ op: string; path: string; value: unknown[] }> }
      ).Operations;
      expect(ops).to.have.length(1);
      expect(ops[0]).to.include({ op: 'add', path: 'members' });
      expect(ops[0].value.length).to.be.at.most(100);
    }
    expect((await targetState(mock)).members.get('Group 1')).to.have.length(250);
  });

  it('stops a run that would deprovision more than maxDeprovisionShare unless told to go on', async () => {
    const db = memoryDb();
    const app = appFor(mock, { maxDeprovisionShare: 0.2 });
    const users = Array.from({ length: 10 }, (_, i) => user(i));
    await syncDesired(db, desired(app, users));
    const seq = await lastSeq();
    const blocked = await syncDesired(db, desired(app, users.slice(0, 5)));
    expect(blocked.status).to.equal('blocked');
    expect(blocked.message).to.match(/deprovision 5 of 10 users/);
    expect(await writes(seq)).to.have.length(0);
    const forced = await syncDesired(db, desired(app, users.slice(0, 5)), {
      allowMassDeprovision: true,
    });
    expect(forced.counts.usersDeactivated).to.equal(5);
  });

  it('reports a directory that cannot be read as a failed run that sends nothing', async () => {
    const [summary] = await syncApps(memoryDb(), ['no-such-app']);
    expect(summary).to.include({ app: 'no-such-app', status: 'failed', requests: 0 });
    expect(summary.message).to.match(/^reading the directory failed: .*no-such-app/);
  });

  it('names the user and the attribute when the target refuses a value with 400', async () => {
    const db = memoryDb();
    const bad = user(1);
    bad.payload.title = 'tab\there';
    const summary = await syncDesired(db, desired(appFor(mock), [bad, user(2)]));
    expect(summary.status).to.equal('partial');
    expect(summary.counts.usersCreated).to.equal(1);
    expect(summary.failures).to.have.length(1);
    expect(summary.failures[0]).to.match(
      /user "user1@example.com".*HTTP 400.*attribute at fault: title/,
    );
    const audit = db
      .prepare("SELECT result, status FROM engine_audit WHERE operation = 'create-user'")
      .all();
    expect(audit).to.deep.include({ result: 'failed', status: 400 });
  });
});
