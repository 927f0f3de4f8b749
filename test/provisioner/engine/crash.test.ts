import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { openStateDb } from '../../../provisioner/state/db.ts';
import { seedDirectory, userName } from './directory-fixture.ts';
import { lastSeq, startMock, targetState } from './harness.ts';

const USERS = 300;

function spawnSync(state: string) {
  return spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--state', state, 'sync'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('engine crash safety', function () {
  this.timeout(120_000);
  let mock: RunningMock;
  let dir: string;
  beforeEach(async () => {
    mock = await startMock();
    dir = mkdtempSync(join(tmpdir(), 'scim-harness-crash-'));
  });
  afterEach(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function writesSoFar(): Promise<number> {
    return (await mock.admin.journal({ method: 'POST' })).filter((e) => e.path.includes('/Users'))
      .length;
  }

  it('converges with no duplicate and no lost change after SIGKILL mid-sync and a rerun', async () => {
    const state = join(dir, 'state.db');
    const db = openStateDb(state);
    seedDirectory(db, {
      endpoint: mock.scimBaseUrl(),
      token: mock.token,
      users: USERS,
      groups: 3,
      groupsPerUser: 2,
      app: { concurrency: 8 },
    });
    db.close();
    // Slow answers keep many writes in flight when the kill lands.
    await mock.admin.setFaults({ rules: [{ kind: 'latency', latencyMs: 30, rate: 1 }] });

    const first = spawnSync(state);
    const firstExit = exited(first);
    while ((await writesSoFar()) < USERS / 3) await sleep(20);
    first.kill('SIGKILL');
    expect(await firstExit).to.equal(null);
    const createdBeforeKill = await writesSoFar();
    expect(createdBeforeKill).to.be.below(USERS);

    await mock.admin.clearFaults();
    const second = spawnSync(state);
    let output = '';
    second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await exited(second), output).to.equal(0);

    const target = await targetState(mock);
    const names = target.users.map((u) => String(u.userName));
    expect(names).to.have.length(USERS);
    expect(new Set(names).size).to.equal(USERS);
    expect(names.sort()).to.deep.equal(Array.from({ length: USERS }, (_, i) => userName(i)).sort());
    expect(target.groups).to.have.length(3);
    for (const members of target.members.values()) expect(members).to.have.length((USERS * 2) / 3);

    const after = openStateDb(state);
    expect(after.prepare('SELECT COUNT(*) AS n FROM engine_intents').get()).to.deep.equal({ n: 0 });
    after.close();
    const seq = await lastSeq(mock);
    expect(await exited(spawnSync(state))).to.equal(0);
    const third = await mock.admin.journal({ sinceSeq: seq });
    expect(third, 'a third run sends nothing').to.deep.equal([]);
  });
});
