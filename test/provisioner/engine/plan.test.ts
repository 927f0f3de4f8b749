import { expect } from 'chai';

import { flatten, payloadHash } from '../../../provisioner/engine/attributes.ts';
import { buildPlan, planWrites } from '../../../provisioner/engine/plan/build-plan.ts';
import type {
  PushedGroup,
  PushedState,
  PushedUser,
} from '../../../provisioner/engine/store/pushed-store.ts';
import type { AppConfig, DesiredUser } from '../../../provisioner/model.ts';
import { ALL_FEATURES, desired, group, user } from './harness.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

function app(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'a',
    preset: 'aws',
    endpoint: 'http://127.0.0.1:1/v2',
    token: 't',
    features: { ...ALL_FEATURES },
    deprovision: { mode: 'deactivate', graceDays: 0 },
    maxDeprovisionShare: 1,
    concurrency: 1,
    ...overrides,
  };
}

function pushedUser(u: DesiredUser, extra: Partial<PushedUser> = {}): PushedUser {
  const attrs = flatten(u.payload);
  return {
    key: u.key,
    remoteId: `r-${u.key}`,
    userName: u.userName,
    origin: 'created',
    hash: payloadHash(attrs),
    attrsJson: JSON.stringify(attrs),
    active: true,
    deleteAfter: null,
    ...extra,
  };
}

function pushedState(users: PushedUser[], groups: PushedGroup[] = []): PushedState {
  return {
    users: new Map(users.map((u) => [u.key, u])),
    groups: new Map(groups.map((g) => [g.key, g])),
  };
}

describe('buildPlan', () => {
  it('plans nothing when the desired state equals what was pushed', () => {
    const users = [user(1), user(2)];
    const pushed = pushedState(
      users.map((u) => pushedUser(u)),
      [
        {
          key: 'g1',
          remoteId: 'rg',
          displayName: 'Group 1',
          origin: 'created',
          members: new Set(['k1', 'k2']),
        },
      ],
    );
    const plan = buildPlan(desired(app(), users, [group(1, ['k1', 'k2'])]), pushed, NOW);
    expect(planWrites(plan)).to.equal(0);
  });

  it('diffs only changed attributes into replace and remove operations', () => {
    const before = user(1);
    const after = user(1);
    after.payload.title = 'Engineer';
    after.payload.name = { givenName: 'User', familyName: 'Other' };
    delete after.payload.displayName;
    const plan = buildPlan(desired(app(), [after]), pushedState([pushedUser(before)]), NOW);
    expect(plan.users).to.have.length(1);
    const step = plan.users[0];
    expect(step.kind === 'update-user' && step.operations).to.deep.equal([
      { op: 'replace', path: 'name.familyName', value: 'Other' },
      { op: 'replace', path: 'title', value: 'Engineer' },
      { op: 'remove', path: 'displayName' },
    ]);
  });

  it('splits 250 new members into chunks of 100, 100 and 50, and removes the ones who left', () => {
    const users = Array.from({ length: 260 }, (_, i) => user(i));
    const pushed = pushedState(
      users.map((u) => pushedUser(u)),
      [
        {
          key: 'g1',
          remoteId: 'rg',
          displayName: 'Group 1',
          origin: 'created',
          members: new Set(['k250', 'k251']),
        },
      ],
    );
    const plan = buildPlan(
      desired(app(), users, [
        group(
          1,
          users.slice(0, 250).map((u) => u.key),
        ),
      ]),
      pushed,
      NOW,
    );
    expect(plan.members.map((m) => [m.kind, m.userKeys.length])).to.deep.equal([
      ['remove-members', 2],
      ['add-members', 100],
      ['add-members', 100],
      ['add-members', 50],
    ]);
  });

  it('gates each kind of write by its feature toggle', () => {
    const features = {
      ...ALL_FEATURES,
      createUsers: false,
      updateUsers: false,
      pushGroups: false,
      deactivateUsers: false,
    };
    const changed = user(2);
    changed.payload.title = 'x';
    const pushed = pushedState([pushedUser(user(2)), pushedUser(user(3))]);
    const plan = buildPlan(
      desired(app({ features }), [user(1), changed], [group(1, ['k1'])]),
      pushed,
      NOW,
    );
    expect(planWrites(plan)).to.equal(0);
    expect(plan.skipped).to.deep.equal([
      '1 user creates (createUsers is off)',
      '1 user updates (updateUsers is off)',
      '1 group creates (pushGroups is off)',
    ]);
  });

  it('schedules deletion after graceDays, deletes when due, and reactivates a returning user', () => {
    const policy = app({ deprovision: { mode: 'delete', graceDays: 3 } });
    const leaving = buildPlan(desired(policy, []), pushedState([pushedUser(user(1))]), NOW);
    expect(leaving.deprovision).to.deep.equal([
      {
        kind: 'deactivate-user',
        key: 'k1',
        userName: 'user1@example.com',
        remoteId: 'r-k1',
        deleteAfter: '2026-06-04T00:00:00.000Z',
      },
    ]);
    const waiting = pushedUser(user(1), { active: false, deleteAfter: '2026-06-04T00:00:00.000Z' });
    expect(buildPlan(desired(policy, []), pushedState([waiting]), NOW).deprovision).to.deep.equal(
      [],
    );
    const due = buildPlan(
      desired(policy, []),
      pushedState([waiting]),
      new Date('2026-06-05T00:00:00Z'),
    );
    expect(due.deprovision.map((s) => s.kind)).to.deep.equal(['delete-user']);
    const back = buildPlan(desired(policy, [user(1)]), pushedState([waiting]), NOW);
    const step = back.users[0];
    expect(step.kind === 'update-user' && step.operations).to.deep.equal([
      { op: 'replace', path: 'active', value: true },
    ]);
  });

  it('never deprovisions, updates or deletes objects it adopted', () => {
    const adopted = pushedUser(user(1), { origin: 'adopted', attrsJson: '{}', hash: '' });
    const group1: PushedGroup = {
      key: 'g1',
      remoteId: 'rg',
      displayName: 'Old',
      origin: 'adopted',
      members: new Set(),
    };
    const plan = buildPlan(
      desired(app({ deprovision: { mode: 'delete', graceDays: 0 } }), [], [group(1, ['k1'])]),
      pushedState([adopted], [group1]),
      NOW,
    );
    expect(planWrites(plan)).to.equal(0);
    expect(plan.untouched).to.deep.equal(['user "user1@example.com"', 'group "Old"']);
  });

  it('flags a plan that deprovisions more than maxDeprovisionShare of pushed users', () => {
    const users = Array.from({ length: 10 }, (_, i) => user(i));
    const pushed = pushedState(users.map((u) => pushedUser(u)));
    const plan = buildPlan(
      desired(app({ maxDeprovisionShare: 0.2 }), users.slice(0, 7)),
      pushed,
      NOW,
    );
    expect(plan.guard).to.deep.equal({ deprovisions: 3, pushed: 10, limit: 2, exceeded: true });
    const fine = buildPlan(
      desired(app({ maxDeprovisionShare: 0.2 }), users.slice(0, 8)),
      pushed,
      NOW,
    );
    expect(fine.guard.exceeded).to.be.false;
  });
});
