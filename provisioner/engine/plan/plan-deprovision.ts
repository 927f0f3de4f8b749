// Plans deprovisioning of users this provisioner created and that left scope, were deactivated
// or deleted in the directory: deactivate by default; under mode delete, delete after graceDays.
import type { AppConfig, DesiredUser } from '../../model.ts';
import type { PushedUser } from '../store/pushed-store.ts';
import type { DeprovisionStep } from './types.ts';

const DAY_MS = 86_400_000;

export function planDeprovision(
  desired: readonly DesiredUser[],
  pushed: ReadonlyMap<string, PushedUser>,
  app: AppConfig,
  now: Date,
): DeprovisionStep[] {
  const wanted = new Set(desired.filter((u) => u.active).map((u) => u.key));
  const steps: DeprovisionStep[] = [];
  for (const user of pushed.values()) {
    // Adopted users were not made here: they are never deactivated or deleted.
    if (user.origin !== 'created' || wanted.has(user.key)) continue;
    const step = stepFor(user, app, now);
    if (step) steps.push(step);
  }
  return steps;
}

function stepFor(user: PushedUser, app: AppConfig, now: Date): DeprovisionStep | undefined {
  const { features, deprovision } = app;
  if (deprovision.mode === 'delete' && features.deleteUsers) {
    const due = user.deleteAfter;
    if (deprovision.graceDays === 0 || (due !== null && Date.parse(due) <= now.getTime())) {
      return {
        kind: 'delete-user',
        key: user.key,
        userName: user.userName,
        remoteId: user.remoteId,
      };
    }
    const deleteAfter =
      due ?? new Date(now.getTime() + deprovision.graceDays * DAY_MS).toISOString();
    if (user.active && features.deactivateUsers) return deactivate(user, deleteAfter);
    if (due === null)
      return { kind: 'schedule-delete', key: user.key, userName: user.userName, deleteAfter };
    return undefined;
  }
  return user.active && features.deactivateUsers ? deactivate(user, null) : undefined;
}

function deactivate(user: PushedUser, deleteAfter: string | null): DeprovisionStep {
  return {
    kind: 'deactivate-user',
    key: user.key,
    userName: user.userName,
    remoteId: user.remoteId,
    deleteAfter,
  };
}
