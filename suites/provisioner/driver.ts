// The driver interface: how the provisioner suite makes a provisioner under test act. One driver
// instance serves one scenario against one fresh mock tenant; see suites/README.md.

/** A directory user as the suite hands it to a provisioner; names are AWS's required four. */
export interface DriverUser {
  userName: string;
  givenName: string;
  familyName: string;
  displayName: string;
  /** The one work email, which AWS wants primary (AWS-USER-PRIMARY-EMAIL). */
  email: string;
}

/** The attributes an update changes; anything left out must not be sent. */
export type DriverUserChanges = Partial<Omit<DriverUser, 'userName'>>;

/** The actions a driver can be asked to perform, by name (also the shell config's keys). */
export const DRIVER_ACTIONS = [
  'setup',
  'createUser',
  'updateUser',
  'addToGroup',
  'removeFromGroup',
  'deactivateUser',
  'deleteUser',
  'pushGroup',
  'sync',
  'teardown',
] as const;

export type DriverAction = (typeof DRIVER_ACTIONS)[number];

/**
 * A provisioner under test. Each method returns once the provisioner has pushed the change (or
 * decided not to); `sync` asks it to push anything still pending. Throw to report a failure;
 * throw `DriverUnsupported` when the provisioner has no such action.
 */
export interface ProvisionerDriver {
  /** Short name for reports, e.g. `builtin` or `shell:./okta.json`. */
  readonly name: string;
  /** Points the provisioner at a SCIM base URL (no trailing slash) with a bearer token. */
  setup(endpoint: string, token: string): Promise<void>;
  /** A new user in scope: the provisioner should look it up, then create it if absent. */
  createUser(user: DriverUser): Promise<void>;
  updateUser(userName: string, changes: DriverUserChanges): Promise<void>;
  /** Adds known users to a group, creating the group on the target when needed. */
  addToGroup(groupName: string, userNames: readonly string[]): Promise<void>;
  removeFromGroup(groupName: string, userNames: readonly string[]): Promise<void>;
  /** The user is disabled in the directory; AWS should see `active: false`. */
  deactivateUser(userName: string): Promise<void>;
  /** The user is removed from the directory. */
  deleteUser(userName: string): Promise<void>;
  /** Pushes a group with these members, creating any member the provisioner does not know. */
  pushGroup(groupName: string, members: readonly DriverUser[]): Promise<void>;
  /** Pushes whatever is pending; a second call with no change should send no write. */
  sync(): Promise<void>;
  /** Frees what setup made (temp state, processes); optional. */
  teardown?(): Promise<void>;
}

/** Thrown by a driver that cannot perform an action; the checks that need it are not applicable. */
export class DriverUnsupported extends Error {
  override readonly name = 'DriverUnsupported';

  constructor(
    readonly driver: string,
    readonly action: DriverAction,
  ) {
    super(`driver '${driver}' has no '${action}' action`);
  }
}

/** Makes a fresh driver for each scenario, so scenarios never share provisioner state. */
export type DriverFactory = () => ProvisionerDriver | Promise<ProvisionerDriver>;
