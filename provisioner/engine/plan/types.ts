// The plan: every write one sync would send to one app, in the order it sends them.
import type { Attributes } from '../attributes.ts';
import type { PatchOperation } from '../patch-ops.ts';

export interface CreateUser {
  kind: 'create-user';
  key: string;
  userName: string;
  body: Record<string, unknown>;
  attrs: Attributes;
  hash: string;
}

/** Changed attributes only; also carries reactivation as `active: true`. */
export interface UpdateUser {
  kind: 'update-user';
  key: string;
  userName: string;
  remoteId: string;
  operations: PatchOperation[];
  attrs: Attributes;
  hash: string;
  reactivate: boolean;
}

export interface DeactivateUser {
  kind: 'deactivate-user';
  key: string;
  userName: string;
  remoteId: string;
  /** Set under DeprovisionPolicy mode delete: when the user is to be deleted. */
  deleteAfter: string | null;
}

/** Local bookkeeping only (no request): the user is already inactive on the target. */
export interface ScheduleDelete {
  kind: 'schedule-delete';
  key: string;
  userName: string;
  deleteAfter: string;
}

export interface DeleteUser {
  kind: 'delete-user';
  key: string;
  userName: string;
  remoteId: string;
}

export interface CreateGroup {
  kind: 'create-group';
  key: string;
  displayName: string;
}

export interface RenameGroup {
  kind: 'rename-group';
  key: string;
  remoteId: string;
  from: string;
  to: string;
}

export interface DeleteGroup {
  kind: 'delete-group';
  key: string;
  remoteId: string;
  displayName: string;
}

/** At most 100 members (AWS-PATCH-GROUP-100); user keys are resolved to ids when sent. */
export interface MemberChunk {
  kind: 'add-members' | 'remove-members';
  groupKey: string;
  displayName: string;
  userKeys: string[];
}

export type UserStep = CreateUser | UpdateUser;
export type DeprovisionStep = DeactivateUser | ScheduleDelete | DeleteUser;
export type GroupStep = CreateGroup | RenameGroup;

export interface DeprovisionGuard {
  /** Users this plan deactivates or deletes. */
  deprovisions: number;
  /** Users this provisioner created on the target and still tracks. */
  pushed: number;
  limit: number;
  exceeded: boolean;
}

export interface Plan {
  app: string;
  createdAt: string;
  users: UserStep[];
  groups: GroupStep[];
  members: MemberChunk[];
  deprovision: DeprovisionStep[];
  groupDeletes: DeleteGroup[];
  /** Work the app's feature toggles held back, e.g. `3 user updates (updateUsers is off)`. */
  skipped: string[];
  /** Objects found on the target but not created here: linked, never changed. */
  untouched: string[];
  guard: DeprovisionGuard;
}

export const MAX_MEMBERS_PER_PATCH = 100;

/** Key prefix for a member seen on the target that is no user this provisioner pushed. */
export const FOREIGN_PREFIX = 'remote:';
