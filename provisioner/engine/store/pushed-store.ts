// What the engine last pushed to each app: remote ids, a hash and the flat attributes of each
// user's payload, group names and member sets. The plan is the diff of desired state against it.
import type Database from 'better-sqlite3';

import type { Attributes } from '../attributes.ts';
import { readPushed } from './pushed-read.ts';

/** created: this provisioner made it. adopted: it existed on the target and was only linked. */
export type Origin = 'created' | 'adopted';

export interface PushedUser {
  key: string;
  remoteId: string;
  userName: string;
  origin: Origin;
  hash: string;
  /** JSON of the flat attributes; parsed only when the hash says the payload changed. */
  attrsJson: string;
  active: boolean;
  /** ISO time after which a deprovisioned user is deleted (DeprovisionPolicy mode delete). */
  deleteAfter: string | null;
}

export interface PushedGroup {
  key: string;
  remoteId: string;
  displayName: string;
  origin: Origin;
  members: Set<string>;
}

export interface PushedState {
  users: Map<string, PushedUser>;
  groups: Map<string, PushedGroup>;
  /** Set when only some users were loaded: users this provisioner created, all of them. */
  ownedUsers?: number;
}

export class PushedStore {
  constructor(
    private readonly db: Database.Database,
    readonly app: string,
  ) {}

  /** Runs `work` in one SQLite transaction (nested calls join the outer one). */
  transaction(work: () => void): void {
    this.db.transaction(work)();
  }

  load(): PushedState {
    return readPushed(this.db, this.app);
  }

  /** The rows of these users only, their memberships, and every group (see readPushed). */
  loadFor(userKeys: readonly string[]): PushedState {
    return readPushed(this.db, this.app, userKeys);
  }

  saveUser(user: Omit<PushedUser, 'attrsJson'> & { attrs: Attributes }): void {
    this.db
      .prepare(
        `INSERT INTO engine_users (app, key, remote_id, user_name, origin, hash, attrs, active, delete_after, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (app, key) DO UPDATE SET remote_id = excluded.remote_id, user_name = excluded.user_name,
           origin = excluded.origin, hash = excluded.hash, attrs = excluded.attrs, active = excluded.active,
           delete_after = excluded.delete_after, updated_at = excluded.updated_at`,
      )
      .run(
        this.app,
        user.key,
        user.remoteId,
        user.userName,
        user.origin,
        user.hash,
        JSON.stringify(user.attrs),
        user.active ? 1 : 0,
        user.deleteAfter,
        now(),
      );
  }

  setUserActive(key: string, active: boolean, deleteAfter: string | null): void {
    this.db
      .prepare(
        'UPDATE engine_users SET active = ?, delete_after = ?, updated_at = ? WHERE app = ? AND key = ?',
      )
      .run(active ? 1 : 0, deleteAfter, now(), this.app, key);
  }

  /** Forgets a user, and its memberships, which the target dropped with it. */
  forgetUser(key: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM engine_users WHERE app = ? AND key = ?').run(this.app, key);
      this.db
        .prepare('DELETE FROM engine_members WHERE app = ? AND user_key = ?')
        .run(this.app, key);
    })();
  }

  saveGroup(group: Omit<PushedGroup, 'members'>): void {
    this.db
      .prepare(
        `INSERT INTO engine_groups (app, key, remote_id, display_name, origin, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (app, key) DO UPDATE SET remote_id = excluded.remote_id,
           display_name = excluded.display_name, origin = excluded.origin, updated_at = excluded.updated_at`,
      )
      .run(this.app, group.key, group.remoteId, group.displayName, group.origin, now());
  }

  forgetGroup(key: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM engine_groups WHERE app = ? AND key = ?').run(this.app, key);
      this.db
        .prepare('DELETE FROM engine_members WHERE app = ? AND group_key = ?')
        .run(this.app, key);
    })();
  }

  addMembers(groupKey: string, userKeys: readonly string[]): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO engine_members (app, group_key, user_key) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => userKeys.forEach((key) => insert.run(this.app, groupKey, key)))();
  }

  removeMembers(groupKey: string, userKeys: readonly string[]): void {
    const remove = this.db.prepare(
      'DELETE FROM engine_members WHERE app = ? AND group_key = ? AND user_key = ?',
    );
    this.db.transaction(() => userKeys.forEach((key) => remove.run(this.app, groupKey, key)))();
  }

  /** Replaces a group's member set with what a reconcile read observed on the target. */
  setMembers(groupKey: string, userKeys: readonly string[]): void {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM engine_members WHERE app = ? AND group_key = ?')
        .run(this.app, groupKey);
      this.addMembers(groupKey, userKeys);
    })();
  }
}

function now(): string {
  return new Date().toISOString();
}
