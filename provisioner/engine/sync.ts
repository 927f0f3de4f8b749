// Sync: for each app, resolve leftover intents, optionally reconcile with the target, plan
// against what was pushed, check the deprovisioning guard, and apply. `syncApps` is the entry
// the configuration side calls after each change.
import type Database from 'better-sqlite3';

import { HarnessError } from '../../scim/errors.ts';
import { TargetError } from '../client/target-error.ts';
import { buildDesiredState } from '../desired-state.ts';
import type { DesiredState } from '../model.ts';
import { ApplyContext } from './apply/context.ts';
import { runPlan } from './apply/run-plan.ts';
import { TargetIndex } from './apply/target-index.ts';
import { buildPlan, planSteps } from './plan/build-plan.ts';
import type { Plan } from './plan/types.ts';
import { Progress } from './progress.ts';
import { reconcile } from './reconcile.ts';
import { recoverIntents } from './recover.ts';
import { openSession } from './session.ts';
import type { Session } from './session.ts';
import type { PushedState } from './store/pushed-store.ts';
import { emptyCounts } from './summary.ts';
import type { SyncSummary } from './summary.ts';

export interface SyncOptions {
  /** Also read the target and repair drift on objects this provisioner created. */
  reconcile?: boolean;
  /** Go on when the run would deprovision more than the app's maxDeprovisionShare. */
  allowMassDeprovision?: boolean;
  onProgress?(line: string): void;
  now?: Date;
}

/** Syncs each app in turn; one app's failure is reported in its summary, not thrown. */
export async function syncApps(
  db: Database.Database,
  appNames: string[],
  options: SyncOptions = {},
): Promise<SyncSummary[]> {
  const summaries: SyncSummary[] = [];
  for (const name of appNames) {
    let desired: DesiredState;
    try {
      desired = buildDesiredState(db, name);
    } catch (error) {
      // A directory that cannot be read fully must never look like "everyone left".
      summaries.push(failedSummary(name, `reading the directory failed: ${messageOf(error)}`));
      continue;
    }
    summaries.push(await syncDesired(db, desired, options));
  }
  return summaries;
}

export async function syncDesired(
  db: Database.Database,
  desired: DesiredState,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const session = openSession(db, desired.app);
  try {
    return await syncSession(session, desired, options);
  } finally {
    session.client.close();
  }
}

async function syncSession(
  session: Session,
  desired: DesiredState,
  options: SyncOptions,
): Promise<SyncSummary> {
  const started = performance.now();
  const finish = (summary: Omit<SyncSummary, 'durationMs' | 'requests' | 'reads' | 'writes'>) => ({
    ...summary,
    ...session.traffic,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    await recoverIntents(session.client, session.store, session.intents);
    if (options.reconcile) await reconcile(session.client, session.store, session.store.load());
  } catch (error) {
    if (!(error instanceof TargetError || error instanceof HarnessError)) throw error;
    return finish({
      app: desired.app.name,
      status: 'aborted',
      counts: emptyCounts(),
      failures: [],
      message: `reading the target failed, nothing was changed: ${messageOf(error)}`,
    });
  }
  // Loaded once: at 10,000 users the store is the engine's largest per-run cost.
  const pushed = session.store.load();
  const plan = buildPlan(desired, pushed, options.now);
  if (plan.guard.exceeded && !options.allowMassDeprovision) {
    return finish({
      app: desired.app.name,
      status: 'blocked',
      counts: emptyCounts(),
      failures: [],
      message: guardMessage(plan),
    });
  }
  return finish(await apply(session, plan, pushed, options));
}

async function apply(session: Session, plan: Plan, pushed: PushedState, options: SyncOptions) {
  const counts = emptyCounts();
  const progress = new Progress(plan.app, planSteps(plan), (line) => options.onProgress?.(line));
  const ctx = new ApplyContext(
    session.client,
    session.store,
    session.intents,
    counts,
    progress,
    new TargetIndex(session.client),
    pushed,
  );
  try {
    await runPlan(ctx, plan);
  } catch (error) {
    // Only the preload read throws a TargetError out of runPlan; it comes before any write.
    if (!(error instanceof TargetError)) throw error;
    return {
      app: plan.app,
      status: 'aborted' as const,
      counts,
      failures: ctx.failures,
      message: `reading the target failed, nothing was changed: ${messageOf(error)}`,
    };
  }
  const status = ctx.stopped
    ? ('failed' as const)
    : ctx.failures.length > 0
      ? ('partial' as const)
      : ('ok' as const);
  return { app: plan.app, status, counts, failures: ctx.failures, message: ctx.stopped };
}

function guardMessage(plan: Plan): string {
  const { deprovisions, pushed, limit } = plan.guard;
  return `stopped: this run would deprovision ${deprovisions} of ${pushed} users, more than the app's limit of ${limit}; review with \`scim-harness plan --app ${plan.app}\` and rerun with --yes to go on`;
}

function failedSummary(app: string, message: string): SyncSummary {
  return {
    app,
    status: 'failed',
    counts: emptyCounts(),
    requests: 0,
    reads: 0,
    writes: 0,
    failures: [],
    message,
    durationMs: 0,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
