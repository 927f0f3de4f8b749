// The directory's groups and their direct members (no nesting: policies name groups directly).
import { randomUUID } from 'node:crypto';

import type Database from 'better-sqlite3';

import { ConfigError } from '../../scim/errors.ts';
import { usersWhere } from './user-rows.ts';
import type { DirectoryUser } from './users.ts';
import { requireText } from './validate.ts';

export interface DirectoryGroup {
  /** Stable across renames: the key apps see. */
  id: string;
  name: string;
  source: string;
  memberCount: number;
}

export interface MembershipChange {
  group: string;
  /** userNames whose membership changed. */
  changed: string[];
  /** userNames that were already in (assign) or already out (unassign). */
  unchanged: string[];
}

export function createGroup(
  db: Database.Database,
  name: string,
  options: { source?: string } = {},
): DirectoryGroup {
  const groupName = requireText(name, 'group name');
  refuseTakenName(db, groupName);
  const id = randomUUID();
  db.prepare('INSERT INTO groups (id, name, source, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    groupName,
    options.source ?? 'local',
    new Date().toISOString(),
  );
  return { id, name: groupName, source: options.source ?? 'local', memberCount: 0 };
}

export function renameGroup(db: Database.Database, name: string, newName: string): DirectoryGroup {
  const group = requireGroup(db, name);
  const next = requireText(newName, 'new group name');
  if (next.toLowerCase() !== group.name.toLowerCase()) refuseTakenName(db, next);
  db.prepare('UPDATE groups SET name = ? WHERE id = ?').run(next, group.id);
  return { ...group, name: next };
}

/** Removes the group, its memberships and its place in policies. Returns what was removed. */
export function deleteGroup(db: Database.Database, name: string): DirectoryGroup {
  const group = requireGroup(db, name);
  db.prepare('DELETE FROM groups WHERE id = ?').run(group.id);
  return group;
}

export function assign(
  db: Database.Database,
  groupName: string,
  userNames: readonly string[],
): MembershipChange {
  const add = db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)');
  return changeMembers(db, groupName, userNames, (groupId, userId) => add.run(groupId, userId));
}

export function unassign(
  db: Database.Database,
  groupName: string,
  userNames: readonly string[],
): MembershipChange {
  const remove = db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?');
  return changeMembers(db, groupName, userNames, (groupId, userId) => remove.run(groupId, userId));
}

/** Checks every name first, so one unknown user changes nothing and all unknown ones are named. */
function changeMembers(
  db: Database.Database,
  groupName: string,
  userNames: readonly string[],
  write: (groupId: string, userId: string) => { changes: number },
): MembershipChange {
  const group = requireGroup(db, groupName);
  if (userNames.length === 0) throw new ConfigError('no userNames given; name at least one user.');
  const found = findUsers(db, userNames);
  const missing = userNames.filter((userName) => !found.has(userName.toLowerCase()));
  if (missing.length > 0) {
    throw new ConfigError(
      `not in the directory: ${missing.join(', ')}; nothing changed in group '${group.name}'.`,
    );
  }
  const result: MembershipChange = { group: group.name, changed: [], unchanged: [] };
  db.transaction(() => {
    for (const user of new Set(userNames.map((userName) => found.get(userName.toLowerCase())!))) {
      const changed = write(group.id, user.id).changes > 0;
      (changed ? result.changed : result.unchanged).push(user.userName);
    }
  })();
  return result;
}

/** Ids and stored spellings of the named users, in one query, keyed by lower-cased userName. */
function findUsers(
  db: Database.Database,
  userNames: readonly string[],
): Map<string, { id: string; userName: string }> {
  const rows = db
    .prepare(
      `SELECT id, user_name AS userName FROM users
       WHERE user_name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(userNames)) as { id: string; userName: string }[];
  return new Map(rows.map((row) => [row.userName.toLowerCase(), row]));
}

export function listGroups(db: Database.Database): DirectoryGroup[] {
  return (db.prepare(`${GROUP_SELECT} GROUP BY g.id ORDER BY g.name`).all() as GroupRow[]).map(
    toGroup,
  );
}

export function getGroup(db: Database.Database, name: string): DirectoryGroup | undefined {
  const row = db.prepare(`${GROUP_SELECT} WHERE g.name = ? GROUP BY g.id`).get(name) as
    GroupRow | undefined;
  return row && toGroup(row);
}

export function requireGroup(db: Database.Database, name: string): DirectoryGroup {
  const group = getGroup(db, name);
  if (!group) throw new ConfigError(`group '${name}' does not exist; see \`group list\`.`);
  return group;
}

/** The group's direct members, ordered by userName. */
export function membersOf(db: Database.Database, groupName: string): DirectoryUser[] {
  const group = requireGroup(db, groupName);
  return usersWhere(db, 'u.id IN (SELECT m.user_id FROM group_members m WHERE m.group_id = ?)', [
    group.id,
  ]);
}

/** Names of the groups a user is a direct member of, ordered. */
export function groupsOf(db: Database.Database, userId: string): string[] {
  return db
    .prepare(
      `SELECT g.name FROM groups g JOIN group_members m ON m.group_id = g.id
       WHERE m.user_id = ? ORDER BY g.name`,
    )
    .pluck()
    .all(userId) as string[];
}

function refuseTakenName(db: Database.Database, name: string): void {
  if (getGroup(db, name)) {
    throw new ConfigError(`group '${name}' already exists (group names ignore case).`);
  }
}

const GROUP_SELECT = `SELECT g.id, g.name, g.source, COUNT(m.user_id) AS member_count
  FROM groups g LEFT JOIN group_members m ON m.group_id = g.id`;

interface GroupRow {
  id: string;
  name: string;
  source: string;
  member_count: number;
}

function toGroup(row: GroupRow): DirectoryGroup {
  return { id: row.id, name: row.name, source: row.source, memberCount: row.member_count };
}
