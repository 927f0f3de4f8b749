// Reads the change feed (migration 2) for one app and keeps its watermark: the newest change
// sequence the app was fully synced to. Rows no app still needs are pruned as watermarks move.
import type Database from 'better-sqlite3';

/** What changed after an app's watermark, up to the head read at the start of the run. */
export interface ChangesSince {
  /** A change that is not about one user (mapping, policy, app, group): full path. */
  shared: boolean;
  /** Directory user ids changed (profile, attributes, membership, deletion). */
  userKeys: string[];
}

export class ChangeFeed {
  constructor(
    private readonly db: Database.Database,
    readonly app: string,
  ) {}

  /** The newest sequence; read before the directory, so later changes stay for the next run. */
  head(): number {
    const seq = this.db
      .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'")
      .pluck()
      .get() as number | undefined;
    return seq ?? 0;
  }

  /** Undefined until a run of this app completes without failures. */
  watermark(): number | undefined {
    return this.db
      .prepare('SELECT seq FROM engine_watermarks WHERE app = ?')
      .pluck()
      .get(this.app) as number | undefined;
  }

  /** Only reads the rows past the watermark (a range on the primary key). */
  since(watermark: number, head: number): ChangesSince {
    const rows = this.db
      .prepare('SELECT DISTINCT user_id FROM changes WHERE seq > ? AND seq <= ?')
      .pluck()
      .all(watermark, head) as (string | null)[];
    const userKeys = rows.filter((key): key is string => key !== null);
    return { shared: userKeys.length < rows.length, userKeys };
  }

  /**
   * Moves the watermark to `head` and prunes rows every existing app has synced past. Called only
   * after every write of the run was recorded, and refused while an intent is still open.
   */
  advance(head: number): boolean {
    return this.db.transaction(() => {
      const open = this.db
        .prepare('SELECT 1 FROM engine_intents WHERE app = ? LIMIT 1')
        .get(this.app);
      if (open) return false;
      this.db
        .prepare(
          `INSERT INTO engine_watermarks (app, seq, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (app) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at`,
        )
        .run(this.app, head, new Date().toISOString());
      this.db
        .prepare(
          `DELETE FROM changes WHERE seq < (SELECT MIN(w.seq) FROM engine_watermarks w
           WHERE w.app IN (SELECT a.name FROM apps a))`,
        )
        .run();
      return true;
    })();
  }

  /** Makes the next run of this app take the full path (its pushed state changed outside sync). */
  forget(): void {
    this.db.prepare('DELETE FROM engine_watermarks WHERE app = ?').run(this.app);
  }
}
