import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import type { RunningMock } from '../../mock-server/server.ts';
import { createApp } from '../../provisioner/apps/store.ts';
import { ScimClient } from '../../provisioner/client/scim-client.ts';
import { getGroup, membersOf } from '../../provisioner/directory/groups.ts';
import { addUser, getUser } from '../../provisioner/directory/users.ts';
import { openStateDb } from '../../provisioner/state/db.ts';
import { GROUP_URN, PATCH_OP_URN, USER_URN } from '../../scim/urns.ts';
import { runCli } from '../provisioner/engine/cli-runner.ts';
import { startMock } from '../provisioner/engine/harness.ts';

describe('cli import', () => {
  let mock: RunningMock;
  let dir: string;
  let state: string;
  beforeEach(async () => {
    mock = await startMock();
    dir = mkdtempSync(join(tmpdir(), 'scim-harness-import-'));
    state = join(dir, 'state.db');
  });
  afterEach(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function seedTarget(): Promise<void> {
    const client = new ScimClient({
      baseUrl: mock.scimBaseUrl(),
      token: mock.token,
      concurrency: 2,
    });
    const ids: string[] = [];
    for (const [userName, given] of [
      ['ada@example.com', 'Ada'],
      ['bob@example.com', 'Bobby'],
    ]) {
      const body = {
        schemas: [USER_URN],
        userName,
        displayName: `${given} X`,
        name: { givenName: given, familyName: 'X' },
        emails: [{ value: userName, primary: true }],
      };
      ids.push((await client.request<{ id: string }>('POST', '/Users', body)).body!.id);
    }
    const group = (
      await client.request<{ id: string }>('POST', '/Groups', {
        schemas: [GROUP_URN],
        displayName: 'Eng',
      })
    ).body!.id;
    await client.request('PATCH', `/Groups/${group}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }],
    });
  }

  it('adds missing users and groups, and reports conflicts without overwriting', async () => {
    await seedTarget();
    const db = openStateDb(state);
    createApp(db, {
      name: 'app1',
      preset: 'aws',
      endpoint: mock.scimBaseUrl(),
      token: mock.token,
      features: { import: true },
    });
    addUser(db, {
      userName: 'bob@example.com',
      firstName: 'Bob',
      lastName: 'X',
      email: 'bob@example.com',
      displayName: 'Bob X',
    });
    db.close();

    const { out } = await runCli(state, 'import', '--app', 'app1');
    expect(out).to.include(
      'app1: 1 users added, 1 matched; 1 groups added, 0 matched; 2 memberships added',
    );
    expect(out).to.include(
      'conflict: user "bob@example.com": firstName is "Bob" in the directory but "Bobby" on the target',
    );

    const after = openStateDb(state);
    expect(getUser(after, 'ada@example.com')).to.include({
      firstName: 'Ada',
      source: 'import:app1',
    });
    expect(getUser(after, 'bob@example.com')).to.include({ firstName: 'Bob', source: 'local' });
    expect(getGroup(after, 'Eng')).to.exist;
    expect(
      membersOf(after, 'Eng')
        .map((u) => u.userName)
        .sort(),
    ).to.deep.equal(['ada@example.com', 'bob@example.com']);
    after.close();
    expect(
      (await mock.admin.journal()).filter((e) => e.method !== 'GET' && !e.path.includes('_admin')),
    ).to.have.length(4);
  });

  it('refuses when the app has import switched off', async () => {
    const db = openStateDb(state);
    createApp(db, {
      name: 'app1',
      preset: 'aws',
      endpoint: mock.scimBaseUrl(),
      token: mock.token,
      features: { import: false },
    });
    db.close();
    const error = (await runCli(state, 'import', '--app', 'app1').catch((e: Error) => e)) as Error;
    expect(error.message).to.match(/import switched off/);
  });
});
