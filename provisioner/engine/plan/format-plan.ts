// A plan for people: one line per write, grouped by kind, long lists cut short.
import { planWrites } from './build-plan.ts';
import type { Plan } from './types.ts';

const MAX_LINES_PER_KIND = 50;

export function formatPlan(plan: Plan): string[] {
  const lines = [`${plan.app}: ${planWrites(plan)} writes planned`];
  section(
    lines,
    plan.users.map((s) =>
      s.kind === 'create-user'
        ? `+ create user ${s.userName}`
        : `~ ${s.reactivate ? 'reactivate' : 'update'} user ${s.userName}: ${s.operations.map((o) => o.path).join(', ')}`,
    ),
  );
  section(
    lines,
    plan.groups.map((s) =>
      s.kind === 'create-group'
        ? `+ create group ${s.displayName}`
        : `~ rename group "${s.from}" to "${s.to}"`,
    ),
  );
  section(
    lines,
    plan.members.map((s) =>
      s.kind === 'add-members'
        ? `+ add ${s.userKeys.length} members to group ${s.displayName}`
        : `- remove ${s.userKeys.length} members from group ${s.displayName}`,
    ),
  );
  section(lines, plan.deprovision.map(deprovisionLine));
  section(
    lines,
    plan.groupDeletes.map((s) => `- delete group ${s.displayName}`),
  );
  for (const note of plan.skipped) lines.push(`  ! skipped: ${note}`);
  if (plan.untouched.length > 0)
    lines.push(`  = left alone (not created here): ${plan.untouched.length} objects`);
  if (plan.guard.exceeded) {
    lines.push(
      `  ! stops: deprovisions ${plan.guard.deprovisions} of ${plan.guard.pushed} users (limit ${plan.guard.limit}); sync needs --yes`,
    );
  }
  if (lines.length === 1) lines.push('  nothing to do');
  return lines;
}

function deprovisionLine(step: Plan['deprovision'][number]): string {
  if (step.kind === 'delete-user') return `- delete user ${step.userName}`;
  if (step.kind === 'schedule-delete')
    return `- schedule deletion of user ${step.userName} after ${step.deleteAfter}`;
  const later = step.deleteAfter ? ` (delete after ${step.deleteAfter})` : '';
  return `- deactivate user ${step.userName}${later}`;
}

function section(lines: string[], items: string[]): void {
  for (const item of items.slice(0, MAX_LINES_PER_KIND)) lines.push(`  ${item}`);
  if (items.length > MAX_LINES_PER_KIND)
    lines.push(`  … and ${items.length - MAX_LINES_PER_KIND} more`);
}
