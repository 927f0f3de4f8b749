// /Users: create, read, list, replace, patch and delete, as AWS answers them (§2 and §4 of the
// AWS reference). Every write re-checks the schema, the profile's rules and uniqueness.
import { Router, type Request, type Response } from 'express';

import { ScimError, awsMetaTimestamp } from '../../../scim/errors.ts';
import { canonicalFilter, parseUserFilter } from '../../../scim/filter.ts';
import { applyUserPatch } from '../../../scim/patch/user-patch.ts';
import type { MockContext } from '../../context.ts';
import { newResourceId } from '../../store/ids.ts';
import type { StoredResource } from '../../store/types.ts';
import { tenantDataOf } from '../auth.ts';
import { readListParams } from '../lists/list-params.ts';
import { listBody } from '../lists/list-response.ts';
import { sendJson, sendNoContent } from '../respond.ts';
import { acceptUserDoc, assertUserUnique } from './user-doc.ts';
import { userSource } from './user-query.ts';
import { renderUser } from './user-render.ts';

export function userRoutes(ctx: MockContext): Router {
  const router = Router({ mergeParams: true });
  const now = () => awsMetaTimestamp(ctx.clock.now());

  router.post('/', (req, res) => {
    const data = tenantDataOf(ctx, res);
    const doc = acceptUserDoc(req.body, ctx.profile);
    assertUserUnique(data, doc, ctx.profile);
    // AWS-ID-FORMAT, AWS-USER-NEW-ID-ON-RECREATE: ids are random and never reused.
    const created = now();
    const user = { id: newResourceId(ctx.profile.idStyle), created, lastModified: created, doc };
    data.users.insert(user);
    sendJson(res, 201, renderUser(user)); // AWS-USER-CREATE-201
  });

  router.get('/', (req, res) => {
    const data = tenantDataOf(ctx, res);
    const params = readListParams(req.query, ctx.profile);
    const filter = params.filter === undefined ? undefined : parseUserFilter(params.filter);
    const scope = { tenantId: data.tenantId, resourceType: 'User' as const };
    const body = listBody(
      params,
      { ...scope, filter: canonicalFilter(filter) },
      userSource(data, filter),
      renderUser,
    );
    sendJson(res, 200, body);
  });

  router.get('/:id', (req, res) => {
    sendJson(res, 200, renderUser(existingUser(ctx, req, res)));
  });

  // AWS-USER-PUT-200, AWS-USER-PUT-404
  router.put('/:id', (req, res) => {
    const current = existingUser(ctx, req, res, 'AWS-USER-PUT-404');
    const doc = acceptUserDoc(req.body, ctx.profile);
    sendJson(res, 200, renderUser(saveUser(ctx, res, current, doc, now())));
  });

  // AWS-PATCH-USER-200, AWS-PATCH-USER-SINGLE-VALUED: the patched user meets every create rule.
  router.patch('/:id', (req, res) => {
    const current = existingUser(ctx, req, res);
    const patched = applyUserPatch(current.doc, req.body);
    const doc = acceptUserDoc(patched, ctx.profile);
    sendJson(res, 200, renderUser(saveUser(ctx, res, current, doc, now())));
  });

  // AWS-USER-DELETE-204, AWS-USER-DELETE-MEMBERSHIPS
  router.delete('/:id', (req, res) => {
    const user = existingUser(ctx, req, res);
    const data = tenantDataOf(ctx, res);
    const modified = now();
    for (const groupId of data.deleteUser(user.id) ?? []) touch(data.groups.get(groupId), modified);
    sendNoContent(res);
  });

  return router;
}

/** AWS-USER-GET-404 */
function existingUser(
  ctx: MockContext,
  req: Request,
  res: Response,
  behaviour = 'AWS-USER-GET-404',
): StoredResource {
  const id = String(req.params.id);
  const user = tenantDataOf(ctx, res).users.get(id);
  if (!user) throw ScimError.notFound(`no user with id ${id}`, behaviour);
  return user;
}

function saveUser(
  ctx: MockContext,
  res: Response,
  current: StoredResource,
  doc: StoredResource['doc'],
  modified: string,
): StoredResource {
  const data = tenantDataOf(ctx, res);
  assertUserUnique(data, doc, ctx.profile, current.id);
  const user = { ...current, doc, lastModified: modified };
  data.users.replace(user);
  return user;
}

/** A group whose membership changed was modified. */
function touch(group: StoredResource | undefined, modified: string): void {
  if (group) group.lastModified = modified;
}
