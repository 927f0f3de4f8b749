// Per-tenant token buckets for the mock's rate limit (AWS-THROTTLE-429): `rate` tokens a second,
// a burst of `rate`, so a client that paces itself at the rate is never refused.

interface Bucket {
  tokens: number;
  refilledAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;

  constructor(private readonly ratePerSecond: number) {
    // Below one request a second a bucket must still hold one whole token to admit anything.
    this.capacity = Math.max(1, ratePerSecond);
  }

  /** Takes a token for the key at time `nowMs`; false when the bucket is empty. */
  take(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, refilledAt: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.refilledAt);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (elapsed / 1000) * this.ratePerSecond);
    bucket.refilledAt = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
