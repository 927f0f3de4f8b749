// Throttling and refusals: back off and retry a 429 (honouring Retry-After), retry a passing 500,
// and never resend a request AWS refused with 400 (AWS-THROTTLE-429, AWS-ERROR-INTERNAL-500).
import type { JournalEntry } from '../../../mock-server/context.ts';
import type { Check } from '../../runner/check.ts';
import { ensure, expectEqual } from '../../service-provider/support/expect.ts';
import type { ScimResource } from '../aws-view.ts';
import { stepOf } from '../check-kit.ts';
import type { DriverUser } from '../driver.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { RETRY_AFTER_SECONDS } from '../scenarios/resilience.ts';
import { touches } from '../traffic.ts';
import { pvCheck } from './support.ts';

const AREA = 'resilience';
/** Less than this between an answer and the next attempt is an immediate retry, not a backoff. */
const MIN_BACKOFF_MS = 40;
/** Timestamps have millisecond precision and start when a request arrives. */
const CLOCK_SLACK_MS = 50;

export function resilienceChecks(s: Scenarios): Check[] {
  return [
    pvCheck({
      id: 'PV-RETRY-429',
      area: AREA,
      title: 'A create answered 429 is retried and the user is created',
      level: 'MUST',
      references: ['AWS-THROTTLE-429'],
      run: async (ctx) => {
        const { scenario, dave } = await s.resilience(ctx);
        const step = stepOf(ctx, scenario, 'create-throttled', { observed: true });
        const attempts = userCreates(step.entries);
        ensure(
          attempts[0]?.status === 429,
          'the first create was not answered 429 (fault not hit)',
        );
        expectCreated(step.observed, dave);
      },
    }),
    pvCheck({
      id: 'PV-RETRY-AFTER',
      area: AREA,
      title: `After a 429 with Retry-After: ${RETRY_AFTER_SECONDS}, the retry waits that long`,
      level: 'SHOULD',
      references: ['AWS-THROTTLE-429', 'RFC 9110 §10.2.3'],
      run: async (ctx) => {
        const { scenario } = await s.resilience(ctx);
        const attempts = userCreates(stepOf(ctx, scenario, 'create-throttled').entries);
        ensure(
          attempts.length >= 2,
          `expected a retry after the 429, saw ${attempts.length} attempt(s)`,
        );
        const waited = gapMs(attempts[0], attempts[1]);
        const wanted = RETRY_AFTER_SECONDS * 1000 - CLOCK_SLACK_MS;
        ensure(waited >= wanted, `the retry came ${waited} ms after the 429, before Retry-After`);
      },
    }),
    pvCheck({
      id: 'PV-BACKOFF-429',
      area: AREA,
      title: 'Without Retry-After, each retry of a 429 waits first, and a few attempts suffice',
      level: 'SHOULD',
      references: ['AWS-THROTTLE-429'],
      run: async (ctx) => {
        const { scenario, erin } = await s.resilience(ctx);
        const step = stepOf(ctx, scenario, 'create-backoff', { observed: true });
        const attempts = userCreates(step.entries);
        ensure(attempts.length >= 3, `two 429s need three attempts, saw ${attempts.length}`);
        ensure(attempts.length <= 5, `${attempts.length} attempts for two 429s`);
        for (let i = 1; i < attempts.length; i += 1) {
          const waited = gapMs(attempts[i - 1], attempts[i]);
          ensure(waited >= MIN_BACKOFF_MS, `attempt ${i + 1} came ${waited} ms after a 429`);
        }
        expectCreated(step.observed, erin);
      },
    }),
    pvCheck({
      id: 'PV-RETRY-5XX',
      area: AREA,
      title: 'An update answered 500 once is retried and reaches AWS',
      level: 'SHOULD',
      references: ['AWS-ERROR-INTERNAL-500'],
      run: async (ctx) => {
        const { scenario, newGivenName } = await s.resilience(ctx);
        const step = stepOf(ctx, scenario, 'update-after-500', { observed: true });
        ensure(
          step.entries.some((entry) => entry.status === 500),
          'no request was answered 500',
        );
        const user = step.observed as ScimResource | undefined;
        expectEqual(
          (user?.name as Record<string, unknown> | undefined)?.givenName,
          newGivenName,
          'name.givenName',
        );
      },
    }),
    pvCheck({
      id: 'PV-NO-RETRY-400',
      area: AREA,
      title: 'A create AWS refuses with 400 is not sent again',
      level: 'MUST',
      references: ['AWS-USER-RESERVED-NAMES', 'AWS-ERROR-BODY'],
      run: async (ctx) => {
        const { scenario } = await s.resilience(ctx);
        const step = stepOf(ctx, scenario, 'create-refused', { mayFail: true });
        const attempts = userCreates(step.entries);
        const refusals = attempts.filter((entry) => entry.status === 400).length;
        ensure(refusals <= 1, `the refused create was sent ${refusals} times`);
        ensure(attempts.length <= 1, `${attempts.length} creates for a user AWS refuses`);
      },
    }),
    pvCheck({
      id: 'PV-ERROR-REPORTED',
      area: AREA,
      title: 'A user AWS refuses is reported as failed, not as done',
      level: 'SHOULD',
      references: ['AWS-USER-RESERVED-NAMES', 'AWS-ERROR-BODY'],
      run: async (ctx) => {
        const { scenario, refused } = await s.resilience(ctx);
        const step = stepOf(ctx, scenario, 'create-refused', { mayFail: true });
        ensure(
          step.error,
          `createUser(${refused.userName}) claimed success although AWS refuses it`,
        );
      },
    }),
    pvCheck({
      id: 'PV-ERROR-ISOLATED',
      area: AREA,
      title: 'After a refused user, the next user is still created',
      level: 'SHOULD',
      references: ['AWS-USER-CREATE-201'],
      run: async (ctx) => {
        const { scenario, frank } = await s.resilience(ctx);
        // The provisioner may report the refused user again in this step; only frank's outcome counts.
        const step = stepOf(ctx, scenario, 'create-after-refused', {
          mayFail: true,
          observed: true,
        });
        expectCreated(step.observed, frank);
      },
    }),
  ];
}

/**
 * The step's POST /Users: each step creates one user. A request answered by a fault carries no
 * body in the journal (the mock answers before parsing it), so the userName cannot pick them.
 */
function userCreates(entries: readonly JournalEntry[]): JournalEntry[] {
  return entries.filter((entry) => touches(entry, 'POST', '/Users'));
}

function expectCreated(observed: unknown, user: DriverUser): void {
  const found = observed as ScimResource | undefined;
  ensure(found, `${user.userName} is not on AWS`);
}

/** Milliseconds from the answer to `first` until `second` arrived. */
function gapMs(first: JournalEntry, second: JournalEntry): number {
  const answered = Date.parse(first.at) + first.durationMs;
  return Math.round(Date.parse(second.at) - answered);
}
