// What the runner learns about one check while mocha runs it, before it becomes a CheckResult.
import type { Exchange } from '../model.ts';
import type { Check } from './check.ts';
import type { RawOutcome } from './expectations.ts';

export interface CheckState {
  check: Check;
  suiteIndex: number;
  raw?: RawOutcome;
  message?: string;
  reason?: string;
  durationMs: number;
  exchanges: Exchange[];
}

export function newCheckState(check: Check, suiteIndex: number): CheckState {
  return { check, suiteIndex, durationMs: 0, exchanges: [] };
}

/** One line for a failure: assertion messages already say expected vs actual. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
