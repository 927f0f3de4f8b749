// Small readers the provisioner checks share: user creates for a userName, and a check template
// with the suite's defaults (both profiles, the long timeout a scenario's first check needs).
import type { JournalEntry } from '../../../mock-server/context.ts';
import type { Check } from '../../runner/check.ts';
import { fail } from '../../service-provider/support/expect.ts';
import { describeEntry } from '../check-kit.ts';
import { touches } from '../traffic.ts';

/** The first check to need a scenario runs all of it, a 250-member push included. */
const SCENARIO_TIMEOUT_MS = 180_000;

export type PvCheck = Omit<Check, 'profiles'> & Partial<Pick<Check, 'profiles'>>;

/**
 * The provisioner is judged against mocks of its own, whatever profile the run names; it never
 * sends a request to the run's target, so it is safe under --read-only.
 */
export function pvCheck(check: PvCheck): Check {
  const defaults: Pick<Check, 'profiles' | 'timeoutMs' | 'readOnly'> = {
    profiles: ['aws', 'rfc7644'],
    timeoutMs: SCENARIO_TIMEOUT_MS,
    readOnly: true,
  };
  return { ...defaults, ...check };
}

export function bodyOf(entry: JournalEntry): Record<string, unknown> {
  const body = entry.requestBody;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** POST /Users requests that carry this userName (compared as AWS does, ignoring case). */
export function createsOf(entries: readonly JournalEntry[], userName: string): JournalEntry[] {
  const wanted = userName.toLowerCase();
  return entries.filter(
    (entry) =>
      touches(entry, 'POST', '/Users') &&
      typeof bodyOf(entry).userName === 'string' &&
      (bodyOf(entry).userName as string).toLowerCase() === wanted,
  );
}

/** Fails naming the requests, when any entry matches. */
export function expectNone(
  entries: readonly JournalEntry[],
  matches: (entry: JournalEntry) => boolean,
  what: string,
): void {
  const found = entries.filter(matches);
  if (found.length === 0) return;
  const shown = found.slice(0, 3).map(describeEntry).join(', ');
  fail(`${what}: ${found.length} request(s), e.g. ${shown}`);
}
