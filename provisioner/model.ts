// The contract between the provisioner's configuration side (directory, apps, mapping, policies)
// and its engine (plan, sync, reconcile, import). Types only; both sides import from here.

/** A SCIM user payload as it goes on the wire, without id, meta or schemas. */
export type ScimUserPayload = Record<string, unknown>;

export type PresetName = 'aws' | 'scim2';

/** Provisioning features, each switched on or off per app (issue 3, step 4). */
export interface AppFeatures {
  createUsers: boolean;
  updateUsers: boolean;
  deactivateUsers: boolean;
  deleteUsers: boolean;
  /** Create, rename and delete groups on the target. */
  pushGroups: boolean;
  /** Add and remove group members on the target. */
  groupMembership: boolean;
  import: boolean;
}

export interface DeprovisionPolicy {
  /** deactivate: PATCH active false and stop there (the default; AWS ids survive). */
  mode: 'deactivate' | 'delete';
  /** With mode delete: days between deactivation and deletion; 0 deletes at once. */
  graceDays: number;
}

export interface AppConfig {
  name: string;
  preset: PresetName;
  /** SCIM base URL, e.g. http://127.0.0.1:8787/t1/scim/v2 (no trailing slash). */
  endpoint: string;
  /** Bearer token. Never printed, logged or written to reports. */
  token: string;
  features: AppFeatures;
  deprovision: DeprovisionPolicy;
  /** Share of the app's pushed users that one run may deprovision before it stops (0..1). */
  maxDeprovisionShare: number;
  /** Requests in flight at once against this target. */
  concurrency: number;
}

/** A user the app should see, with its mapped payload. `key` is the directory's stable id. */
export interface DesiredUser {
  key: string;
  userName: string;
  /** Mapped attributes applied on create and on every update ("always" rows). */
  payload: ScimUserPayload;
  /** Mapped attributes from "create only" rows: sent on create, never updated. */
  createOnly: ScimUserPayload;
  /** False when the directory user is deactivated (engine deactivates on the target). */
  active: boolean;
}

/** A group the app should see (groups named by a policy of the app), with member keys. */
export interface DesiredGroup {
  key: string;
  displayName: string;
  /** Keys of DesiredUser entries; only users in scope appear here. */
  memberKeys: string[];
}

/** What the app should look like on the target, built from directory + policies + mapping. */
export interface DesiredState {
  app: AppConfig;
  users: DesiredUser[];
  groups: DesiredGroup[];
}
