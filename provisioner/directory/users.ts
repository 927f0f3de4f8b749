// The directory's users: the identity provider's own profiles that apps are provisioned from.
import { randomUUID } from 'node:crypto';

import type Database from 'better-sqlite3';

import { ConfigError } from '../../scim/errors.ts';
import { attributesOf, toUser, usersWhere, writeAttributes, type UserRow } from './user-rows.ts';
import { requireAttributeKey, requireEmail, requireText } from './validate.ts';

export interface DirectoryUser {
  /** Stable and immutable: the key apps see and the default externalId. */
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  phone?: string;
  active: boolean;
  attributes: Record<string, string>;
  /** 'local' or 'import:<app>'. */
  source: string;
}

export interface NewUser {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Defaults to "firstName lastName". */
  displayName?: string;
  phone?: string;
  attributes?: Record<string, string>;
  source?: string;
}

/** Fields to change; `phone: null` clears it, an attribute set to null is removed. */
export interface UserChanges {
  userName?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  email?: string;
  phone?: string | null;
  attributes?: Record<string, string | null>;
}

export function addUser(db: Database.Database, input: NewUser): DirectoryUser {
  const firstName = requireText(input.firstName, 'first name');
  const lastName = requireText(input.lastName, 'last name');
  const user: DirectoryUser = {
    id: randomUUID(),
    userName: requireText(input.userName, 'userName'),
    firstName,
    lastName,
    displayName: input.displayName?.trim() || `${firstName} ${lastName}`,
    email: requireEmail(input.email),
    active: true,
    attributes: checkedAttributes(input.attributes ?? {}),
    source: input.source ?? 'local',
  };
  if (input.phone?.trim()) user.phone = input.phone.trim();
  refuseTakenUserName(db, user.userName);
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO users (id, user_name, first_name, last_name, display_name, email, phone,
         active, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(
      user.id,
      user.userName,
      firstName,
      lastName,
      user.displayName,
      user.email,
      user.phone ?? null,
      user.source,
      now,
      now,
    );
    writeAttributes(db, user.id, user.attributes);
  })();
  return user;
}

export function editUser(
  db: Database.Database,
  userName: string,
  changes: UserChanges,
): DirectoryUser {
  const user = requireUser(db, userName);
  const next = applyChanges(user, changes);
  if (next.userName.toLowerCase() !== user.userName.toLowerCase()) {
    refuseTakenUserName(db, next.userName);
  }
  db.transaction(() => {
    db.prepare(
      `UPDATE users SET user_name = ?, first_name = ?, last_name = ?, display_name = ?, email = ?,
         phone = ?, updated_at = ? WHERE id = ?`,
    ).run(
      next.userName,
      next.firstName,
      next.lastName,
      next.displayName,
      next.email,
      next.phone ?? null,
      new Date().toISOString(),
      user.id,
    );
    writeAttributes(db, user.id, changes.attributes ?? {});
  })();
  return requireUserById(db, user.id);
}

function applyChanges(user: DirectoryUser, changes: UserChanges): DirectoryUser {
  const next: DirectoryUser = {
    ...user,
    userName: pick(changes.userName, user.userName, 'userName'),
    firstName: pick(changes.firstName, user.firstName, 'first name'),
    lastName: pick(changes.lastName, user.lastName, 'last name'),
    displayName: pick(changes.displayName, user.displayName, 'display name'),
    email: changes.email === undefined ? user.email : requireEmail(changes.email),
  };
  if (changes.phone === null || changes.phone?.trim() === '') delete next.phone;
  else if (changes.phone !== undefined) next.phone = changes.phone.trim();
  checkedAttributes(changes.attributes ?? {});
  return next;
}

function pick(value: string | undefined, current: string, what: string): string {
  return value === undefined ? current : requireText(value, what);
}

export function deactivateUser(db: Database.Database, userName: string): DirectoryUser {
  return setActive(db, userName, false);
}

export function reactivateUser(db: Database.Database, userName: string): DirectoryUser {
  return setActive(db, userName, true);
}

function setActive(db: Database.Database, userName: string, active: boolean): DirectoryUser {
  const user = requireUser(db, userName);
  db.prepare('UPDATE users SET active = ?, updated_at = ? WHERE id = ?').run(
    active ? 1 : 0,
    new Date().toISOString(),
    user.id,
  );
  return { ...user, active };
}

/** Removes the user and its memberships; apps then see it leave scope. Returns what was removed. */
export function deleteUser(db: Database.Database, userName: string): DirectoryUser {
  const user = requireUser(db, userName);
  db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
  return user;
}

export function getUser(db: Database.Database, userName: string): DirectoryUser | undefined {
  const row = db.prepare('SELECT * FROM users WHERE user_name = ?').get(userName) as
    UserRow | undefined;
  return row && toUser(row, attributesOf(db, row.id));
}

export function getUserById(db: Database.Database, id: string): DirectoryUser | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(row, attributesOf(db, row.id));
}

/** Every user, ordered by userName. */
export function listUsers(db: Database.Database): DirectoryUser[] {
  return usersWhere(db, '1 = 1', []);
}

export function requireUser(db: Database.Database, userName: string): DirectoryUser {
  const user = getUser(db, userName);
  if (!user) {
    throw new ConfigError(`user '${userName}' is not in the directory; see \`user list\`.`);
  }
  return user;
}

function requireUserById(db: Database.Database, id: string): DirectoryUser {
  const user = getUserById(db, id);
  if (!user) throw new ConfigError(`user with id ${id} is not in the directory.`);
  return user;
}

function refuseTakenUserName(db: Database.Database, userName: string): void {
  if (getUser(db, userName)) {
    throw new ConfigError(
      `userName '${userName}' is already taken (userNames are unique, ignoring case).`,
    );
  }
}

function checkedAttributes<T extends string | null>(
  attributes: Record<string, T>,
): Record<string, T> {
  Object.keys(attributes).forEach(requireAttributeKey);
  return attributes;
}
