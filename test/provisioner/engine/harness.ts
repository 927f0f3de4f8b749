// Shared set-up for the engine's integration tests: the mock on 127.0.0.1 port 0, an in-memory
// state DB with every migration, and desired states built directly from fixtures.
import Database from 'better-sqlite3';

import { startMockServer } from '../../../mock-server/server.ts';
import type { RunningMock } from '../../../mock-server/server.ts';
import { listAll, quote } from '../../../provisioner/client/list-all.ts';
import type { ScimResource } from '../../../provisioner/client/list-all.ts';
import { ScimClient } from '../../../provisioner/client/scim-client.ts';
import type {
  AppConfig,
  DesiredGroup,
  DesiredState,
  DesiredUser,
} from '../../../provisioner/model.ts';
import { runMigrations } from '../../../provisioner/state/migrations/index.ts';

export const ALL_FEATURES = {
  createUsers: true,
  updateUsers: true,
  deactivateUsers: true,
  deleteUsers: true,
  pushGroups: true,
  groupMembership: true,
  import: true,
};

export function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  runMigrations(db);
  return db;
}

export function appFor(mock: RunningMock, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'app1',
    preset: 'aws',
    endpoint: mock.scimBaseUrl(),
    token: mock.token,
    features: { ...ALL_FEATURES },
    deprovision: { mode: 'deactivate', graceDays: 0 },
    maxDeprovisionShare: 1,
    concurrency: 4,
    ...overrides,
  };
}

export function user(n: number, extra: Partial<DesiredUser> = {}): DesiredUser {
  const userName = `user${n}@example.com`;
  return {
    key: `k${n}`,
    userName,
    payload: {
      userName,
      externalId: `ext-${n}`,
      displayName: `User ${n}`,
      name: { givenName: 'User', familyName: `Number${n}` },
      emails: [{ value: userName, type: 'work', primary: true }],
    },
    createOnly: {},
    active: true,
    ...extra,
  };
}

export function group(n: number, memberKeys: string[]): DesiredGroup {
  return { key: `g${n}`, displayName: `Group ${n}`, memberKeys };
}

export function desired(
  app: AppConfig,
  users: DesiredUser[],
  groups: DesiredGroup[] = [],
): DesiredState {
  return { app, users, groups };
}

export async function startMock(): Promise<RunningMock> {
  return startMockServer({ logLevel: 'silent' });
}

/** What the target holds: users by userName, groups by displayName with member userNames. */
export async function targetState(mock: RunningMock) {
  const client = new ScimClient({ baseUrl: mock.scimBaseUrl(), token: mock.token, concurrency: 8 });
  const users = (await listAll(client, 'Users')).resources;
  const groups = (await listAll(client, 'Groups')).resources;
  const members = new Map<string, string[]>();
  for (const g of groups) {
    const read = await listAll(client, 'Users', `groups.value eq ${quote(g.id)}`);
    members.set(String(g.displayName), read.resources.map((u) => String(u.userName)).sort());
  }
  return {
    users,
    groups,
    members,
    byName: new Map(users.map((u): [string, ScimResource] => [String(u.userName), u])),
  };
}

/** The sequence number of the mock's newest journal entry (the journal answers oldest first). */
export async function lastSeq(mock: RunningMock): Promise<number> {
  let seq = 0;
  for (;;) {
    const page = await mock.admin.journal({ sinceSeq: seq, limit: 10_000 });
    if (page.length === 0) return seq;
    seq = page.at(-1)!.seq;
  }
}
