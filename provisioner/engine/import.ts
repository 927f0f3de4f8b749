// Import (target → directory): reads an app's users and groups and adds the ones the directory
// lacks, matched by userName or externalId. A match whose values differ is reported as a
// conflict and left as it is; nothing in the directory is overwritten.
import type Database from 'better-sqlite3';

import { HarnessError } from '../../scim/errors.ts';
import { getApp } from '../apps/store.ts';
import { listAll, quote } from '../client/list-all.ts';
import type { ScimResource } from '../client/list-all.ts';
import type { ScimClient } from '../client/scim-client.ts';
import { assign, createGroup, getGroup } from '../directory/groups.ts';
import { addUser, getUser, listUsers } from '../directory/users.ts';
import type { DirectoryUser } from '../directory/users.ts';
import { openSession } from './session.ts';
import { ChangeFeed } from './store/change-feed.ts';
import type { PushedStore } from './store/pushed-store.ts';

export interface ImportReport {
  app: string;
  usersAdded: string[];
  usersMatched: number;
  groupsAdded: string[];
  groupsMatched: number;
  membershipsAdded: number;
  conflicts: string[];
  /** Target users that could not become directory users (a required field is missing). */
  skipped: string[];
  complete: boolean;
}

export async function importApp(db: Database.Database, appName: string): Promise<ImportReport> {
  const app = getApp(db, appName);
  if (!app.features.import) {
    throw new HarnessError(
      `App "${app.name}" has import switched off; enable it with \`scim-harness app features ${app.name} --enable import\`.`,
    );
  }
  const { client, store } = openSession(db, app);
  try {
    return await importWith(db, client, store, app.name);
  } finally {
    client.close();
  }
}

async function importWith(
  db: Database.Database,
  client: ScimClient,
  store: PushedStore,
  appName: string,
): Promise<ImportReport> {
  const users = await listAll(client, 'Users');
  const groups = await listAll(client, 'Groups');
  const members = new Map<string, ScimResource[]>();
  for (const group of groups.resources) {
    members.set(
      group.id,
      (await listAll(client, 'Users', `groups.value eq ${quote(group.id)}`)).resources,
    );
  }
  const report: ImportReport = {
    app: appName,
    usersAdded: [],
    usersMatched: 0,
    groupsAdded: [],
    groupsMatched: 0,
    membershipsAdded: 0,
    conflicts: [],
    skipped: [],
    complete: users.complete && groups.complete,
  };
  db.transaction(() => {
    const linker = new Linker(store);
    const userNames = importUsers(db, linker, users.resources, report);
    importGroups(db, linker, groups.resources, members, userNames, report);
    // Links were added to the pushed state outside a sync: the next sync looks at everything.
    new ChangeFeed(db, appName).forget();
  })();
  return report;
}

/** Returns target user id → directory userName for every user matched or added. */
function importUsers(
  db: Database.Database,
  linker: Linker,
  users: ScimResource[],
  report: ImportReport,
): Map<string, string> {
  const byExternalId = new Map<string, DirectoryUser>();
  for (const user of listUsers(db)) {
    byExternalId.set(user.id, user);
    if (user.attributes.externalId) byExternalId.set(user.attributes.externalId, user);
  }
  const names = new Map<string, string>();
  for (const remote of users) {
    const userName = String(remote.userName);
    const local =
      getUser(db, userName) ??
      byExternalId.get(typeof remote.externalId === 'string' ? remote.externalId : '');
    const known = local ?? addFromTarget(db, remote, report);
    if (!known) continue;
    if (local) {
      report.usersMatched += 1;
      report.conflicts.push(...conflictsOf(local, remote));
    }
    names.set(remote.id, known.userName);
    linker.user(known, remote);
  }
  return names;
}

function addFromTarget(
  db: Database.Database,
  remote: ScimResource,
  report: ImportReport,
): DirectoryUser | undefined {
  const fields = remoteFields(remote);
  try {
    const user = addUser(db, {
      ...fields,
      source: `import:${report.app}`,
      attributes:
        typeof remote.externalId === 'string' ? { externalId: remote.externalId } : undefined,
    });
    report.usersAdded.push(user.userName);
    return user;
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    report.skipped.push(`user "${fields.userName}": ${error.message}`);
    return undefined;
  }
}

function remoteFields(remote: ScimResource) {
  const name = (remote.name ?? {}) as { givenName?: string; familyName?: string };
  const emails = Array.isArray(remote.emails) ? (remote.emails as Array<{ value?: string }>) : [];
  return {
    userName: String(remote.userName),
    firstName: name.givenName ?? '',
    lastName: name.familyName ?? '',
    email: emails[0]?.value ?? '',
    displayName: typeof remote.displayName === 'string' ? remote.displayName : undefined,
  };
}

function conflictsOf(local: DirectoryUser, remote: ScimResource): string[] {
  const fields = remoteFields(remote);
  const pairs: Array<[string, string, string | undefined]> = [
    ['userName', local.userName, fields.userName],
    ['firstName', local.firstName, fields.firstName || undefined],
    ['lastName', local.lastName, fields.lastName || undefined],
    ['email', local.email, fields.email || undefined],
    ['displayName', local.displayName, fields.displayName],
  ];
  return pairs
    .filter(([, mine, theirs]) => theirs !== undefined && mine !== theirs)
    .map(
      ([field, mine, theirs]) =>
        `user "${local.userName}": ${field} is "${mine}" in the directory but "${theirs}" on the target (kept the directory's)`,
    );
}

/**
 * Imported objects were not created by this provisioner: they are linked as adopted, so a later
 * sync neither looks them up again nor changes them. Existing links are kept.
 */
class Linker {
  private readonly keys = new Set<string>();
  private readonly remoteIds = new Set<string>();

  constructor(private readonly store: PushedStore) {
    const { users, groups } = store.load();
    for (const item of [...users.values(), ...groups.values()]) {
      this.keys.add(item.key);
      this.remoteIds.add(item.remoteId);
    }
  }

  private fresh(key: string, remoteId: string): boolean {
    if (this.keys.has(key) || this.remoteIds.has(remoteId)) return false;
    this.keys.add(key);
    this.remoteIds.add(remoteId);
    return true;
  }

  user(user: DirectoryUser, remote: ScimResource): void {
    if (!this.fresh(user.id, remote.id)) return;
    this.store.saveUser({
      key: user.id,
      remoteId: remote.id,
      userName: user.userName,
      origin: 'adopted',
      hash: '',
      attrs: {},
      active: remote.active !== false,
      deleteAfter: null,
    });
  }

  group(key: string, remoteId: string, displayName: string): void {
    if (this.fresh(key, remoteId))
      this.store.saveGroup({ key, remoteId, displayName, origin: 'adopted' });
  }
}

function importGroups(
  db: Database.Database,
  linker: Linker,
  groups: ScimResource[],
  members: Map<string, ScimResource[]>,
  userNames: Map<string, string>,
  report: ImportReport,
): void {
  for (const remote of groups) {
    const name = String(remote.displayName);
    let local = getGroup(db, name);
    if (local) report.groupsMatched += 1;
    else {
      local = createGroup(db, name, { source: `import:${report.app}` });
      report.groupsAdded.push(name);
    }
    linker.group(local.id, remote.id, name);
    const names = (members.get(remote.id) ?? []).flatMap((u) => userNames.get(u.id) ?? []);
    if (names.length > 0) report.membershipsAdded += assign(db, local.name, names).changed.length;
  }
}
