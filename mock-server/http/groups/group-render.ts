// A stored group in AWS's wire shape: never with its members (AWS-GROUP-GET-NO-MEMBERS), except
// the empty `members` list every group shows in a list (AWS-GROUP-LIST-EMPTY-MEMBERS).
import { GROUP_URN } from '../../../scim/urns.ts';
import type { StoredResource } from '../../store/types.ts';

export function renderGroup(group: StoredResource): Record<string, unknown> {
  const body: Record<string, unknown> = { id: group.id };
  if (group.doc.externalId !== undefined) body.externalId = group.doc.externalId;
  body.meta = { resourceType: 'Group', created: group.created, lastModified: group.lastModified };
  body.schemas = [GROUP_URN];
  body.displayName = group.doc.displayName;
  return body;
}

export function renderListedGroup(group: StoredResource): Record<string, unknown> {
  return { ...renderGroup(group), members: [] };
}
