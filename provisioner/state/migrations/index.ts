// Schema migrations for the state DB, applied in id order and recorded in `schema_migrations`.
// Ids 1–99: configuration side; 100–199: engine side. Add a migration by appending to MIGRATIONS.
import type Database from 'better-sqlite3';

import {
  engineTables,
  engineUsersByOrigin,
  engineWatermarks,
} from '../../engine/store/migrations.ts';
import { configurationTables } from './001-configuration.ts';
import { changeFeed } from './002-change-feed.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Applies every migration not yet recorded, each in its own transaction; returns the ids run. */
export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)',
  );
  const ran: number[] = [];
  for (const migration of sortedChecked(migrations)) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
    })();
    ran.push(migration.id);
  }
  return ran;
}

function sortedChecked(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.id - b.id);
  sorted.forEach((migration, index) => {
    if (index > 0 && sorted[index - 1].id === migration.id) {
      throw new Error(`Two migrations share id ${migration.id}: each id must be unique.`);
    }
  });
  return sorted;
}

export const MIGRATIONS: Migration[] = [
  configurationTables,
  changeFeed,
  // Engine side (ids 100–199) appends below.
  engineTables,
  engineWatermarks,
  engineUsersByOrigin,
];
