import { expect } from 'chai';

import { syncDesired } from '../../../provisioner/engine/sync.ts';
import { awsError, startFakeTarget } from '../client/fake-target.ts';
import type { FakeTarget, Handler } from '../client/fake-target.ts';
import { ALL_FEATURES, desired, memoryDb, user } from './harness.ts';

/** A target where `alice` appears only after the first POST, which answers `firstPost`. */
function raceTarget(firstPost: { status: number; body?: unknown }): Handler {
  let posts = 0;
  let created = false;
  return (req) => {
    if (req.method === 'GET') {
      const resources = created
        ? [{ id: 'remote-1', userName: 'user1@example.com', active: true }]
        : [];
      return { status: 200, body: { totalResults: resources.length, Resources: resources } };
    }
    posts += 1;
    created = true;
    return posts === 1 ? firstPost : awsError(409, 'Refused to create a new, duplicate resource.');
  };
}

describe('engine create conflicts', () => {
  let target: FakeTarget | undefined;
  afterEach(async () => target?.close());

  async function syncAgainst(handler: Handler) {
    target = await startFakeTarget(handler);
    const app = {
      name: 'a',
      preset: 'aws' as const,
      endpoint: target.baseUrl,
      token: 't',
      features: { ...ALL_FEATURES },
      deprovision: { mode: 'deactivate' as const, graceDays: 0 },
      maxDeprovisionShare: 1,
      concurrency: 1,
    };
    const db = memoryDb();
    const summary = await syncDesired(db, desired(app, [user(1)]));
    const row = db.prepare('SELECT remote_id, origin FROM engine_users').get();
    return { summary, row, posts: target.seen.filter((r) => r.method === 'POST').length };
  }

  it('links, never loops, when a first create answers 409: the user is not ours', async () => {
    const { summary, row, posts } = await syncAgainst(
      raceTarget(awsError(409, 'Refused to create a new, duplicate resource.')),
    );
    expect(summary.status).to.equal('ok');
    expect(summary.counts).to.include({ usersCreated: 0, usersLinked: 1 });
    expect(posts).to.equal(1);
    expect(row).to.deep.equal({ remote_id: 'remote-1', origin: 'adopted' });
  });

  it('records a 409 after its own retried create as created here', async () => {
    const { summary, row, posts } = await syncAgainst(
      raceTarget(awsError(503, 'An internal error occurred.')),
    );
    expect(summary.status).to.equal('ok');
    expect(posts).to.equal(2);
    expect(row).to.deep.equal({ remote_id: 'remote-1', origin: 'created' });
  });
});
