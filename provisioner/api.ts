// The provisioner's TypeScript API: every configuration step of issue 3 as a method. Changes that
// alter what an app should see are pushed at once through the engine, unless deferred.
import type Database from 'better-sqlite3';

import { HarnessError } from '../scim/errors.ts';
import { testConnection, type ConnectionReport } from './apps/connection-test.ts';
import { parseFeatureList } from './apps/features.ts';
import * as apps from './apps/store.ts';
import { buildDesiredState } from './desired-state.ts';
import * as groups from './directory/groups.ts';
import * as users from './directory/users.ts';
import { syncApps } from './engine/sync.ts';
import type { SyncSummary } from './engine/summary.ts';
import { previewPayload, type Preview } from './mapping/preview.ts';
import * as mapping from './mapping/rows.ts';
import type { ApplyOn } from './mapping/payload.ts';
import type { AppConfig, DesiredState } from './model.ts';
import * as policies from './policies.ts';
import { openStateDb, resolveStatePath } from './state/db.ts';

/** Step 1: endpoint and token from the mock's start-up lines or text copied from AWS. */
export { parseScimCredentials } from './apps/credentials.ts';

export type SyncFunction = (
  db: Database.Database,
  appNames: string[],
  options?: { onProgress?(line: string): void; allowMassDeprovision?: boolean },
) => Promise<SyncSummary[]>;

export interface OpenOptions {
  statePath?: string;
  /** Replaces the engine's syncApps (tests, dry runs). */
  sync?: SyncFunction;
}

export interface ChangeOptions {
  /** Save only; the apps get the change with the next sync. */
  defer?: boolean;
  onProgress?: (line: string) => void;
  /** Go on when the sync would deprovision more than the app's maxDeprovisionShare. */
  allowMassDeprovision?: boolean;
}

export interface ChangeResult<T> {
  value: T;
  /** Apps whose desired state the change may alter, ordered. */
  apps: string[];
  /** One summary per app synced; empty when deferred or when no app is affected. */
  synced: SyncSummary[];
  deferred: boolean;
}

export class Provisioner {
  private constructor(
    readonly db: Database.Database,
    readonly statePath: string,
    private readonly sync: SyncFunction,
  ) {}

