// Sync: for each app, resolve leftover intents, optionally reconcile with the target, plan
// against what was pushed, check the deprovisioning guard, and apply. `syncApps` is the entry
// the configuration side calls after each change.
import type Database from 'better-sqlite3';

import { HarnessError } from '../../scim/errors.ts';
import { TargetError } from '../client/target-error.ts';
import type { DesiredState } from '../model.ts';
import { ApplyContext } from './apply/context.ts';
import { runPlan } from './apply/run-plan.ts';
import { choosePath } from './choose-path.ts';
import type { SyncPath } from './choose-path.ts';
import { TargetIndex } from './apply/target-index.ts';
import { buildPlan, planSteps } from './plan/build-plan.ts';
import type { Plan } from './plan/types.ts';
import { Progress } from './progress.ts';
import { reconcile } from './reconcile.ts';
import { recoverIntents } from './recover.ts';
import { openSession } from './session.ts';
import type { Session } from './session.ts';
import { ChangeFeed } from './store/change-feed.ts';
import type { PushedState } from './store/pushed-store.ts';
import { emptyCounts } from './summary.ts';
import type { SyncStatus, SyncSummary } from './summary.ts';

export interface SyncOptions {
  /** Also read the target and repair drift on objects this provisioner created. */
  reconcile?: boolean;
  /** Go on when the run would deprovision more than the app's maxDeprovisionShare. */
  allowMassDeprovision?: boolean;
  onProgress?(line: string): void;
  now?: Date;
}

/**
 * Syncs each app in turn; one app's failure is reported in its summary, not thrown. The change
 * feed decides how much each run looks at; a run that ends ok moves the app's watermark.
 */
export async function syncApps(
  db: Database.Database,
  appNames: string[],
  options: SyncOptions = {},
): Promise<SyncSummary[]> {
  const summaries: SyncSummary[] = [];
  for (const name of appNames) summaries.push(await syncApp(db, name, options));
  return summaries;
}

async function syncApp(
  db: Database.Database,
  name: string,
  options: SyncOptions,
): Promise<SyncSummary> {
  const started = performance.now();
  const feed = new ChangeFeed(db, name);
  const head = feed.head();
  let path: SyncPath;
  try {
    path = choosePath(db, feed, head, options);
  } catch (error) {
    // A directory that cannot be read fully must never look like "everyone left".
    return quietSummary(name, 'failed', `reading the directory failed: ${messageOf(error)}`);
  }
  if (path.kind === 'unchanged') {
    const durationMs = Math.round(performance.now() - started);
    return { ...quietSummary(name, 'ok'), durationMs, path: path.kind };
  }
  const session = openSession(db, path.desired.app);
  try {
    const summary = await syncSession(session, path.desired, options, path);
    // Anything short of ok leaves the watermark, so the next run sees these changes again.
    if (summary.status === 'ok') feed.advance(head);
    return { ...summary, path: path.kind };
  } finally {
    session.client.close();
  }
}

/** The full path for a desired state built elsewhere (tests, callers without a directory). */
export async function syncDesired(
  db: Database.Database,
  desired: DesiredState,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const session = openSession(db, desired.app);
  try {
    return await syncSession(session, desired, options, { kind: 'full', desired });
  } finally {
    session.client.close();
  }
}

async function syncSession(
  session: Session,
  desired: DesiredState,
  options: SyncOptions,
  path: SyncPath,
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
  // Loaded once: at 10,000 users the whole store is the engine's largest per-run cost, so an
  // incremental run loads only its users' rows (recovery above never runs on that path).
  const pushed =
    path.kind === 'incremental' ? session.store.loadFor(path.userKeys) : session.store.load();
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

/** A summary of a run that sent nothing: failed before it began, or had nothing to do. */
function quietSummary(app: string, status: SyncStatus, message?: string): SyncSummary {
  return {
    app,
    status,
    counts: emptyCounts(),
    requests: 0,
    reads: 0,
    writes: 0,
    failures: [],
    ...(message === undefined ? {} : { message }),
    durationMs: 0,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
