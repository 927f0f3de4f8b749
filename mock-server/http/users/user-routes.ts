// /Users: create, read, list, replace, patch and delete, as AWS answers them (§2 and §4 of the
// AWS reference). Every write re-checks the schema, the profile's rules and uniqueness.
import { ScimError, awsMetaTimestamp } from '../../../scim/errors.ts';
import { parseUserFilter } from '../../../scim/filter.ts';
import { applyUserPatch } from '../../../scim/patch/user-patch.ts';
import type { MockContext } from '../../context.ts';
import { newResourceId } from '../../store/ids.ts';
import type { TenantData } from '../../store/tenant-data.ts';
import type { StoredResource } from '../../store/types.ts';
import { readListParams } from '../lists/list-params.ts';
import { JsonCache } from '../json-cache.ts';
import { listParts } from '../lists/list-response.ts';
import { assertRoomFor } from '../quota.ts';
import { sendJson, sendJsonParts, sendJsonText, sendNoContent } from '../respond.ts';
import type { ResourceRoutes } from '../route-table.ts';
import { acceptUserDoc, assertUserUnique } from './user-doc.ts';
import { userSource } from './user-query.ts';
import { renderUser } from './user-render.ts';

// Reads answer from the cache; a write's answer is rendered once and not kept, so creating many
// users does not also hold the JSON of each.
const userJson = new JsonCache('user', renderUser);

export function userRoutes(ctx: MockContext): ResourceRoutes {
  const now = () => awsMetaTimestamp(ctx.clock.now());

  const collection: ResourceRoutes['collection'] = {
    POST: ({ req, res, data }) => {
      const doc = acceptUserDoc(req.body, ctx.profile);
      assertUserUnique(data, doc, ctx.profile);
      assertRoomFor('users', data.users.size, ctx.profile.maxUsers);
      // AWS-ID-FORMAT, AWS-USER-NEW-ID-ON-RECREATE: ids are random and never reused.
      const created = now();
      const user = { id: newResourceId(ctx.profile.idStyle), created, lastModified: created, doc };
      data.users.insert(user);
      sendJson(res, 201, renderUser(user)); // AWS-USER-CREATE-201
    },

    GET: ({ req, res, data }) => {
      const params = readListParams(req.query, ctx.profile);
      const filter = params.filter === undefined ? undefined : parseUserFilter(params.filter);
      const scope = { tenantId: data.tenantId, resourceType: 'User' as const, filter };
      const parts = listParts(params, scope, userSource(data, filter), (u) => userJson.json(u));
      sendJsonParts(res, 200, parts);
    },
  };

  const item: ResourceRoutes['item'] = {
    GET: ({ res, data, id }) => {
      sendJsonText(res, 200, userJson.json(existingUser(data, id)));
    },

    // AWS-USER-PUT-200, AWS-USER-PUT-404
    PUT: ({ req, res, data, id }) => {
      const current = existingUser(data, id, 'AWS-USER-PUT-404');
      const doc = acceptUserDoc(req.body, ctx.profile);
      sendJson(res, 200, renderUser(saveUser(ctx, data, current, doc, now())));
    },

    // AWS-PATCH-USER-200, AWS-PATCH-USER-SINGLE-VALUED: the patched user meets every create rule.
    PATCH: ({ req, res, data, id }) => {
      const current = existingUser(data, id);
      const patched = applyUserPatch(current.doc, req.body);
      const doc = acceptUserDoc(patched, ctx.profile);
      sendJson(res, 200, renderUser(saveUser(ctx, data, current, doc, now())));
    },

    // AWS-USER-DELETE-204, AWS-USER-DELETE-MEMBERSHIPS
    DELETE: ({ res, data, id }) => {
      const user = existingUser(data, id);
      const modified = now();
      for (const groupId of data.deleteUser(user.id) ?? [])
        touch(data.groups.get(groupId), modified);
      sendNoContent(res);
    },
  };

  return { collection, item };
}

/** AWS-USER-GET-404 */
function existingUser(
  data: TenantData,
  id: string,
  behaviour = 'AWS-USER-GET-404',
): StoredResource {
  const user = data.users.get(id);
  if (!user) throw ScimError.notFound(`no user with id ${id}`, behaviour);
  return user;
}

function saveUser(
  ctx: MockContext,
  data: TenantData,
  current: StoredResource,
  doc: StoredResource['doc'],
  modified: string,
): StoredResource {
  assertUserUnique(data, doc, ctx.profile, current.id);
  const user = { ...current, doc, lastModified: modified };
  data.users.replace(user);
  return user;
}

/** A group whose membership changed was modified. */
function touch(group: StoredResource | undefined, modified: string): void {
  if (group) group.lastModified = modified;
}
