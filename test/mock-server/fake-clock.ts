// A settable clock for tests of expiry and timestamps.
import type { Clock } from '../../mock-server/context.ts';

export class FakeClock implements Clock {
  constructor(private at: Date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678))) {}

  now(): Date {
    return new Date(this.at.getTime());
  }

  advanceDays(days: number): void {
    this.advanceMs(days * 86_400_000);
  }

  advanceMs(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
