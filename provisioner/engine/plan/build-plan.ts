// Builds the plan for one app: desired state against what was last pushed, no reads of the
// target. Feature toggles gate each kind of write; the deprovisioning guard is computed here.
import type { DesiredState } from '../../model.ts';
import type { PushedState } from '../store/pushed-store.ts';
import { planDeprovision } from './plan-deprovision.ts';
import { planGroups } from './plan-groups.ts';
import { planUsers } from './plan-users.ts';
import type { DeprovisionGuard, DeprovisionStep, Plan } from './types.ts';

export function buildPlan(desired: DesiredState, pushed: PushedState, now = new Date()): Plan {
  const { app } = desired;
  const users = planUsers(desired.users, pushed.users, app.features);
  const deprovision = planDeprovision(desired.users, pushed.users, app, now);
  const present = presentUsers(pushed, users.steps, deprovision);
  const groups = planGroups(desired.groups, pushed.groups, present, app.features);
  const untouched = [...pushed.users.values()]
    .filter((u) => u.origin === 'adopted')
    .map((u) => `user "${u.userName}"`);
  return {
    app: app.name,
    createdAt: now.toISOString(),
    users: users.steps,
    groups: groups.steps,
    members: groups.members,
    deprovision,
    groupDeletes: groups.deletes,
    skipped: skippedNotes(users.skippedCreates, users.skippedUpdates, groups.skipped),
    untouched: [...untouched, ...groups.untouched],
    guard: guardFor(deprovision, pushed, app.maxDeprovisionShare),
  };
}

function presentUsers(
  pushed: PushedState,
  steps: Plan['users'],
  deprovision: DeprovisionStep[],
): Set<string> {
  const present = new Set(pushed.users.keys());
  for (const step of steps) present.add(step.key);
  for (const step of deprovision) if (step.kind === 'delete-user') present.delete(step.key);
  return present;
}

function guardFor(steps: DeprovisionStep[], pushed: PushedState, share: number): DeprovisionGuard {
  const deprovisions = steps.filter((s) => s.kind !== 'schedule-delete').length;
  const owned =
    pushed.ownedUsers ?? [...pushed.users.values()].filter((u) => u.origin === 'created').length;
  const limit = Math.floor(owned * share);
  return { deprovisions, pushed: owned, limit, exceeded: deprovisions > limit };
}

function skippedNotes(creates: number, updates: number, groups: number): string[] {
  const notes: string[] = [];
  if (creates > 0) notes.push(`${creates} user creates (createUsers is off)`);
  if (updates > 0) notes.push(`${updates} user updates (updateUsers is off)`);
  if (groups > 0) notes.push(`${groups} group creates (pushGroups is off)`);
  return notes;
}

/** Number of requests the plan sends (schedule-delete is bookkeeping only). */
export function planWrites(plan: Plan): number {
  const sent = plan.deprovision.filter((s) => s.kind !== 'schedule-delete').length;
  return (
    plan.users.length + plan.groups.length + plan.members.length + sent + plan.groupDeletes.length
  );
}

/** Steps the run goes through, bookkeeping-only ones included: the progress total. */
export function planSteps(plan: Plan): number {
  const { users, groups, members, deprovision, groupDeletes } = plan;
  return users.length + groups.length + members.length + deprovision.length + groupDeletes.length;
}
