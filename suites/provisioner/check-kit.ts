// What every provisioner check does first: take a step of its scenario, attach what the
// provisioner sent to the check's exchanges, and stop early when the step could not run.
import type { JournalEntry } from '../../mock-server/context.ts';
import type { CheckContext } from '../runner/check.ts';
import { fail } from '../service-provider/support/expect.ts';
import type { Scenario, StepRecord } from './scenario.ts';
import { isWrite, toExchange } from './traffic.ts';

/** Most exchanges attached to one check, writes first, so a 250-member push stays readable. */
const MAX_EXCHANGES = 40;

export interface StepOptions {
  /** The driver may fail this step (e.g. a user AWS refuses); the check judges the traffic. */
  mayFail?: boolean;
  /** The check needs what the AWS side held after the step. */
  observed?: boolean;
}

/** The named step, with its traffic attached to the check; ends the check when it cannot judge. */
export function stepOf(
  ctx: CheckContext,
  scenario: Scenario,
  name: string,
  options: StepOptions = {},
): StepRecord {
  const setup = scenario.steps.get('setup');
  if (setup?.error) fail(`the driver's setup failed: ${setup.error}`);
  const step = scenario.steps.get(name);
  if (!step) return fail(`step '${name}' did not run`);
  attach(ctx, scenario.mock.origin, step.entries);
  if (step.unsupported)
    ctx.notApplicable(`the driver does not support step '${name}': ${step.error}`);
  if (step.error && !options.mayFail) fail(`step '${name}' failed in the driver: ${step.error}`);
  if (options.observed && step.observeError) {
    fail(`reading the AWS side after step '${name}' failed: ${step.observeError}`);
  }
  return step;
}

/** Steps of a scenario by name, each checked as `stepOf` does. */
export function stepsOf(
  ctx: CheckContext,
  scenario: Scenario,
  names: readonly string[],
): StepRecord[] {
  return names.map((name) => stepOf(ctx, scenario, name));
}

/** Adds journal entries to the check's exchanges, so the report shows what was sent. */
export function attach(ctx: CheckContext, origin: string, entries: readonly JournalEntry[]) {
  const room = MAX_EXCHANGES - ctx.http.exchanges.length;
  if (room <= 0) return;
  const chosen = [...entries.filter(isWrite), ...entries.filter((entry) => !isWrite(entry))]
    .slice(0, room)
    .sort((a, b) => a.seq - b.seq);
  ctx.http.exchanges.push(...chosen.map((entry) => toExchange(entry, origin)));
}

/** `what` for a message: `POST /Users (400)`. */
export function describeEntry(entry: JournalEntry): string {
  const path = entry.path.replace(/^.*\/scim\/v2/, '');
  return `${entry.method} ${path} (${entry.status})`;
}
