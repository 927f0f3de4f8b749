// Write-ahead intents: a row is committed before each write is sent and removed once its result
// is recorded. Rows left after a crash name the writes whose outcome is unknown.
import type Database from 'better-sqlite3';

export type IntentKind =
  | 'create-user'
  | 'update-user'
  | 'deactivate-user'
  | 'delete-user'
  | 'create-group'
  | 'rename-group'
  | 'delete-group'
  | 'add-members'
  | 'remove-members';

export interface Intent {
  id: number;
  kind: IntentKind;
  objectKey: string;
  /** What the write was about, e.g. the userName or displayName to look up after a crash. */
  detail: Record<string, unknown>;
}

export class IntentLog {
  constructor(
    private readonly db: Database.Database,
    readonly app: string,
  ) {}

  open(kind: IntentKind, objectKey: string, detail: Record<string, unknown>): number {
    const result = this.db
      .prepare(
        'INSERT INTO engine_intents (app, kind, object_key, detail, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(this.app, kind, objectKey, JSON.stringify(detail), new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  close(id: number): void {
    this.db.prepare('DELETE FROM engine_intents WHERE id = ?').run(id);
  }

  hasPending(): boolean {
    const row = this.db.prepare('SELECT 1 FROM engine_intents WHERE app = ? LIMIT 1').get(this.app);
    return row !== undefined;
  }

  pending(): Intent[] {
    const rows = this.db
      .prepare('SELECT id, kind, object_key, detail FROM engine_intents WHERE app = ? ORDER BY id')
      .all(this.app) as Array<{ id: number; kind: IntentKind; object_key: string; detail: string }>;
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      objectKey: row.object_key,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }
}
