// What an app should look like on its target: the users in scope (members of the groups its
// policies name) with their mapped payloads, and those groups with their in-scope members.
import type Database from 'better-sqlite3';

import { getApp } from './apps/store.ts';
import { usersWhere } from './directory/user-rows.ts';
import { compiledRows } from './mapping/rows.ts';
import { buildPayloads } from './mapping/payload.ts';
import type { AppConfig, DesiredGroup, DesiredState, DesiredUser } from './model.ts';

const IN_SCOPE = `u.id IN (SELECT m.user_id FROM group_members m
  JOIN policy_groups pg ON pg.group_id = m.group_id
  JOIN policies p ON p.id = pg.policy_id WHERE p.app_name = ?)`;

/** Per user, through the membership index: for a few users, not the whole directory. */
const USER_IN_SCOPE = `EXISTS (SELECT 1 FROM group_members m
  JOIN policy_groups pg ON pg.group_id = m.group_id
  JOIN policies p ON p.id = pg.policy_id WHERE m.user_id = u.id AND p.app_name = ?)`;

const APP_GROUP_IDS = `SELECT pg.group_id FROM policy_groups pg JOIN policies p
  ON p.id = pg.policy_id WHERE p.app_name = ?`;

/**
 * Deleted users are absent; deactivated ones are present with active false (and stay group
 * members, so reactivating restores their access). Users are ordered by userName, groups by name.
 */
export function buildDesiredState(db: Database.Database, appName: string): DesiredState {
  const app = getApp(db, appName);
  const users = desiredUsers(db, app, IN_SCOPE, [app.name]);
  const memberships = db
    .prepare(
      `SELECT m.group_id, m.user_id FROM group_members m WHERE m.group_id IN (${APP_GROUP_IDS})`,
    )
    .all(app.name) as Membership[];
  return { app, users, groups: desiredGroups(db, app.name, users, memberships) };
}

/**
 * The desired state restricted to some directory users: those of them in scope, and every group
 * of the app with only those users as members. Keys of deleted users simply find nothing.
 */
export function buildDesiredSlice(
  db: Database.Database,
  appName: string,
  userKeys: readonly string[],
): DesiredState {
  const app = getApp(db, appName);
  const keys = JSON.stringify(userKeys);
  const users = desiredUsers(
    db,
    app,
    `u.id IN (SELECT value FROM json_each(?)) AND ${USER_IN_SCOPE}`,
    [keys, app.name],
  );
  const memberships = db
    .prepare(
      `SELECT m.group_id, m.user_id FROM group_members m
       WHERE m.user_id IN (SELECT value FROM json_each(?)) AND m.group_id IN (${APP_GROUP_IDS})`,
    )
    .all(keys, app.name) as Membership[];
  return { app, users, groups: desiredGroups(db, app.name, users, memberships) };
}

interface Membership {
  group_id: string;
  user_id: string;
}

function desiredUsers(
  db: Database.Database,
  app: AppConfig,
  condition: string,
  params: readonly unknown[],
): DesiredUser[] {
  const rows = compiledRows(db, app);
  return usersWhere(db, condition, params).map((user) => {
    const { payload, createOnly } = buildPayloads(rows, user);
    return { key: user.id, userName: user.userName, payload, createOnly, active: user.active };
  });
}

function desiredGroups(
  db: Database.Database,
  appName: string,
  users: readonly DesiredUser[],
  memberships: readonly Membership[],
): DesiredGroup[] {
  const groups = db
    .prepare(
      `SELECT DISTINCT g.id, g.name FROM groups g JOIN policy_groups pg ON pg.group_id = g.id
       JOIN policies p ON p.id = pg.policy_id WHERE p.app_name = ? ORDER BY g.name`,
    )
    .all(appName) as { id: string; name: string }[];
  const members = new Map<string, Set<string>>(groups.map((group) => [group.id, new Set()]));
  for (const { group_id: groupId, user_id: userId } of memberships) {
    members.get(groupId)?.add(userId);
  }
  // Walk users (ordered by userName) so member keys come out in the same order.
  return groups.map((group) => ({
    key: group.id,
    displayName: group.name,
    memberKeys: users
      .filter((user) => members.get(group.id)!.has(user.key))
      .map((user) => user.key),
  }));
}
