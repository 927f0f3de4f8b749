// Sends the user steps of a plan. Each write is preceded by a committed intent row and followed
// by one transaction that records the result and closes the intent.
import type { ScimResource } from '../../client/list-all.ts';
import { TargetError } from '../../client/target-error.ts';
import { activeOperation, patchBody } from '../patch-ops.ts';
import type { CreateUser, DeprovisionStep, UpdateUser } from '../plan/types.ts';
import type { Origin } from '../store/pushed-store.ts';
import type { ApplyContext } from './context.ts';
import { diagnose } from './diagnose.ts';

export async function createUser(ctx: ApplyContext, step: CreateUser): Promise<void> {
  const subject = `user "${step.userName}"`;
  const existing = await ctx.index.findUser(step.userName, step.body.externalId);
  if (existing) return link(ctx, step, existing, 'adopted');
  const intent = ctx.intents.open('create-user', step.key, {
    userName: step.userName,
    externalId: step.body.externalId ?? null,
    attrs: step.attrs,
    hash: step.hash,
  });
  try {
    const response = await closingOnFailure(ctx, intent, () =>
      ctx.client.request<ScimResource>('POST', '/Users', step.body, {
        operation: 'create-user',
        subject,
      }),
    );
    recordCreated(ctx, step, String(response.body?.id), intent);
    ctx.counts.usersCreated += 1;
  } catch (error) {
    if (!(error instanceof TargetError) || error.status !== 409) throw diagnose(error, step.body);
    // A 409 after our own retry is our earlier attempt landing; on a first attempt it is not ours.
    const found = await ctx.index.findUser(step.userName, step.body.externalId, true);
    if (!found) throw error;
    link(ctx, step, found, error.attempts > 1 ? 'created' : 'adopted', intent);
  }
}

function link(
  ctx: ApplyContext,
  step: CreateUser,
  found: ScimResource,
  origin: Origin,
  intent?: number,
): void {
  if (origin === 'created') return recordCreated(ctx, step, found.id, intent);
  ctx.store.transaction(() => {
    // Adopted users are never changed, so their attributes are not tracked.
    ctx.store.saveUser({
      key: step.key,
      remoteId: found.id,
      userName: step.userName,
      origin,
      hash: '',
      attrs: {},
      active: found.active !== false,
      deleteAfter: null,
    });
    if (intent !== undefined) ctx.intents.close(intent);
  });
  ctx.userIds.set(step.key, found.id);
  ctx.counts.usersLinked += 1;
}

function recordCreated(
  ctx: ApplyContext,
  step: CreateUser,
  remoteId: string,
  intent?: number,
): void {
  ctx.store.transaction(() => {
    ctx.store.saveUser({
      key: step.key,
      remoteId,
      userName: step.userName,
      origin: 'created',
      hash: step.hash,
      attrs: step.attrs,
      active: true,
      deleteAfter: null,
    });
    if (intent !== undefined) ctx.intents.close(intent);
  });
  ctx.userIds.set(step.key, remoteId);
}

export async function updateUser(ctx: ApplyContext, step: UpdateUser): Promise<void> {
  const intent = ctx.intents.open('update-user', step.key, { userName: step.userName });
  const label = {
    operation: step.reactivate ? 'reactivate-user' : 'update-user',
    subject: `user "${step.userName}"`,
  };
  const sent = await sendOrGone(ctx, step.key, intent, () =>
    ctx.client
      .request('PATCH', `/Users/${step.remoteId}`, patchBody(step.operations), label)
      .catch((error: unknown) => {
        throw diagnose(error, step.operations);
      }),
  );
  if (!sent) return;
  ctx.store.transaction(() => {
    ctx.store.saveUser({
      key: step.key,
      remoteId: step.remoteId,
      userName: step.userName,
      origin: 'created',
      hash: step.hash,
      attrs: step.attrs,
      active: true,
      deleteAfter: null,
    });
    ctx.intents.close(intent);
  });
  ctx.counts.usersUpdated += 1;
}

export async function deprovisionUser(ctx: ApplyContext, step: DeprovisionStep): Promise<void> {
  if (step.kind === 'schedule-delete') {
    ctx.store.setUserActive(step.key, false, step.deleteAfter);
    ctx.counts.deletesScheduled += 1;
    return;
  }
  const intent = ctx.intents.open(step.kind, step.key, { userName: step.userName });
  const subject = `user "${step.userName}"`;
  if (step.kind === 'delete-user') {
    const sent = await sendOrGone(ctx, step.key, intent, () =>
      ctx.client.request('DELETE', `/Users/${step.remoteId}`, undefined, {
        operation: 'delete-user',
        subject,
      }),
    );
    if (sent) forget(ctx, step.key, intent);
    ctx.counts.usersDeleted += 1;
    return;
  }
  const body = patchBody([activeOperation(false)]);
  const sent = await sendOrGone(ctx, step.key, intent, () =>
    ctx.client.request('PATCH', `/Users/${step.remoteId}`, body, {
      operation: 'deactivate-user',
      subject,
    }),
  );
  if (!sent) return;
  ctx.store.transaction(() => {
    ctx.store.setUserActive(step.key, false, step.deleteAfter);
    ctx.intents.close(intent);
  });
  ctx.counts.usersDeactivated += 1;
  if (step.deleteAfter) ctx.counts.deletesScheduled += 1;
}

/**
 * Sends a write about a known user; a 404 means the user is gone from the target, so it is
 * forgotten (and recreated by the next sync if still wanted). Returns false in that case.
 */
async function sendOrGone(
  ctx: ApplyContext,
  key: string,
  intent: number,
  send: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await closingOnFailure(ctx, intent, send);
    return true;
  } catch (error) {
    if (!(error instanceof TargetError) || error.status !== 404) throw error;
    forget(ctx, key, intent);
    return false;
  }
}

function forget(ctx: ApplyContext, key: string, intent: number): void {
  ctx.store.transaction(() => {
    ctx.store.forgetUser(key);
    ctx.intents.close(intent);
  });
  ctx.userIds.delete(key);
}

/**
 * A refused write has a known outcome, so its intent is closed; a write that got no answer
 * (status 0) keeps its intent for the next run to resolve by lookup.
 */
export async function closingOnFailure<T>(
  ctx: ApplyContext,
  intent: number,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof TargetError && error.status !== 0) ctx.intents.close(intent);
    throw error;
  }
}
