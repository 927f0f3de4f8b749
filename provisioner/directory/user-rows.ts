// How directory users are stored: row to object, custom attributes, and bulk reads that stay at
// two queries however many users they return.
import type Database from 'better-sqlite3';

import type { DirectoryUser } from './users.ts';

export interface UserRow {
  id: string;
  user_name: string;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string;
  phone: string | null;
  active: number;
  source: string;
}

/**
 * Users matching a SQL condition on `u` (the users table), with their attributes, in two queries
 * whatever the count: desired-state builds go through here for whole directories.
 */
export function usersWhere(
  db: Database.Database,
  condition: string,
  params: readonly unknown[],
): DirectoryUser[] {
  const rows = db
    .prepare(`SELECT u.* FROM users u WHERE ${condition} ORDER BY u.user_name`)
    .all(...params) as UserRow[];
  const attributes = new Map<string, Record<string, string>>();
  const attributeRows = db
    .prepare(
      `SELECT a.user_id, a.key, a.value FROM user_attributes a
       WHERE a.user_id IN (SELECT u.id FROM users u WHERE ${condition}) ORDER BY a.key`,
    )
    .all(...params) as { user_id: string; key: string; value: string }[];
  for (const { user_id: id, key, value } of attributeRows) {
    attributes.set(id, { ...attributes.get(id), [key]: value });
  }
  return rows.map((row) => toUser(row, attributes.get(row.id) ?? {}));
}

export function writeAttributes(
  db: Database.Database,
  userId: string,
  attributes: Record<string, string | null>,
): void {
  const upsert = db.prepare(
    `INSERT INTO user_attributes (user_id, key, value) VALUES (?, ?, ?)
     ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare('DELETE FROM user_attributes WHERE user_id = ? AND key = ?');
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === '') remove.run(userId, key);
    else upsert.run(userId, key, value);
  }
}

export function attributesOf(db: Database.Database, userId: string): Record<string, string> {
  const rows = db
    .prepare('SELECT key, value FROM user_attributes WHERE user_id = ? ORDER BY key')
    .all(userId) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export function toUser(row: UserRow, attributes: Record<string, string>): DirectoryUser {
  const user: DirectoryUser = {
    id: row.id,
    userName: row.user_name,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: row.display_name,
    email: row.email,
    active: row.active === 1,
    attributes,
    source: row.source,
  };
  if (row.phone !== null) user.phone = row.phone;
  return user;
}
