// Deletes what a run created, newest first, even after failures; 404 counts as already gone.
import type { ScimHttp } from './http-client.ts';

export interface CleanupFailure {
  what: string;
  message: string;
}

export class CleanupRegistry {
  private readonly tasks: { what: string; run: () => Promise<void> }[] = [];

  constructor(private readonly http: ScimHttp) {}

  /** Registers a created resource (`/Users/<id>`) for deletion at the end of the suite. */
  trackResource(path: string): void {
    this.add(`DELETE ${path}`, async () => {
      const response = await this.http.delete(path);
      if (response.status >= 300 && response.status !== 404) {
        throw new Error(`answered ${response.status}`);
      }
    });
  }

  add(what: string, run: () => Promise<void>): void {
    this.tasks.push({ what, run });
  }

  get pending(): number {
    return this.tasks.length;
  }

  /** Runs every task in reverse order; a failing task never stops the others. */
  async runAll(): Promise<CleanupFailure[]> {
    const failures: CleanupFailure[] = [];
    while (this.tasks.length > 0) {
      const task = this.tasks.pop()!;
      try {
        await task.run();
      } catch (error) {
        failures.push({ what: task.what, message: (error as Error).message });
      }
    }
    return failures;
  }
}
