// What one sync of one app did, for the CLI and for the configuration side that calls syncApps.

export type SyncStatus = 'ok' | 'partial' | 'blocked' | 'aborted' | 'failed';

export interface SyncCounts {
  usersCreated: number;
  usersLinked: number;
  usersUpdated: number;
  usersDeactivated: number;
  usersDeleted: number;
  deletesScheduled: number;
  groupsCreated: number;
  groupsLinked: number;
  groupsRenamed: number;
  groupsDeleted: number;
  membersAdded: number;
  membersRemoved: number;
}

export interface SyncSummary {
  app: string;
  /** ok: all done; partial: some writes failed; blocked: the deprovisioning guard stopped it;
   *  aborted: a read failed, nothing deprovisioned; failed: nothing could be done. */
  status: SyncStatus;
  counts: SyncCounts;
  /** HTTP requests sent, retries included. */
  requests: number;
  writes: number;
  reads: number;
  failures: string[];
  message?: string;
  durationMs: number;
  /** How much syncApps looked at: every object, the users changed since the last complete run,
   *  or nothing at all because nothing changed (see engine/choose-path.ts). */
  path?: 'full' | 'incremental' | 'unchanged';
}

export function emptyCounts(): SyncCounts {
  return {
    usersCreated: 0,
    usersLinked: 0,
    usersUpdated: 0,
    usersDeactivated: 0,
    usersDeleted: 0,
    deletesScheduled: 0,
    groupsCreated: 0,
    groupsLinked: 0,
    groupsRenamed: 0,
    groupsDeleted: 0,
    membersAdded: 0,
    membersRemoved: 0,
  };
}
