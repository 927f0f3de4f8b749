// Applies a plan in a safe order: users, groups, memberships, then deprovisioning last, and only
// when every read before it succeeded. Steps of a phase run in parallel under the client's limit.
import type { Plan } from '../plan/types.ts';
import type { ApplyContext } from './context.ts';
import { createGroup, deleteGroup, renameGroup, sendMembers } from './group-steps.ts';
import { BULK_MATCH_THRESHOLD } from './target-index.ts';
import { createUser, deprovisionUser, updateUser } from './user-steps.ts';

export async function runPlan(ctx: ApplyContext, plan: Plan): Promise<void> {
  await preloadForMatching(ctx, plan);
  ctx.progress.phase('users');
  await all(plan.users, (step) =>
    ctx.step(`user "${step.userName}"`, () =>
      step.kind === 'create-user' ? createUser(ctx, step) : updateUser(ctx, step),
    ),
  );
  ctx.progress.phase('groups');
  await all(plan.groups, (step) =>
    ctx.step(`group "${step.kind === 'create-group' ? step.displayName : step.from}"`, () =>
      step.kind === 'create-group' ? createGroup(ctx, step) : renameGroup(ctx, step),
    ),
  );
  ctx.progress.phase('memberships');
  await all(byGroup(plan.members), async (chunks) => {
    // Chunks of one group go one after another; groups go in parallel.
    for (const chunk of chunks)
      await ctx.step(`group "${chunk.displayName}"`, () => sendMembers(ctx, chunk));
  });
  if (ctx.readFailed) {
    ctx.failures.push('Deprovisioning skipped: a read of the target failed during this run.');
    return;
  }
  ctx.progress.phase('deprovisioning');
  await all(plan.deprovision, (step) =>
    ctx.step(`user "${step.userName}"`, () => deprovisionUser(ctx, step)),
  );
  await all(plan.groupDeletes, (step) =>
    ctx.step(`group "${step.displayName}"`, () => deleteGroup(ctx, step)),
  );
}

/** A failed read here throws: the run aborts before any write, deprovisioning included. */
async function preloadForMatching(ctx: ApplyContext, plan: Plan): Promise<void> {
  const userCreates = plan.users.filter((s) => s.kind === 'create-user').length;
  const groupCreates = plan.groups.filter((s) => s.kind === 'create-group').length;
  if (userCreates > BULK_MATCH_THRESHOLD) await ctx.index.preloadUsers();
  if (groupCreates > BULK_MATCH_THRESHOLD) await ctx.index.preloadGroups();
}

function byGroup(chunks: Plan['members']): Plan['members'][] {
  const groups = new Map<string, Plan['members']>();
  for (const chunk of chunks) {
    const list = groups.get(chunk.groupKey) ?? [];
    list.push(chunk);
    groups.set(chunk.groupKey, list);
  }
  return [...groups.values()];
}

async function all<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map(run));
}
