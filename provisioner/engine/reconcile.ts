// Reconcile: reads the target (cursor paging; memberships through `groups.value eq`) and folds
// what it finds into the pushed store, so the next plan repairs drift on objects this
// provisioner created. Objects it did not create are only looked at, never changed.
import { listAll } from '../client/list-all.ts';
import type { ListResult, ScimResource } from '../client/list-all.ts';
import type { ScimClient } from '../client/scim-client.ts';
import { quote } from '../client/list-all.ts';
import { HarnessError } from '../../scim/errors.ts';
import { carries, payloadHash, readPath } from './attributes.ts';
import type { Attributes } from './attributes.ts';
import { FOREIGN_PREFIX } from './plan/types.ts';
import type { PushedGroup, PushedState, PushedStore, PushedUser } from './store/pushed-store.ts';

export interface ReconcileReport {
  usersRead: number;
  groupsRead: number;
  /** Objects this provisioner tracked that are gone from the target (recreated by the plan). */
  missing: string[];
  drifted: string[];
}

/** Throws when a read fails or is incomplete, before the store is touched. */
export async function reconcile(
  client: ScimClient,
  store: PushedStore,
  pushed: PushedState,
): Promise<ReconcileReport> {
  const users = byId(complete(await listAll(client, 'Users'), 'users'));
  const groups = byId(complete(await listAll(client, 'Groups'), 'groups'));
  const keyById = new Map([...pushed.users.values()].map((u) => [u.remoteId, u.key]));
  const members = new Map<string, string[]>();
  for (const group of pushed.groups.values()) {
    if (group.origin !== 'created' || !groups.has(group.remoteId)) continue;
    const read = complete(
      await listAll(client, 'Users', `groups.value eq ${quote(group.remoteId)}`),
      `members of "${group.displayName}"`,
    );
    members.set(
      group.key,
      read.resources.map((u) => keyById.get(u.id) ?? `${FOREIGN_PREFIX}${u.id}`),
    );
  }
  const report: ReconcileReport = {
    usersRead: users.size,
    groupsRead: groups.size,
    missing: [],
    drifted: [],
  };
  store.transaction(() => {
    for (const user of pushed.users.values())
      foldUser(store, user, users.get(user.remoteId), report);
    for (const group of pushed.groups.values())
      foldGroup(store, group, groups.get(group.remoteId), members.get(group.key), report);
  });
  return report;
}

function foldUser(
  store: PushedStore,
  user: PushedUser,
  found: ScimResource | undefined,
  report: ReconcileReport,
): void {
  if (!found) {
    store.forgetUser(user.key);
    report.missing.push(`user "${user.userName}"`);
    return;
  }
  if (user.origin !== 'created') return;
  const sent = JSON.parse(user.attrsJson) as Attributes;
  const observed: Attributes = {};
  for (const [path, value] of Object.entries(sent)) {
    const actual = readPath(found, path);
    if (carries(value, actual)) observed[path] = value;
    else if (actual !== undefined) observed[path] = actual;
  }
  const active = found.active !== false;
  const hash = payloadHash(observed);
  if (hash === user.hash && active === user.active) return;
  report.drifted.push(`user "${user.userName}"`);
  store.saveUser({ ...user, hash, attrs: observed, active });
}

function foldGroup(
  store: PushedStore,
  group: PushedGroup,
  found: ScimResource | undefined,
  members: string[] | undefined,
  report: ReconcileReport,
): void {
  if (!found) {
    store.forgetGroup(group.key);
    report.missing.push(`group "${group.displayName}"`);
    return;
  }
  if (group.origin !== 'created') return;
  const displayName = String(found.displayName);
  const sameMembers =
    members !== undefined &&
    members.length === group.members.size &&
    members.every((k) => group.members.has(k));
  if (displayName === group.displayName && sameMembers) return;
  report.drifted.push(`group "${group.displayName}"`);
  store.saveGroup({ key: group.key, remoteId: group.remoteId, displayName, origin: group.origin });
  if (members) store.setMembers(group.key, members);
}

function complete(result: ListResult, what: string): ListResult {
  if (!result.complete) {
    throw new HarnessError(
      `Reconcile stopped: the target returned an incomplete list of ${what} (no cursor paging); nothing was changed.`,
      'PARTIAL_READ',
    );
  }
  return result;
}

function byId(result: ListResult): Map<string, ScimResource> {
  return new Map(result.resources.map((r) => [r.id, r]));
}
