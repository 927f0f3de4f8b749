// Opens the provisioner's state DB (SQLite): resolves its path, keeps the file private to its owner
// (it holds bearer tokens), and brings the schema up to date.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import Database from 'better-sqlite3';

import { runMigrations } from './migrations/index.ts';

export const DEFAULT_STATE_PATH = '.scim-harness/state.db';
export const STATE_ENV = 'SCIM_HARNESS_STATE';

/** The state file to use: the argument, else $SCIM_HARNESS_STATE, else .scim-harness/state.db. */
export function resolveStatePath(path?: string): string {
  const chosen = path?.trim() || process.env[STATE_ENV]?.trim() || DEFAULT_STATE_PATH;
  return resolve(chosen);
}

export function openStateDb(path?: string): Database.Database {
  const file = resolveStatePath(path);
  createPrivately(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db);
  return db;
}

/** Creates the directory (0700) and the file (0600) before SQLite does, so neither is ever wider. */
function createPrivately(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  if (!existsSync(file)) {
    closeSync(openSync(file, 'a', 0o600));
    // The process umask may have narrowed the mode further, never widened it; make it exact.
    chmodSync(file, 0o600);
  }
}
