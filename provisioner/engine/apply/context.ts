// What the steps of one run share: the client, the pushed store, the intent log, the remote ids
// known so far, the counts and the failures. A 401/403 stops the remaining steps.
import type { ScimClient } from '../../client/scim-client.ts';
import { TargetError } from '../../client/target-error.ts';
import type { Progress } from '../progress.ts';
import type { IntentLog } from '../store/intents.ts';
import type { PushedState, PushedStore } from '../store/pushed-store.ts';
import type { SyncCounts } from '../summary.ts';
import type { TargetIndex } from './target-index.ts';

export class ApplyContext {
  readonly userIds = new Map<string, string>();
  readonly groupIds = new Map<string, string>();
  readonly failures: string[] = [];
  stopped: string | undefined;
  /** Set when a read (match lookup) failed: deprovisioning must not run on a partial view. */
  readFailed = false;

  constructor(
    readonly client: ScimClient,
    readonly store: PushedStore,
    readonly intents: IntentLog,
    readonly counts: SyncCounts,
    readonly progress: Progress,
    readonly index: TargetIndex,
    pushed: PushedState,
  ) {
    for (const user of pushed.users.values()) this.userIds.set(user.key, user.remoteId);
    for (const group of pushed.groups.values()) this.groupIds.set(group.key, group.remoteId);
  }

  /** Runs one step; a TargetError becomes a reported failure, anything else is a bug and throws. */
  async step(subject: string, task: () => Promise<void>): Promise<void> {
    if (this.stopped) return;
    try {
      await task();
      this.progress.step(true);
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      this.failures.push(error.about(subject).message);
      if (error.method === 'GET') this.readFailed = true;
      this.progress.step(false);
      if (error.status === 401 || error.status === 403) this.stopped = error.about(subject).message;
    }
  }
}
