// Test helper: a fresh state DB in its own temp directory, removed after the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Database from 'better-sqlite3';

import { openStateDb } from '../../../provisioner/state/db.ts';

export interface TempState {
  dir: string;
  path: string;
  db: Database.Database;
  cleanup(): void;
}

export function openTempState(): TempState {
  const dir = mkdtempSync(join(tmpdir(), 'scim-harness-state-'));
  const path = join(dir, 'state', 'state.db');
  const db = openStateDb(path);
  return {
    dir,
    path,
    db,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
