// Compares the mock's tenant with a desired state, exactly: every in-scope user with its mapped
// attributes and active flag, no other user, no duplicate, and each group with exactly its members.
import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import type { ScimResource } from '../../../provisioner/client/list-all.ts';
import type { DesiredState } from '../../../provisioner/model.ts';
import { targetState } from '../../provisioner/engine/harness.ts';

/** Asserts the target equals `desired`; the message names the first difference. */
export async function expectTargetEquals(mock: RunningMock, desired: DesiredState): Promise<void> {
  const target = await targetState(mock);
  const names = target.users.map((u) => String(u.userName));
  expect(duplicates(names), 'duplicate users on the target').to.deep.equal([]);
  expect([...names].sort(), 'users on the target').to.deep.equal(
    desired.users.map((u) => u.userName).sort(),
  );
  for (const user of desired.users) {
    const actual = target.byName.get(user.userName)!;
    expect(actual.active, `${user.userName}: active`).to.equal(user.active);
    // By design the engine leaves a deactivated user's attributes as they were and sends any
    // edit with the reactivation (engine/plan/plan-users.ts), so only active users are compared.
    if (user.active) expectSubset(actual, user.payload, user.userName);
  }

  const groupNames = target.groups.map((g) => String(g.displayName));
  expect(duplicates(groupNames), 'duplicate groups on the target').to.deep.equal([]);
  expect([...groupNames].sort(), 'groups on the target').to.deep.equal(
    desired.groups.map((g) => g.displayName).sort(),
  );
  const userNameOf = new Map(desired.users.map((u) => [u.key, u.userName]));
  for (const group of desired.groups) {
    const wanted = group.memberKeys.map((key) => userNameOf.get(key)!).sort();
    expect(target.members.get(group.displayName), `members of ${group.displayName}`).to.deep.equal(
      wanted,
    );
  }
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** Every attribute the mapping produced is on the target with that value (AWS may add more). */
function expectSubset(actual: ScimResource, payload: Record<string, unknown>, where: string): void {
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'schemas') continue;
    const got = (actual as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      expect(got, `${where}: ${key}`).to.be.an('array').with.length(value.length);
      value.forEach((item, i) =>
        expect((got as unknown[])[i], `${where}: ${key}[${i}]`).to.deep.include(item),
      );
    } else if (value !== null && typeof value === 'object') {
      expect(got, `${where}: ${key}`).to.deep.include(value);
    } else {
      expect(got, `${where}: ${key}`).to.deep.equal(value);
    }
  }
}
