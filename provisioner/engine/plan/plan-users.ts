// Plans user writes: creates, attribute updates (only what changed) and reactivations.
import type { AppFeatures, DesiredUser } from '../../model.ts';
import { flatten, payloadHash } from '../attributes.ts';
import type { Attributes } from '../attributes.ts';
import { activeOperation, createUserBody, diffOperations } from '../patch-ops.ts';
import type { PushedUser } from '../store/pushed-store.ts';
import type { UserStep } from './types.ts';

export interface UserPlanResult {
  steps: UserStep[];
  skippedCreates: number;
  skippedUpdates: number;
}

/** Active desired users only; inactive ones are the deprovisioning planner's. */
export function planUsers(
  desired: readonly DesiredUser[],
  pushed: ReadonlyMap<string, PushedUser>,
  features: AppFeatures,
): UserPlanResult {
  const result: UserPlanResult = { steps: [], skippedCreates: 0, skippedUpdates: 0 };
  for (const user of desired) {
    if (!user.active) continue;
    const attrs = flatten(user.payload);
    const known = pushed.get(user.key);
    if (known?.origin === 'adopted') continue;
    // Same text as stored means nothing changed; the hash is only worked out for a change.
    if (known && known.attrsJson === JSON.stringify(attrs) && known.active && !known.deleteAfter) {
      continue;
    }
    const hash = payloadHash(attrs);
    if (!known) {
      if (features.createUsers) result.steps.push(createStep(user, attrs, hash));
      else result.skippedCreates += 1;
    } else {
      if (!features.updateUsers && known.hash !== hash) result.skippedUpdates += 1;
      const step = features.updateUsers
        ? updateStep(user, known, attrs, hash)
        : reactivateOnly(user, known);
      if (step) result.steps.push(step);
    }
  }
  return result;
}

function createStep(user: DesiredUser, attrs: Attributes, hash: string): UserStep {
  const body = createUserBody({ ...user, active: true });
  return { kind: 'create-user', key: user.key, userName: user.userName, body, attrs, hash };
}

function updateStep(
  user: DesiredUser,
  known: PushedUser,
  attrs: Attributes,
  hash: string,
): UserStep | undefined {
  const reactivate = !known.active || known.deleteAfter !== null;
  if (known.hash === hash && !reactivate) return undefined;
  const previous = known.hash === hash ? attrs : (JSON.parse(known.attrsJson) as Attributes);
  const operations = diffOperations(previous, attrs);
  if (reactivate) operations.push(activeOperation(true));
  if (operations.length === 0) return undefined;
  return {
    kind: 'update-user',
    key: user.key,
    userName: user.userName,
    remoteId: known.remoteId,
    operations,
    attrs,
    hash,
    reactivate,
  };
}

/** A user coming back into scope is reactivated even when attribute updates are switched off. */
function reactivateOnly(user: DesiredUser, known: PushedUser): UserStep | undefined {
  if (known.active && known.deleteAfter === null) return undefined;
  return {
    kind: 'update-user',
    key: user.key,
    userName: user.userName,
    remoteId: known.remoteId,
    operations: [activeOperation(true)],
    attrs: JSON.parse(known.attrsJson) as Attributes,
    hash: known.hash,
    reactivate: true,
  };
}
