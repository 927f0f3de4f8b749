// Policies: a name, an app, one or more groups and a login method. Members of a policy's groups
// are in scope for its app; the scope queries that decide which apps a change touches live here.
import type Database from 'better-sqlite3';

import { ConfigError } from '../scim/errors.ts';
import { getApp } from './apps/store.ts';
import { requireGroup } from './directory/groups.ts';

export const LOGIN_METHODS = ['password', 'password-mfa', 'passwordless', 'saml', 'oidc'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

export interface Policy {
  name: string;
  app: string;
  /** Group names, ordered. */
  groups: string[];
  loginMethod: LoginMethod;
}

export interface NewPolicy {
  name: string;
  app: string;
  groups: readonly string[];
  loginMethod?: string;
}

export interface PolicyChanges {
  addGroups?: readonly string[];
  removeGroups?: readonly string[];
  loginMethod?: string;
}

export function addPolicy(db: Database.Database, input: NewPolicy): Policy {
  const name = input.name.trim();
  if (name === '') throw new ConfigError('policy name is empty; give a name.');
  if (findPolicyId(db, name) !== undefined) {
    throw new ConfigError(`policy '${name}' already exists (names ignore case).`);
  }
  const app = getApp(db, input.app);
  if (input.groups.length === 0) throw new ConfigError('a policy needs at least one --group.');
  const groupIds = input.groups.map((group) => requireGroup(db, group).id);
  const loginMethod = checkLoginMethod(input.loginMethod ?? 'password');
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        'INSERT INTO policies (name, app_name, login_method, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(name, app.name, loginMethod, new Date().toISOString());
    linkGroups(db, Number(lastInsertRowid), groupIds);
  })();
  return requirePolicy(db, name);
}

export function editPolicy(db: Database.Database, name: string, changes: PolicyChanges): Policy {
  const id = requirePolicyId(db, name);
  const add = (changes.addGroups ?? []).map((group) => requireGroup(db, group).id);
  const remove = (changes.removeGroups ?? []).map((group) => requireGroup(db, group).id);
  const loginMethod = changes.loginMethod && checkLoginMethod(changes.loginMethod);
  db.transaction(() => {
    linkGroups(db, id, add);
    const unlink = db.prepare('DELETE FROM policy_groups WHERE policy_id = ? AND group_id = ?');
    remove.forEach((groupId) => unlink.run(id, groupId));
    if (loginMethod) {
      db.prepare('UPDATE policies SET login_method = ? WHERE id = ?').run(loginMethod, id);
    }
    if (groupIdsOf(db, id).length === 0) {
      throw new ConfigError(
        `policy '${name}' would have no group left; delete the policy instead.`,
      );
    }
  })();
  return requirePolicy(db, name);
}

export function deletePolicy(db: Database.Database, name: string): Policy {
  const policy = requirePolicy(db, name);
  db.prepare('DELETE FROM policies WHERE name = ?').run(policy.name);
  return policy;
}

export function listPolicies(db: Database.Database, appName?: string): Policy[] {
  const rows = db
    .prepare(`SELECT p.name FROM policies p WHERE ? IS NULL OR p.app_name = ? ORDER BY p.name`)
    .pluck()
    .all(appName ?? null, appName ?? null) as string[];
  return rows.map((name) => requirePolicy(db, name));
}

export function requirePolicy(db: Database.Database, name: string): Policy {
  const row = db
    .prepare('SELECT id, name, app_name, login_method FROM policies WHERE name = ?')
    .get(name) as
    { id: number; name: string; app_name: string; login_method: LoginMethod } | undefined;
  if (!row) throw new ConfigError(`policy '${name}' does not exist; see \`policy list\`.`);
  const groups = db
    .prepare(
      `SELECT g.name FROM groups g JOIN policy_groups pg ON pg.group_id = g.id
       WHERE pg.policy_id = ? ORDER BY g.name`,
    )
    .pluck()
    .all(row.id) as string[];
  return { name: row.name, app: row.app_name, groups, loginMethod: row.login_method };
}

/** Apps whose policies name any of these groups (by group id), ordered. */
export function appsForGroups(db: Database.Database, groupIds: readonly string[]): string[] {
  if (groupIds.length === 0) return [];
  const marks = groupIds.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT DISTINCT p.app_name FROM policies p JOIN policy_groups pg ON pg.policy_id = p.id
       WHERE pg.group_id IN (${marks}) ORDER BY p.app_name`,
    )
    .pluck()
    .all(...groupIds) as string[];
}

/** Apps the user is in scope for now (through any group of any policy), ordered. */
export function appsForUser(db: Database.Database, userId: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT p.app_name FROM policies p
       JOIN policy_groups pg ON pg.policy_id = p.id
       JOIN group_members m ON m.group_id = pg.group_id
       WHERE m.user_id = ? ORDER BY p.app_name`,
    )
    .pluck()
    .all(userId) as string[];
}

/** Group ids named by the app's policies. */
export function policyGroupIds(db: Database.Database, appName: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT pg.group_id FROM policy_groups pg JOIN policies p ON p.id = pg.policy_id
       WHERE p.app_name = ?`,
    )
    .pluck()
    .all(appName) as string[];
}

function checkLoginMethod(method: string): LoginMethod {
  const found = LOGIN_METHODS.find((candidate) => candidate === method.trim().toLowerCase());
  if (!found) {
    throw new ConfigError(
      `login method '${method}' is not valid; use one of ${LOGIN_METHODS.join(', ')}.`,
    );
  }
  return found;
}

function linkGroups(db: Database.Database, policyId: number, groupIds: readonly string[]): void {
  const link = db.prepare(
    'INSERT OR IGNORE INTO policy_groups (policy_id, group_id) VALUES (?, ?)',
  );
  groupIds.forEach((groupId) => link.run(policyId, groupId));
}

function groupIdsOf(db: Database.Database, policyId: number): string[] {
  return db
    .prepare('SELECT group_id FROM policy_groups WHERE policy_id = ?')
    .pluck()
    .all(policyId) as string[];
}

function findPolicyId(db: Database.Database, name: string): number | undefined {
  return db.prepare('SELECT id FROM policies WHERE name = ?').pluck().get(name) as
    number | undefined;
}

function requirePolicyId(db: Database.Database, name: string): number {
  const id = findPolicyId(db, name);
  if (id === undefined)
    throw new ConfigError(`policy '${name}' does not exist; see \`policy list\`.`);
  return id;
}
