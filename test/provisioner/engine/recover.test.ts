import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { ScimClient } from '../../../provisioner/client/scim-client.ts';
import { BULK_MATCH_THRESHOLD } from '../../../provisioner/engine/apply/target-index.ts';
import { recoverIntents } from '../../../provisioner/engine/recover.ts';
import { IntentLog } from '../../../provisioner/engine/store/intents.ts';
import { PushedStore } from '../../../provisioner/engine/store/pushed-store.ts';
import { seedUsers } from '../../mock-server/scim-test-client.ts';
import { lastSeq, memoryDb, startMock } from './harness.ts';

/** Create intents for `seed0..seed(n-1)@example.com`, as a run killed before their answers. */
function pendingCreates(intents: IntentLog, n: number): void {
  for (let i = 0; i < n; i++) {
    const userName = `seed${i}@example.com`;
    intents.open('create-user', `k${i}`, { userName, hash: `h${i}`, attrs: {} });
  }
}

describe('provisioner/engine/recover recoverIntents', () => {
  let mock: RunningMock;
  let client: ScimClient;
  beforeEach(async () => {
    mock = await startMock();
    client = new ScimClient({ baseUrl: mock.scimBaseUrl(), token: mock.token, concurrency: 4 });
  });
  afterEach(async () => {
    client.close();
    await mock.stop();
  });

  async function recover(intentCount: number, onTarget: number) {
    const db = memoryDb();
    const store = new PushedStore(db, 'app1');
    const intents = new IntentLog(db, 'app1');
    const ids = seedUsers(mock, onTarget);
    pendingCreates(intents, intentCount);
    const seq = await lastSeq(mock);
    const result = await recoverIntents(client, store, intents);
    const requests = await mock.admin.journal({ sinceSeq: seq });
    return { result, ids, store, intents, requests };
  }

  it('links the creates that reached the target and closes every intent', async () => {
    const { result, ids, store, intents } = await recover(4, 2);
    expect(result).to.deep.equal({ resolved: 4, linked: 2 });
    const users = store.load().users;
    expect([...users.keys()].sort()).to.deep.equal(['k0', 'k1']);
    expect(users.get('k0')?.remoteId).to.equal(ids[0]);
    expect(intents.hasPending()).to.equal(false);
  });

  it('looks a few pending creates up one by one', async () => {
    const { requests } = await recover(3, 1);
    expect(requests).to.have.length(3);
    expect(
      requests.every((entry) => String(entry.query.filter).startsWith('userName eq')),
    ).to.equal(true);
  });

  it('reads the target once, page by page, when many creates are pending', async () => {
    const pending = BULK_MATCH_THRESHOLD * 4;
    const { result, requests, store } = await recover(pending, pending / 2);
    expect(result).to.deep.equal({ resolved: pending, linked: pending / 2 });
    expect(store.load().users.size).to.equal(pending / 2);
    // 100 users on the target: one or two list pages instead of 200 lookups.
    expect(requests.length).to.be.at.most(2);
    expect(requests.every((entry) => entry.query.filter === undefined)).to.equal(true);
  });
});
