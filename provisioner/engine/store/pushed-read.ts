// Reads the pushed state of one app: whole, or only what concerns some users (their rows and
// their memberships, every group without members) through indexed lookups.
import type Database from 'better-sqlite3';

import type { Origin, PushedGroup, PushedState, PushedUser } from './pushed-store.ts';

interface UserRow {
  key: string;
  remote_id: string;
  user_name: string;
  origin: Origin;
  hash: string;
  attrs: string;
  active: number;
  delete_after: string | null;
}

interface GroupRow {
  key: string;
  remote_id: string;
  display_name: string;
  origin: Origin;
}

const KEYS = 'IN (SELECT value FROM json_each(?))';

/** With `userKeys`, users and members are those users' only; `ownedUsers` still counts all. */
export function readPushed(
  db: Database.Database,
  app: string,
  userKeys?: readonly string[],
): PushedState {
  const only = userKeys ? ` AND key ${KEYS}` : '';
  const params = userKeys ? [app, JSON.stringify(userKeys)] : [app];
  const userRows = db
    .prepare(`SELECT * FROM engine_users WHERE app = ?${only}`)
    .all(...params) as UserRow[];
  const users = new Map(userRows.map((row): [string, PushedUser] => [row.key, toUser(row)]));
  const groups = readGroups(db, app);
  // Without table statistics SQLite would scan every member of the app for a few users.
  const members = userKeys
    ? `engine_members INDEXED BY engine_members_by_user WHERE app = ? AND user_key ${KEYS}`
    : 'engine_members WHERE app = ?';
  const memberRows = db
    .prepare(`SELECT group_key, user_key FROM ${members}`)
    .raw()
    .all(...params) as Array<[string, string]>;
  for (const [groupKey, userKey] of memberRows) groups.get(groupKey)?.members.add(userKey);
  if (!userKeys) return { users, groups };
  return { users, groups, ownedUsers: countOwned(db, app) };
}

/** Keys of the app's users whose deletion was due by `now`: time alone makes them work. */
export function dueForDeletion(db: Database.Database, app: string, now: Date): string[] {
  return db
    .prepare(
      'SELECT key FROM engine_users WHERE app = ? AND delete_after IS NOT NULL AND delete_after <= ?',
    )
    .pluck()
    .all(app, now.toISOString()) as string[];
}

function readGroups(db: Database.Database, app: string): Map<string, PushedGroup> {
  const rows = db
    .prepare('SELECT key, remote_id, display_name, origin FROM engine_groups WHERE app = ?')
    .all(app) as GroupRow[];
  return new Map(
    rows.map((row): [string, PushedGroup] => [
      row.key,
      {
        key: row.key,
        remoteId: row.remote_id,
        displayName: row.display_name,
        origin: row.origin,
        members: new Set(),
      },
    ]),
  );
}

function countOwned(db: Database.Database, app: string): number {
  return db
    .prepare("SELECT COUNT(*) FROM engine_users WHERE app = ? AND origin = 'created'")
    .pluck()
    .get(app) as number;
}

function toUser(row: UserRow): PushedUser {
  return {
    key: row.key,
    remoteId: row.remote_id,
    userName: row.user_name,
    origin: row.origin,
    hash: row.hash,
    attrsJson: row.attrs,
    active: row.active === 1,
    deleteAfter: row.delete_after,
  };
}
