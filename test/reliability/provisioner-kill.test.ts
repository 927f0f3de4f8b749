// A CLI sync killed with SIGKILL at seeded random points, then run to the end, leaves the target
// equal to the directory with no duplicate; `npm run bench:kill` does 2,000 users and 20 kills.
import { expect } from 'chai';

import { killAndConverge } from './provisioner/kill-run.ts';

describe('provisioner killed mid-sync', function () {
  this.timeout(180_000);

  it('converges exactly after 4 SIGKILLs during a 200-user sync', async () => {
    const result = await killAndConverge({
      users: 200,
      groups: 4,
      kills: 4,
      seed: 20261203,
      // Recovery reads the target once, so a killed run goes straight back to writing: kills
      // must come soon after the first request, and answers slowly, to land 4 inside 200 users.
      windowMs: 400,
      latencyMs: 50,
    });
    console.log(`      ${JSON.stringify(result)}`);
    expect(result.killed, 'every kill point landed inside the sync').to.equal(4);
    expect(result.usersBeforeFinal, 'the kills left work for the final run').to.be.below(200);
    expect(result.pendingIntents[0], 'the first kill left writes of unknown outcome').to.be.above(
      0,
    );
  });
});