  static open(options: OpenOptions = {}): Provisioner {
    const path = resolveStatePath(options.statePath);
    return new Provisioner(openStateDb(path), path, options.sync ?? syncApps);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // Steps 1–2: apps from a preset, with endpoint and token, and a connection test.
  createApp(input: apps.NewApp): AppConfig {
    return apps.createApp(this.db, input);
  }
  updateApp(name: string, changes: apps.AppChanges): AppConfig {
    return apps.updateApp(this.db, name, changes);
  }
  deleteApp(name: string): AppConfig {
    return apps.deleteApp(this.db, name);
  }
  getApp(name: string): AppConfig {
    return apps.getApp(this.db, name);
  }
  listApps(): AppConfig[] {
    return apps.listApps(this.db);
  }
  testConnection(name: string, options: { timeoutMs?: number } = {}): Promise<ConnectionReport> {
    return testConnection(this.getApp(name), options);
  }

  // Step 3: attribute mapping and preview.
  mapping(appName: string): mapping.MappingRow[] {
    return mapping.listRows(this.db, this.getApp(appName).name);
  }
  setMapping(
    appName: string,
    target: string,
    source: string,
    options: { applyOn?: ApplyOn; replaces?: string } = {},
  ): mapping.MappingRow {
    return mapping.setRow(this.db, this.getApp(appName), target, source, options);
  }
  unsetMapping(appName: string, target: string): void {
    mapping.unsetRow(this.db, this.getApp(appName), target);
  }
  resetMapping(appName: string): void {
    mapping.resetRows(this.db, this.getApp(appName));
  }
  preview(appName: string, userName: string): Preview {
    return previewPayload(this.db, appName, userName);
  }

  // Step 4: provisioning features, by name (`push-groups`) or key (`pushGroups`).
  setFeatures(
    appName: string,
    toggles: { enable?: readonly string[]; disable?: readonly string[] },
  ): AppConfig {
    const enable = parseFeatureList(toggles.enable ?? []);
    return apps.setFeatures(this.db, appName, enable, parseFeatureList(toggles.disable ?? []));
  }

  // Step 5: groups.
  listGroups(): groups.DirectoryGroup[] {
    return groups.listGroups(this.db);
  }
  membersOf(groupName: string): users.DirectoryUser[] {
    return groups.membersOf(this.db, groupName);
  }
  createGroup(name: string): groups.DirectoryGroup {
    // A new group is in no policy yet, so no app sees it.
    return groups.createGroup(this.db, name);
  }
  renameGroup(name: string, newName: string, options: ChangeOptions = {}) {
    return this.groupChange(name, () => groups.renameGroup(this.db, name, newName), options);
  }
  deleteGroup(name: string, options: ChangeOptions = {}) {
    return this.groupChange(name, () => groups.deleteGroup(this.db, name), options);
  }
  assign(groupName: string, userNames: readonly string[], options: ChangeOptions = {}) {
    const change = () => groups.assign(this.db, groupName, userNames);
    return this.groupChange(groupName, change, options);
  }
  unassign(groupName: string, userNames: readonly string[], options: ChangeOptions = {}) {
    const change = () => groups.unassign(this.db, groupName, userNames);
    return this.groupChange(groupName, change, options);
  }

  // Step 6: policies.
  listPolicies(appName?: string): policies.Policy[] {
    return policies.listPolicies(this.db, appName);
  }
  addPolicy(input: policies.NewPolicy, options: ChangeOptions = {}) {
    const app = this.getApp(input.app).name;
    return this.change(
      [app],
      () => policies.addPolicy(this.db, input),
      () => [],
      options,
    );
  }
  editPolicy(name: string, changes: policies.PolicyChanges, options: ChangeOptions = {}) {
    const app = policies.requirePolicy(this.db, name).app;
    return this.change(
      [app],
      () => policies.editPolicy(this.db, name, changes),
      () => [],
      options,
    );
  }
  deletePolicy(name: string, options: ChangeOptions = {}) {
    const app = policies.requirePolicy(this.db, name).app;
    return this.change(
      [app],
      () => policies.deletePolicy(this.db, name),
      () => [],
      options,
    );
  }

  // Step 7: users.
  getUser(userName: string): users.DirectoryUser | undefined {
    return users.getUser(this.db, userName);
  }
  listUsers(): users.DirectoryUser[] {
    return users.listUsers(this.db);
  }
  addUser(input: users.NewUser): users.DirectoryUser {
    // A new user is in no group yet, so no app sees it; `assign` pushes it.
    return users.addUser(this.db, input);
  }
  editUser(userName: string, changes: users.UserChanges, options: ChangeOptions = {}) {
    return this.userChange(userName, () => users.editUser(this.db, userName, changes), options);
  }
  deactivateUser(userName: string, options: ChangeOptions = {}) {
    return this.userChange(userName, () => users.deactivateUser(this.db, userName), options);
  }
  reactivateUser(userName: string, options: ChangeOptions = {}) {
    return this.userChange(userName, () => users.reactivateUser(this.db, userName), options);
  }
  deleteUser(userName: string, options: ChangeOptions = {}) {
    return this.userChange(userName, () => users.deleteUser(this.db, userName), options);
  }

  /** What an app should look like on its target (the engine's input). */
  desiredState(appName: string): DesiredState {
    return buildDesiredState(this.db, appName);
  }

  /** Pushes the named apps (all when none are named) now. */
  syncNow(appNames?: readonly string[], options: ChangeOptions = {}): Promise<SyncSummary[]> {
    const names =
      appNames?.map((name) => this.getApp(name).name) ?? this.listApps().map((a) => a.name);
    return this.sync(this.db, names, syncOptions(options));
  }

  private userChange<T>(userName: string, apply: () => T, options: ChangeOptions) {
    const { id } = users.requireUser(this.db, userName);
    const appsOf = () => policies.appsForUser(this.db, id);
    return this.change(appsOf(), apply, appsOf, options);
  }

  private groupChange<T>(groupName: string, apply: () => T, options: ChangeOptions) {
    const { id } = groups.requireGroup(this.db, groupName);
    return this.change(policies.appsForGroups(this.db, [id]), apply, () => [], options);
  }

  /** Applies a change, then syncs every app it touched, before or after. */
  private async change<T>(
    before: readonly string[],
    apply: () => T,
    after: () => readonly string[],
    options: ChangeOptions,
  ): Promise<ChangeResult<T>> {
    const value = apply();
    const affected = [...new Set([...before, ...after()])].sort();
    if (options.defer || affected.length === 0) {
      return { value, apps: affected, synced: [], deferred: options.defer === true };
    }
    try {
      const synced = await this.sync(this.db, affected, syncOptions(options));
      return { value, apps: affected, synced, deferred: false };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HarnessError(
        `the change is saved, but provisioning ${affected.join(', ')} failed: ${reason}. ` +
          'It goes out with the next `scim-harness sync`.',
        'SYNC_FAILED',
        { cause: error },
      );
    }
  }
}

function syncOptions(options: ChangeOptions): Parameters<SyncFunction>[2] {
  return { onProgress: options.onProgress, allowMassDeprovision: options.allowMassDeprovision };
}
