// Sends the group steps of a plan: creates (matched first by displayName), renames, member
// chunks (add/remove of at most 100, never replace) and deletes.
import type { ScimResource } from '../../client/list-all.ts';
import { TargetError } from '../../client/target-error.ts';
import { createGroupBody, membersBody, patchBody } from '../patch-ops.ts';
import type { CreateGroup, DeleteGroup, MemberChunk, RenameGroup } from '../plan/types.ts';
import { FOREIGN_PREFIX } from '../plan/types.ts';
import type { Origin } from '../store/pushed-store.ts';
import type { ApplyContext } from './context.ts';
import { closingOnFailure } from './user-steps.ts';

export async function createGroup(ctx: ApplyContext, step: CreateGroup): Promise<void> {
  const existing = await ctx.index.findGroup(step.displayName);
  if (existing) return linkGroup(ctx, step, existing.id, 'adopted');
  const intent = ctx.intents.open('create-group', step.key, { displayName: step.displayName });
  const label = { operation: 'create-group', subject: `group "${step.displayName}"` };
  try {
    const response = await closingOnFailure(ctx, intent, () =>
      ctx.client.request<ScimResource>('POST', '/Groups', createGroupBody(step.displayName), label),
    );
    linkGroup(ctx, step, String(response.body?.id), 'created', intent);
  } catch (error) {
    if (!(error instanceof TargetError) || error.status !== 409) throw error;
    const found = await ctx.index.findGroup(step.displayName, true);
    if (!found) throw error;
    linkGroup(ctx, step, found.id, error.attempts > 1 ? 'created' : 'adopted', intent);
  }
}

function linkGroup(
  ctx: ApplyContext,
  step: CreateGroup,
  remoteId: string,
  origin: Origin,
  intent?: number,
): void {
  ctx.store.transaction(() => {
    ctx.store.saveGroup({ key: step.key, remoteId, displayName: step.displayName, origin });
    if (intent !== undefined) ctx.intents.close(intent);
  });
  if (origin === 'created') {
    ctx.groupIds.set(step.key, remoteId);
    ctx.counts.groupsCreated += 1;
  } else ctx.counts.groupsLinked += 1;
}

export async function renameGroup(ctx: ApplyContext, step: RenameGroup): Promise<void> {
  const intent = ctx.intents.open('rename-group', step.key, { from: step.from, to: step.to });
  const body = patchBody([{ op: 'replace', path: 'displayName', value: step.to }]);
  const label = { operation: 'rename-group', subject: `group "${step.from}"` };
  await closingOnFailure(ctx, intent, () =>
    ctx.client.request('PATCH', `/Groups/${step.remoteId}`, body, label),
  );
  ctx.store.transaction(() => {
    ctx.store.saveGroup({
      key: step.key,
      remoteId: step.remoteId,
      displayName: step.to,
      origin: 'created',
    });
    ctx.intents.close(intent);
  });
  ctx.counts.groupsRenamed += 1;
}

/** Only groups created in this run or before are in `groupIds`; adopted ones are left alone. */
export async function sendMembers(ctx: ApplyContext, step: MemberChunk): Promise<void> {
  const groupId = ctx.groupIds.get(step.groupKey);
  if (!groupId) return;
  const keys = step.userKeys.filter(
    (key) => key.startsWith(FOREIGN_PREFIX) || ctx.userIds.has(key),
  );
  if (keys.length === 0) return;
  const ids = keys.map((key) =>
    key.startsWith(FOREIGN_PREFIX) ? key.slice(FOREIGN_PREFIX.length) : ctx.userIds.get(key)!,
  );
  const op = step.kind === 'add-members' ? 'add' : 'remove';
  const intent = ctx.intents.open(step.kind, step.groupKey, { count: ids.length });
  const label = {
    operation: step.kind,
    subject: `group "${step.displayName}" (${ids.length} members)`,
  };
  await closingOnFailure(ctx, intent, () =>
    ctx.client.request('PATCH', `/Groups/${groupId}`, membersBody(op, ids), label),
  );
  ctx.store.transaction(() => {
    if (op === 'add') ctx.store.addMembers(step.groupKey, keys);
    else ctx.store.removeMembers(step.groupKey, keys);
    ctx.intents.close(intent);
  });
  if (op === 'add') ctx.counts.membersAdded += keys.length;
  else ctx.counts.membersRemoved += keys.length;
}

export async function deleteGroup(ctx: ApplyContext, step: DeleteGroup): Promise<void> {
  const intent = ctx.intents.open('delete-group', step.key, { displayName: step.displayName });
  const label = { operation: 'delete-group', subject: `group "${step.displayName}"` };
  try {
    await closingOnFailure(ctx, intent, () =>
      ctx.client.request('DELETE', `/Groups/${step.remoteId}`, undefined, label),
    );
  } catch (error) {
    if (!(error instanceof TargetError) || error.status !== 404) throw error;
  }
  ctx.store.transaction(() => {
    ctx.store.forgetGroup(step.key);
    ctx.intents.close(intent);
  });
  ctx.groupIds.delete(step.key);
  ctx.counts.groupsDeleted += 1;
}
