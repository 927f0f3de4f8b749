// Plans group writes: creates, renames, deletes, and membership changes as add/remove chunks of
// at most 100 (AWS-PATCH-GROUP-100); members are never replaced wholesale.
import type { AppFeatures, DesiredGroup } from '../../model.ts';
import type { PushedGroup } from '../store/pushed-store.ts';
import { FOREIGN_PREFIX, MAX_MEMBERS_PER_PATCH } from './types.ts';
import type { DeleteGroup, GroupStep, MemberChunk } from './types.ts';

export interface GroupPlanResult {
  steps: GroupStep[];
  members: MemberChunk[];
  deletes: DeleteGroup[];
  untouched: string[];
  skipped: number;
}

/**
 * `present` holds the user keys that exist on the target once user steps are done (pushed or
 * being created, not being deleted); members outside it cannot be referenced yet.
 */
export function planGroups(
  desired: readonly DesiredGroup[],
  pushed: ReadonlyMap<string, PushedGroup>,
  present: ReadonlySet<string>,
  features: AppFeatures,
): GroupPlanResult {
  const result: GroupPlanResult = {
    steps: [],
    members: [],
    deletes: [],
    untouched: [],
    skipped: 0,
  };
  for (const group of desired) {
    const known = pushed.get(group.key);
    if (known?.origin === 'adopted') {
      result.untouched.push(`group "${known.displayName}"`);
      continue;
    }
    if (!known && !features.pushGroups) {
      result.skipped += 1;
      continue;
    }
    if (!known)
      result.steps.push({ kind: 'create-group', key: group.key, displayName: group.displayName });
    else if (known.displayName !== group.displayName && features.pushGroups) {
      result.steps.push({
        kind: 'rename-group',
        key: group.key,
        remoteId: known.remoteId,
        from: known.displayName,
        to: group.displayName,
      });
    }
    if (features.groupMembership) result.members.push(...memberChunks(group, known, present));
  }
  if (features.pushGroups) result.deletes = groupDeletes(desired, pushed);
  return result;
}

function memberChunks(
  group: DesiredGroup,
  known: PushedGroup | undefined,
  present: ReadonlySet<string>,
): MemberChunk[] {
  const current = known?.members ?? new Set<string>();
  const wanted = new Set(group.memberKeys.filter((key) => present.has(key)));
  const adds = [...wanted].filter((key) => !current.has(key));
  // A member being deleted leaves the group with the user (AWS-DELETE-USER-MEMBERSHIPS).
  // Members found by a reconcile that this provisioner never pushed are keyed `remote:<id>`.
  const removes = [...current].filter(
    (key) => !wanted.has(key) && (present.has(key) || key.startsWith(FOREIGN_PREFIX)),
  );
  return [
    ...chunk(removes).map((userKeys) => ({
      kind: 'remove-members' as const,
      groupKey: group.key,
      displayName: group.displayName,
      userKeys,
    })),
    ...chunk(adds).map((userKeys) => ({
      kind: 'add-members' as const,
      groupKey: group.key,
      displayName: group.displayName,
      userKeys,
    })),
  ];
}

function groupDeletes(
  desired: readonly DesiredGroup[],
  pushed: ReadonlyMap<string, PushedGroup>,
): DeleteGroup[] {
  const wanted = new Set(desired.map((g) => g.key));
  return [...pushed.values()]
    .filter((g) => g.origin === 'created' && !wanted.has(g.key))
    .map((g) => ({
      kind: 'delete-group',
      key: g.key,
      remoteId: g.remoteId,
      displayName: g.displayName,
    }));
}

export function chunk<T>(items: readonly T[], size = MAX_MEMBERS_PER_PATCH): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
