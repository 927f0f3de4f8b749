// Issue 5, short load: seconds of bench:load's mixed cycle on an in-process mock; no request may
// fail, and the store must stay consistent and hold the seeded data. No timing assertions.
import { expect } from 'chai';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { checkConsistency } from './consistency.ts';
import { runMixedLoad, type LoadTarget } from './load/mixed-load.ts';
import { seedLoadData } from './load/seed-load-data.ts';

const TOKEN = 'load-test-token-5d1e';

function membershipCount(mock: RunningMock, target: LoadTarget): number {
  const { memberships } = mock.context.store.tenant(target.tenantId);
  return target.groupIds.reduce((sum, id) => sum + memberships.membersOf(id).size, 0);
}

describe('reliability: short mixed load on the mock', function () {
  this.timeout(120_000);
  let mock: RunningMock;
  let target: LoadTarget;

  before(async () => {
    mock = await startMockServer({ logLevel: 'silent', tenantId: 'load', token: TOKEN });
    target = await seedLoadData(mock.origin, mock.tenantId, TOKEN, 100, 10);
  });
  after(async () => mock.stop());

  it('answers every request of the mixed cycle with 2xx and stays consistent', async () => {
    const membersBefore = membershipCount(mock, target);
    const summary = await runMixedLoad(target, { seconds: 4, connections: 8 });
    console.log(
      `      ${summary.requests} requests in ${summary.seconds.toFixed(1)} s, ` +
        `statuses ${JSON.stringify(summary.statuses)}, p99 ${summary.latencyMs.p99} ms`,
    );
    expect(summary.requests, 'the run did some work').to.be.at.least(100);
    expect(summary.failed).to.equal(0);
    expect(Object.keys(summary.statuses).sort()).to.deep.equal(['200', '201', '204']);
    expect(checkConsistency(mock.context.store, [mock.tenantId])).to.deep.equal([]);
    // Cycles cut short by the request count may leave their user; none beyond one per connection.
    const users = mock.context.store.tenant(mock.tenantId).users.size;
    expect(users - target.userIds.length).to.be.within(0, 8);
    expect(membershipCount(mock, target) - membersBefore).to.be.within(0, 8);
  });
});
