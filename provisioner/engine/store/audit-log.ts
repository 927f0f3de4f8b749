// The audit log: one row per request sent (what, to which app, result, status, duration, request
// id). Rows hold paths and details only, never a token or a request body.
import type Database from 'better-sqlite3';

import type { AttemptRecord } from '../../client/scim-client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  app: string;
  operation: string;
  subject: string | null;
  method: string;
  path: string;
  status: number;
  result: string;
  attempt: number;
  durationMs: number;
  requestId: string | null;
  detail: string | null;
}

export class AuditLog {
  private readonly insert: Database.Statement;

  constructor(
    db: Database.Database,
    readonly app: string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO engine_audit (at, app, operation, subject, method, path, status, result, attempt, duration_ms, request_id, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record(attempt: AttemptRecord): void {
    const context = attempt.label ?? { operation: 'request' };
    this.insert.run(
      new Date().toISOString(),
      this.app,
      context.operation,
      context.subject ?? null,
      attempt.method,
      attempt.path,
      attempt.status,
      attempt.outcome,
      attempt.attempt,
      attempt.durationMs,
      attempt.requestId ?? null,
      attempt.detail ?? null,
    );
  }
}

/** The newest entries first, optionally for one app. */
export function readAudit(
  db: Database.Database,
  options: { app?: string; limit?: number } = {},
): AuditEntry[] {
  const limit = options.limit ?? 50;
  const where = options.app ? 'WHERE app = ?' : '';
  const params: unknown[] = options.app ? [options.app, limit] : [limit];
  return db
    .prepare(
      `SELECT id, at, app, operation, subject, method, path, status, result, attempt,
              duration_ms AS durationMs, request_id AS requestId, detail
       FROM engine_audit ${where} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params) as AuditEntry[];
}
