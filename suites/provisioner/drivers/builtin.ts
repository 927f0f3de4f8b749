// Drives the built-in provisioner (provisioner/api.ts) as an integrator would: one aws-preset app,
// one policy whose groups put users in scope, each action a directory change that syncs at once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Provisioner } from '../../../provisioner/api.ts';
import type { SyncSummary } from '../../../provisioner/engine/summary.ts';
import type { DriverUser, DriverUserChanges, ProvisionerDriver } from '../driver.ts';

const APP = 'aws';
const POLICY = 'scim-harness-scope';
/** Every user the suite creates joins this group, which the policy names: that puts it in scope. */
const SCOPE_GROUP = 'scim-harness-users';

export class BuiltinDriver implements ProvisionerDriver {
  readonly name = 'builtin';
  private provisioner: Provisioner | undefined;
  private stateDir: string | undefined;

  /** `statePath` keeps the state where the caller wants it; a temp dir otherwise. */
  constructor(private readonly statePath?: string) {}

  async setup(endpoint: string, token: string): Promise<void> {
    this.stateDir = this.statePath ? undefined : await mkdtemp(join(tmpdir(), 'scimh-builtin-'));
    const p = Provisioner.open({ statePath: this.statePath ?? join(this.stateDir!, 'state.db') });
    this.provisioner = p;
    // The suite deprovisions one of a handful of users on purpose; the guard's default 20% would
    // stop that, so the test app allows it (the guard has its own tests).
    p.createApp({ name: APP, preset: 'aws', endpoint, token, maxDeprovisionShare: 1 });
    p.createGroup(SCOPE_GROUP);
    expectOk(await p.addPolicy({ name: POLICY, app: APP, groups: [SCOPE_GROUP] }));
  }

  async createUser(user: DriverUser): Promise<void> {
    const p = this.open();
    if (!p.getUser(user.userName)) {
      p.addUser({
        userName: user.userName,
        firstName: user.givenName,
        lastName: user.familyName,
        displayName: user.displayName,
        email: user.email,
      });
    }
    if (this.scopeMembers().has(user.userName.toLowerCase())) return this.sync();
    expectOk(await p.assign(SCOPE_GROUP, [user.userName]));
  }

  async updateUser(userName: string, changes: DriverUserChanges): Promise<void> {
    const { givenName, familyName, displayName, email } = changes;
    const edit = { firstName: givenName, lastName: familyName, displayName, email };
    expectOk(await this.open().editUser(userName, withoutUndefined(edit)));
  }

  async addToGroup(groupName: string, userNames: readonly string[]): Promise<void> {
    await this.ensurePushedGroup(groupName);
    expectOk(await this.open().assign(groupName, userNames));
  }

  async removeFromGroup(groupName: string, userNames: readonly string[]): Promise<void> {
    expectOk(await this.open().unassign(groupName, userNames));
  }

  async deactivateUser(userName: string): Promise<void> {
    expectOk(await this.open().deactivateUser(userName));
  }

  async deleteUser(userName: string): Promise<void> {
    expectOk(await this.open().deleteUser(userName));
  }

  async pushGroup(groupName: string, members: readonly DriverUser[]): Promise<void> {
    const p = this.open();
    for (const user of members) {
      if (p.getUser(user.userName)) continue;
      const { userName, givenName, familyName, displayName, email } = user;
      p.addUser({ userName, firstName: givenName, lastName: familyName, displayName, email });
    }
    const names = members.map((user) => user.userName);
    // Members join the scope group too, as createUser's users do: leaving the pushed group later
    // is then a membership change, not a deprovisioning. Deferred, so one sync pushes it all.
    const scoped = this.scopeMembers();
    const unscoped = names.filter((name) => !scoped.has(name.toLowerCase()));
    if (unscoped.length > 0) await p.assign(SCOPE_GROUP, unscoped, { defer: true });
    await this.ensurePushedGroup(groupName);
    expectOk(await p.assign(groupName, names));
  }

  async sync(): Promise<void> {
    for (const summary of await this.open().syncNow([APP])) checkSummary(summary);
  }

  async teardown(): Promise<void> {
    this.provisioner?.close();
    this.provisioner = undefined;
    if (this.stateDir) await rm(this.stateDir, { recursive: true, force: true });
  }

  /** A group is pushed to AWS once a policy of the app names it. */
  private async ensurePushedGroup(groupName: string): Promise<void> {
    const p = this.open();
    if (!p.listGroups().some((group) => group.name === groupName)) p.createGroup(groupName);
    const policy = p.listPolicies(APP).find((entry) => entry.name === POLICY)!;
    if (policy.groups.includes(groupName)) return;
    expectOk(await p.editPolicy(POLICY, { addGroups: [groupName] }));
  }

  /** userNames in the scope group, lower-cased (the directory compares them ignoring case). */
  private scopeMembers(): Set<string> {
    return new Set(
      this.open()
        .membersOf(SCOPE_GROUP)
        .map((user) => user.userName.toLowerCase()),
    );
  }

  private open(): Provisioner {
    if (!this.provisioner) throw new Error('builtin driver: setup() was not called');
    return this.provisioner;
  }
}

/** A change result whose sync did not end `ok` is a failed action. */
function expectOk(result: { synced: readonly SyncSummary[] }): void {
  for (const summary of result.synced) checkSummary(summary);
}

function checkSummary(summary: SyncSummary): void {
  if (summary.status === 'ok') return;
  const why = [summary.message, ...summary.failures].filter(Boolean).join('; ');
  throw new Error(`builtin provisioner: sync of '${summary.app}' ended ${summary.status}: ${why}`);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
