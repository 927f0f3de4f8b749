// /Groups: create, read, list, PUT, PATCH and delete, as AWS answers them (§3 and §5 of the
// AWS reference): members are written but never read back.
import { AWS_DETAIL, ScimError, awsMetaTimestamp } from '../../../scim/errors.ts';
import { parseGroupFilter } from '../../../scim/filter.ts';
import { planGroupPatch, type GroupPatchChange } from '../../../scim/patch/group-patch.ts';
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
import {
  acceptGroupBody,
  assertGroupUnique,
  assertMembersExist,
  checkGroupExternalId,
  checkGroupName,
} from './group-doc.ts';
import { groupSource } from './group-query.ts';
import { renderGroup, renderListedGroup } from './group-render.ts';

// Reads answer from the cache; writes render their answer once (see user-routes.ts).
const groupJson = new JsonCache('group', renderGroup);
const listedGroupJson = new JsonCache('listed group', renderListedGroup);

export function groupRoutes(ctx: MockContext): ResourceRoutes {
  const now = () => awsMetaTimestamp(ctx.clock.now());

  const collection: ResourceRoutes['collection'] = {
    // AWS-GROUP-CREATE-201: answered without members, even when some were sent.
    POST: ({ req, res, data }) => {
      const { doc, memberIds } = acceptGroupBody(req.body, ctx.profile);
      assertGroupUnique(data, doc);
      assertMembersExist(data, memberIds);
      assertRoomFor('groups', data.groups.size, ctx.profile.maxGroups);
      const created = now();
      const group = { id: newResourceId(ctx.profile.idStyle), created, lastModified: created, doc };
      data.groups.insert(group);
      for (const userId of memberIds) data.memberships.add(group.id, userId);
      sendJson(res, 201, renderGroup(group));
    },

    GET: ({ req, res, data }) => {
      const params = readListParams(req.query, ctx.profile);
      const filter = params.filter === undefined ? undefined : parseGroupFilter(params.filter);
      const scope = { tenantId: data.tenantId, resourceType: 'Group' as const, filter };
      const source = groupSource(data, filter);
      sendJsonParts(
        res,
        200,
        listParts(params, scope, source, (g) => listedGroupJson.json(g)),
      );
    },
  };

  const item: ResourceRoutes['item'] = {
    GET: ({ res, data, id }) => {
      sendJsonText(res, 200, groupJson.json(existingGroup(data, id)));
    },

    // AWS-GROUP-PUT: members cannot be replaced; otherwise displayName and externalId are.
    PUT: ({ req, res, data, id }) => {
      const current = existingGroup(data, id);
      if (isObject(req.body) && 'members' in req.body) {
        throw new ScimError(400, AWS_DETAIL.replaceMembers, {
          behaviour: 'AWS-GROUP-PUT',
          reason: 'PUT /Groups/{id} carries members',
        });
      }
      const { doc } = acceptGroupBody(req.body, ctx.profile);
      assertGroupUnique(data, doc, current.id);
      const group = { ...current, doc, lastModified: now() };
      data.groups.replace(group);
      sendJson(res, 200, renderGroup(group));
    },

    // AWS-PATCH-GROUP-204
    PATCH: ({ req, res, data, id }) => {
      const current = existingGroup(data, id);
      const change = planGroupPatch(req.body, {
        maxMembershipChanges: ctx.profile.maxMembershipChanges,
      });
      applyGroupChange(ctx, data, current, change, now());
      sendNoContent(res);
    },

    // AWS-GROUP-DELETE-204
    DELETE: ({ res, data, id }) => {
      const group = existingGroup(data, id);
      data.deleteGroup(group.id);
      sendNoContent(res);
    },
  };

  return { collection, item };
}

/** AWS-GROUP-GET-404 */
function existingGroup(data: TenantData, id: string): StoredResource {
  const group = data.groups.get(id);
  if (!group) throw ScimError.notFound(`no group with id ${id}`, 'AWS-GROUP-GET-404');
  return group;
}

/** Checks the whole change first, so a refused PATCH changes nothing. */
function applyGroupChange(
  ctx: MockContext,
  data: TenantData,
  current: StoredResource,
  change: GroupPatchChange,
  modified: string,
): void {
  const doc = { ...current.doc };
  if (change.displayName !== undefined) {
    checkGroupName(change.displayName, ctx.profile);
    doc.displayName = change.displayName;
  }
  if (change.externalId === null) delete doc.externalId;
  else if (change.externalId !== undefined) {
    checkGroupExternalId(change.externalId, ctx.profile);
    doc.externalId = change.externalId;
  }
  assertGroupUnique(data, doc, current.id);
  const added = change.members.filter((member) => member.op === 'add');
  assertMembersExist(
    data,
    added.map((member) => member.value),
  );

  data.groups.replace({ ...current, doc, lastModified: modified });
  for (const member of change.members) {
    if (member.op === 'add') data.memberships.add(current.id, member.value);
    else data.memberships.remove(current.id, member.value);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
