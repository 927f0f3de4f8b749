import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import type { RunningMock } from '../../mock-server/server.ts';
import { openStateDb } from '../../provisioner/state/db.ts';
import { runCli } from '../provisioner/engine/cli-runner.ts';
import { seedDirectory } from '../provisioner/engine/directory-fixture.ts';
import { startMock, targetState } from '../provisioner/engine/harness.ts';

describe('cli plan, sync and log', () => {
  let mock: RunningMock;
  let dir: string;
  let state: string;
  beforeEach(async () => {
    mock = await startMock();
    dir = mkdtempSync(join(tmpdir(), 'scim-harness-sync-'));
    state = join(dir, 'state.db');
    const db = openStateDb(state);
    seedDirectory(db, { endpoint: mock.scimBaseUrl(), token: mock.token, users: 3, groups: 1 });
    db.close();
  });
  afterEach(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans without sending, syncs, then plans nothing', async () => {
    const plan = await runCli(state, 'plan');
    expect(plan.out).to.include('app1: 5 writes planned');
    expect(plan.out).to.include('+ create user user00000@example.com');
    expect(plan.out).to.include('+ add 3 members to group Group 000');
    expect(await mock.admin.journal()).to.have.length(0);
    const json = JSON.parse((await runCli(state, 'plan', '--app', 'app1', '--json')).out);
    expect(json[0].users).to.have.length(3);

    const sync = await runCli(state, 'sync');
    // Each create is preceded by a lookup (externalId, then userName; displayName for the group).
    expect(sync.out).to.match(/^app1: ok, 5 writes, 7 reads/);
    expect(sync.err).to.match(/app1: 5\/5 steps/);
    expect((await targetState(mock)).members.get('Group 000')).to.have.length(3);
    expect((await runCli(state, 'plan')).out).to.include('nothing to do');
  });

  it('shows the audit log newest first, as text and JSON, without the token', async () => {
    await runCli(state, 'sync');
    const text = (await runCli(state, 'log', '--limit', '2')).out.trim().split('\n');
    expect(text).to.have.length(2);
    expect(text[0]).to.match(/app1 add-members group "Group 000".*PATCH \/Groups\/.* 20\d ok/);
    const entries = JSON.parse((await runCli(state, 'log', '--app', 'app1', '--json')).out);
    const operations = entries.map((e: { operation: string }) => e.operation);
    expect(operations.filter((op: string) => op === 'create-user')).to.have.length(3);
    expect(operations.filter((op: string) => op === 'match-user')).to.have.length(6);
    expect(JSON.stringify(entries)).to.not.include(mock.token);
  });

  it('stops a mass deprovisioning unless --yes is given', async () => {
    await runCli(state, 'sync');
    const db = openStateDb(state);
    db.prepare('UPDATE apps SET max_deprovision_share = 0.2').run();
    db.prepare('DELETE FROM policies').run();
    db.close();
    const refused = (await runCli(state, 'sync').catch((error: Error) => error)) as Error;
    expect(refused.message).to.match(/sync did not complete for app1 \(blocked\)/);
    const forced = await runCli(state, 'sync', '--yes');
    expect(forced.out).to.match(/app1: ok, 4 writes/);
  });
});
