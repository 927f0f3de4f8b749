// A target's known deviations, checked in by the user: `{ "<check id>": { outcome, reason } }`.
// Applying it turns raw pass/fail into outcomes; the run fails only where results differ from it.
import { readFile, writeFile } from 'node:fs/promises';

import { ConfigError } from '../../scim/errors.ts';
import type { CheckResult, Outcome } from '../model.ts';

export interface Expectation {
  outcome: 'fail';
  reason: string;
}

export type Expectations = Record<string, Expectation>;

/** Raw result of one check before expectations apply. */
export type RawOutcome = 'passed' | 'failed' | 'not-applicable';

/** Reads an expectations file; a missing path is a user error, named with the fix. */
export async function loadExpectations(path: string | undefined): Promise<Expectations> {
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read expectations file '${path}'; create it with --update-expectations`,
      {
        cause: error,
      },
    );
  }
  return parseExpectations(text, path);
}

export function parseExpectations(text: string, where: string): Expectations {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`expectations file '${where}' must hold a JSON object keyed by check id`);
  }
  for (const [id, entry] of Object.entries(data as Record<string, Partial<Expectation>>)) {
    if (entry?.outcome !== 'fail' || typeof entry.reason !== 'string' || entry.reason === '') {
      throw new ConfigError(
        `expectations file '${where}', entry '${id}': expected { "outcome": "fail", "reason": "…" }`,
      );
    }
  }
  return data as Expectations;
}

/** The reported outcome of a raw result under the expectations. */
export function applyExpectation(raw: RawOutcome, expected: Expectation | undefined): Outcome {
  if (!expected || raw === 'not-applicable') return raw;
  return raw === 'failed' ? 'known-deviation' : 'fixed-deviation';
}

/** True when the run differs from the expectations: a new failure or a fixed deviation. */
export function differsFromExpectations(results: readonly CheckResult[]): boolean {
  return results.some(
    (result) => result.outcome === 'failed' || result.outcome === 'fixed-deviation',
  );
}

/**
 * The expectations after this run: failures are recorded (keeping reasons already written),
 * passes are dropped, and entries for checks this run did not execute are kept.
 */
export function updatedExpectations(
  previous: Expectations,
  results: readonly CheckResult[],
  reasonFor: (result: CheckResult) => string,
): Expectations {
  const next: Expectations = { ...previous };
  for (const result of results) {
    if (result.outcome === 'failed' || result.outcome === 'known-deviation') {
      next[result.id] = {
        outcome: 'fail',
        reason: previous[result.id]?.reason ?? reasonFor(result),
      };
    } else if (result.outcome === 'passed' || result.outcome === 'fixed-deviation') {
      delete next[result.id];
    }
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
}

export async function writeExpectations(path: string, expectations: Expectations): Promise<void> {
  await writeFile(path, `${JSON.stringify(expectations, null, 2)}\n`, 'utf8');
}
