// What an app should look like on its target: the users in scope (members of the groups its
// policies name) with their mapped payloads, and those groups with their in-scope members.
import type Database from 'better-sqlite3';

import { getApp } from './apps/store.ts';
import { usersWhere } from './directory/user-rows.ts';
import { compiledRows } from './mapping/rows.ts';
import { buildPayloads } from './mapping/payload.ts';
import type { DesiredGroup, DesiredState, DesiredUser } from './model.ts';

const IN_SCOPE = `u.id IN (SELECT m.user_id FROM group_members m
  JOIN policy_groups pg ON pg.group_id = m.group_id
  JOIN policies p ON p.id = pg.policy_id WHERE p.app_name = ?)`;

/**
 * Deleted users are absent; deactivated ones are present with active false (and stay group
 * members, so reactivating restores their access). Users are ordered by userName, groups by name.
 */
export function buildDesiredState(db: Database.Database, appName: string): DesiredState {
  const app = getApp(db, appName);
  const rows = compiledRows(db, app);
  const users: DesiredUser[] = usersWhere(db, IN_SCOPE, [app.name]).map((user) => {
    const { payload, createOnly } = buildPayloads(rows, user);
    return { key: user.id, userName: user.userName, payload, createOnly, active: user.active };
  });
  return { app, users, groups: desiredGroups(db, app.name, users) };
}

function desiredGroups(
  db: Database.Database,
  appName: string,
  users: readonly DesiredUser[],
): DesiredGroup[] {
  const groups = db
    .prepare(
      `SELECT DISTINCT g.id, g.name FROM groups g JOIN policy_groups pg ON pg.group_id = g.id
       JOIN policies p ON p.id = pg.policy_id WHERE p.app_name = ? ORDER BY g.name`,
    )
    .all(appName) as { id: string; name: string }[];
  const members = new Map<string, Set<string>>(groups.map((group) => [group.id, new Set()]));
  const memberships = db
    .prepare(
      `SELECT m.group_id, m.user_id FROM group_members m WHERE m.group_id IN (
         SELECT pg.group_id FROM policy_groups pg JOIN policies p ON p.id = pg.policy_id
         WHERE p.app_name = ?)`,
    )
    .all(appName) as { group_id: string; user_id: string }[];
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
