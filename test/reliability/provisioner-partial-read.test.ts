// A read that fails halfway, of the target or of the directory, must never look like "these
// users are gone": the run reports the failure and the mock's journal shows no write at all.
import { openSync, writeSync, closeSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Database from 'better-sqlite3';
import { expect } from 'chai';

import { seededRandom } from '../../mock-server/admin/seeded-random.ts';
import type { JournalEntry } from '../../mock-server/context.ts';
import type { RunningMock } from '../../mock-server/server.ts';
import { openStateDb } from '../../provisioner/state/db.ts';
import { runCli } from '../provisioner/engine/cli-runner.ts';
import { seedDirectory } from '../provisioner/engine/directory-fixture.ts';
import { lastSeq, startMock } from '../provisioner/engine/harness.ts';
import { journalSince } from './provisioner/fault-run.ts';

const USERS = 250;
/** The client's attempts per request (provisioner/client/backoff.ts DEFAULT_RETRY). */
const ATTEMPTS = 8;
const HIT_RATE = 0.9;

/** A fault seed whose draws spare the first list page and hit the second on every attempt. */
function secondPageSeed(): number {
  for (let seed = 1; ; seed += 1) {
    const draw = seededRandom(seed);
    if (draw() < HIT_RATE) continue;
    if (Array.from({ length: ATTEMPTS }, draw).every((value) => value < HIT_RATE)) return seed;
  }
}

function writes(entries: JournalEntry[]): string[] {
  return entries.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`);
}

function deprovisions(entries: JournalEntry[]): JournalEntry[] {
  return entries.filter(
    (e) =>
      e.method === 'DELETE' ||
      (e.method === 'PATCH' && JSON.stringify(e.requestBody).includes('"active"')),
  );
}

async function syncFails(state: string, ...args: string[]): Promise<string> {
  try {
    const output = await runCli(state, 'sync', ...args);
    return `no error; ${output.out}${output.err}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('provisioner partial reads', function () {
  this.timeout(60_000);
  let mock: RunningMock;
  let dir: string;
  let state: string;
  beforeEach(async () => {
    mock = await startMock();
    dir = mkdtempSync(join(tmpdir(), 'scim-harness-partial-'));
    state = join(dir, 'state.db');
    const db = openStateDb(state);
    seedDirectory(db, { endpoint: mock.scimBaseUrl(), token: mock.token, users: USERS, groups: 3 });
    db.close();
    await runCli(state, 'sync');
  });
  afterEach(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const fault of [{ kind: 'status' as const, status: 500 }, { kind: 'drop' as const }]) {
    const name = fault.kind === 'drop' ? 'a dropped connection' : 'a 500';
    it(`deprovisions no one when the second page of GET /Users answers ${name}`, async () => {
      const seed = secondPageSeed();
      await mock.admin.setFaults({
        seed,
        rules: [{ ...fault, method: 'GET', path: '/^\\/Users$/', rate: HIT_RATE }],
      });
      const seq = await lastSeq(mock);
      const message = await syncFails(state, '--reconcile');
      const journal = await journalSince(mock, seq);
      const lists = journal.filter((e) => e.method === 'GET' && e.path.endsWith('/Users'));
      expect(lists[0].status, 'the first page is answered').to.equal(200);
      expect(lists.length, 'the second page is tried on every attempt').to.equal(1 + ATTEMPTS);
      expect(message).to.match(/did not complete.*aborted/);
      expect(deprovisions(journal)).to.deep.equal([]);
      expect(writes(journal), 'no write at all').to.deep.equal([]);
    });
  }

  it('deprovisions no one when a page of the directory users table is corrupt', async () => {
    corruptMiddlePage(state, 'users');
    const seq = await lastSeq(mock);
    const message = await syncFails(state, '--reconcile');
    expect(message).to.match(/did not complete for app1 \(failed\)/);
    const journal = await journalSince(mock, seq);
    expect(deprovisions(journal)).to.deep.equal([]);
    expect(writes(journal), 'no write at all').to.deep.equal([]);
  });
});

/** Overwrites one leaf page of `table` in the middle of the file, as a bad disk would. */
function corruptMiddlePage(path: string, table: string): void {
  const db: Database.Database = openStateDb(path);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .all(table) as { pageno: number }[];
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  expect(pages.length, `${table} spans several pages`).to.be.greaterThan(2);
  const fd = openSync(path, 'r+');
  try {
    const page = pages[Math.floor(pages.length / 2)].pageno;
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
