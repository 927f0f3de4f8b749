// Chooses how much of an app one sync looks at, from the change feed: nothing when nothing
// changed since its watermark, only the changed users when every change is about users, and
// everything otherwise (first run, reconcile, crash recovery, mapping/policy/app/group changes).
import type Database from 'better-sqlite3';

import { buildDesiredSlice, buildDesiredState } from '../desired-state.ts';
import type { DesiredState } from '../model.ts';
import type { ChangeFeed } from './store/change-feed.ts';
import { IntentLog } from './store/intents.ts';
import { dueForDeletion } from './store/pushed-read.ts';

/** Past this many changed users one full read is cheaper than a lookup per user. */
export const MAX_INCREMENTAL_USERS = 1_000;

export type SyncPath =
  | { kind: 'unchanged' }
  | { kind: 'incremental'; desired: DesiredState; userKeys: string[] }
  | { kind: 'full'; desired: DesiredState };

export interface PathOptions {
  reconcile?: boolean;
  now?: Date;
}

/** `head` is the feed's head read before this call; changes after it wait for the next run. */
export function choosePath(
  db: Database.Database,
  feed: ChangeFeed,
  head: number,
  options: PathOptions,
): SyncPath {
  const full = (): SyncPath => ({ kind: 'full', desired: buildDesiredState(db, feed.app) });
  const watermark = feed.watermark();
  if (watermark === undefined || options.reconcile) return full();
  // Writes whose outcome a crash left unknown: recovery may change the pushed state of anyone.
  if (new IntentLog(db, feed.app).hasPending()) return full();
  const changes = feed.since(watermark, head);
  if (changes.shared) return full();
  const due = dueForDeletion(db, feed.app, options.now ?? new Date());
  const userKeys = [...new Set([...changes.userKeys, ...due])];
  if (userKeys.length === 0) return { kind: 'unchanged' };
  if (userKeys.length > MAX_INCREMENTAL_USERS) return full();
  return { kind: 'incremental', desired: buildDesiredSlice(db, feed.app, userKeys), userKeys };
}
