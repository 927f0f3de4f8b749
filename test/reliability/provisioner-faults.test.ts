// The provisioner converges on the directory while 30% of requests fail (429, 500, 503, dropped
// connections) or are slowed; `npm run bench:faults` runs the larger sizes and every rate.
import { expect } from 'chai';

import { convergeUnderFaults, faultRules } from './provisioner/fault-run.ts';

describe('provisioner under injected faults', function () {
  this.timeout(180_000);

  it('splits the fault rate evenly over 429, 500, 503, drop and latency', () => {
    const rules = faultRules(0.5);
    let untouched = 1;
    const shares = rules.map((rule) => {
      const share = untouched * rule.rate!;
      untouched -= share;
      return share;
    });
    for (const share of shares) expect(share).to.be.closeTo(0.1, 1e-9);
  });

  it('ends with the target equal to the directory, no duplicate, after 30% faults', async () => {
    const result = await convergeUnderFaults({ users: 60, groups: 4, rate: 0.3, seed: 20261203 });
    console.log(`      60 users, 30% faults: ${JSON.stringify(result)}`);
    expect(result.writesAfter, 'a reconcile afterwards finds nothing to write').to.equal(0);
    // The faults really fired: 4/5 of the 30% are failures (the rest is latency).
    expect(result.faulted / result.requests).to.be.within(0.15, 0.35);
  });
});
