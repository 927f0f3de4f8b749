import { expect } from 'chai';

import {
  DEFAULT_RETRY,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../provisioner/client/backoff.ts';

describe('backoff', () => {
  it('grows exponentially with jitter inside [step/2, step] and stops at maxDelayMs', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, undefined, () => 0)).to.equal(50);
    expect(backoffDelay(1, policy, undefined, () => 1)).to.equal(100);
    expect(backoffDelay(3, policy, undefined, () => 1)).to.equal(400);
    expect(backoffDelay(10, policy, undefined, () => 1)).to.equal(1000);
  });

  it('prefers Retry-After, capped by maxRetryAfterMs', () => {
    expect(backoffDelay(1, DEFAULT_RETRY, 2000)).to.equal(2000);
    expect(backoffDelay(1, DEFAULT_RETRY, 600_000)).to.equal(DEFAULT_RETRY.maxRetryAfterMs);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).to.equal(6000);
    expect(parseRetryAfter('soon')).to.be.undefined;
    expect(parseRetryAfter(null)).to.be.undefined;
  });

  it('treats 429 and 5xx as transient and other 4xx as final', () => {
    expect([429, 500, 503].every(isRetryableStatus)).to.be.true;
    expect([400, 401, 404, 409].some(isRetryableStatus)).to.be.false;
  });
});
