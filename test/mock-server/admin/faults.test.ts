import { expect } from 'chai';

import type { FaultRule } from '../../../mock-server/context.ts';
import { SeededFaultInjector } from '../../../mock-server/admin/faults.ts';
import type { FaultTarget } from '../../../mock-server/admin/faults.ts';
import { ConfigError } from '../../../scim/errors.ts';

const USERS: FaultTarget = { method: 'POST', path: '/Users', tenantId: 't1' };

function hitsOf(injector: SeededFaultInjector, requests: number, target = USERS): boolean[] {
  return Array.from({ length: requests }, () => injector.decide(target)?.terminal != null);
}

describe('mock-server/admin/faults SeededFaultInjector', () => {
  it('fires a 30% rule on roughly 30% of requests, the same ones for the same seed', () => {
    const rules: FaultRule[] = [{ kind: 'status', status: 503, rate: 0.3 }];
    const first = hitsOf(new SeededFaultInjector({ rules, seed: 42 }), 2000);
    const again = hitsOf(new SeededFaultInjector({ rules, seed: 42 }), 2000);
    const other = hitsOf(new SeededFaultInjector({ rules, seed: 43 }), 2000);
    const share = first.filter(Boolean).length / first.length;
    expect(share).to.be.within(0.27, 0.33);
    expect(again).to.deep.equal(first);
    expect(other).to.not.deep.equal(first);
  });

  it('restarts the random sequence when the rules are set again', () => {
    const injector = new SeededFaultInjector({ rules: [{ kind: 'drop', rate: 0.5 }], seed: 7 });
    const first = hitsOf(injector, 50);
    injector.configure({ rules: [{ kind: 'drop', rate: 0.5 }] });
    expect(hitsOf(injector, 50)).to.deep.equal(first);
  });

  it('matches method, tenant and path (substring or regex after /scim/v2)', () => {
    const injector = new SeededFaultInjector({
      rules: [
        { id: 'patch-groups', kind: 'status', status: 500, method: 'patch', path: '/Groups' },
        { id: 'one-user', kind: 'drop', tenantId: 't2', path: '/^\\/Users\\/[^/]+$/' },
      ],
    });
    const label = (target: FaultTarget) => injector.decide(target)?.labels.join(',') ?? null;
    expect(label({ method: 'PATCH', path: '/Groups/g1', tenantId: 't1' })).to.equal('patch-groups');
    expect(label({ method: 'GET', path: '/Groups/g1', tenantId: 't1' })).to.equal(null);
    expect(label({ method: 'GET', path: '/Users/u1', tenantId: 't2' })).to.equal('one-user');
    expect(label({ method: 'GET', path: '/Users/u1', tenantId: 't1' })).to.equal(null);
    expect(label({ method: 'GET', path: '/Users', tenantId: 't2' })).to.equal(null);
  });

  it('adds up latency rules and stops at the first status or drop rule', () => {
    const injector = new SeededFaultInjector({
      rules: [
        { kind: 'latency', latencyMs: 20 },
        { id: 'slow', kind: 'latency', latencyMs: 30 },
        { kind: 'status', status: 429 },
        { kind: 'drop' },
      ],
    });
    const decision = injector.decide(USERS);
    expect(decision).to.deep.include({ latencyMs: 50, labels: ['latency', 'slow', 'status'] });
    expect(decision?.terminal).to.include({ kind: 'status', status: 429 });
  });

  it('stops a rule after `times` hits', () => {
    const injector = new SeededFaultInjector({ rules: [{ kind: 'drop', times: 2 }] });
    expect(hitsOf(injector, 4)).to.deep.equal([true, true, false, false]);
  });

  it('AWS-THROTTLE-429: admits a burst of `rateLimit` per tenant, then refills at that rate', () => {
    const injector = new SeededFaultInjector({ rateLimit: 3 });
    const at = 1_000_000;
    const burst = [1, 2, 3, 4].map(() => injector.admit('t1', at));
    expect(burst).to.deep.equal([true, true, true, false]);
    expect(injector.admit('t2', at)).to.equal(true);
    expect(injector.admit('t1', at + 300)).to.equal(false);
    expect(injector.admit('t1', at + 340)).to.equal(true);
    injector.configure({ rateLimit: null });
    expect(injector.rateLimited).to.equal(false);
  });

  it('clears rules and the rate limit but keeps the seed', () => {
    const injector = new SeededFaultInjector({ rules: [{ kind: 'drop' }], rateLimit: 5, seed: 9 });
    injector.clear();
    expect(injector.settings()).to.deep.equal({ rules: [], rateLimit: null, seed: 9 });
    expect(injector.decide(USERS)).to.equal(null);
  });

  it('hands out copies of its settings', () => {
    const injector = new SeededFaultInjector({ rules: [{ kind: 'drop' }] });
    injector.settings().rules.push({ kind: 'latency', latencyMs: 1 });
    expect(injector.settings().rules).to.have.length(1);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['an unknown kind', { rules: [{ kind: 'explode' }] }, /rules\[0\]: 'kind' must be one of/],
    [
      'status 404',
      { rules: [{ kind: 'status', status: 404 }] },
      /'status' must be 429, 500 or 503/,
    ],
    ['a status rule without status', { rules: [{ kind: 'status' }] }, /needs 'status'/],
    [
      'a rate above 1',
      { rules: [{ kind: 'drop', rate: 1.5 }] },
      /'rate' must be a number from 0 to 1/,
    ],
    [
      'latency over a minute',
      { rules: [{ kind: 'latency', latencyMs: 60_001 }] },
      /'latencyMs' must be an integer from 0 to 60000/,
    ],
    ['latency on a drop rule', { rules: [{ kind: 'drop', latencyMs: 5 }] }, /does not apply/],
    ['a misspelt field', { rules: [{ kind: 'drop', rat: 0.5 }] }, /unknown field\(s\) rat/],
    [
      'Retry-After on a 500',
      { rules: [{ kind: 'status', status: 500, retryAfter: 1 }] },
      /429 or 503/,
    ],
    ['a bad regex', { rules: [{ kind: 'drop', path: '/[/' }] }, /rules\[0\]: .*not a valid regex/],
    ['a negative rate limit', { rateLimit: -1 }, /'rateLimit' must be null or a positive number/],
    ['rules that are not an array', { rules: {} }, /'rules' must be an array/],
  ];
  for (const [what, settings, message] of invalid) {
    it(`refuses ${what} with a ConfigError and keeps the old settings`, () => {
      const injector = new SeededFaultInjector({ rules: [{ kind: 'drop' }] });
      expect(() => injector.configure(settings as never)).to.throw(ConfigError, message);
      expect(injector.settings().rules).to.deep.equal([{ kind: 'drop' }]);
    });
  }
});
