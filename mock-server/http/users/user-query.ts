// Answers each ListUsers filter AWS supports from the tenant's indexes, never by a scan
// (AWS-FILTER-USER-ATTRS, AWS-FILTER-USERNAME-CASE).
import { ENTERPRISE_USER_URN } from '../../../scim/urns.ts';
import type { UserFilter } from '../../../scim/filter.ts';
import type { TenantData } from '../../store/tenant-data.ts';
import type { StoredResource } from '../../store/types.ts';
import { candidateSource, memberSource, type PageSource } from '../lists/list-response.ts';

export function userSource(data: TenantData, filter: UserFilter | undefined): PageSource {
  const { users } = data;
  if (!filter) return (after, limit) => users.page(after, limit);
  switch (filter.kind) {
    case 'userName':
      return candidateSource(users.lookup('userName', filter.value), users);
    case 'externalId':
      return candidateSource(users.lookup('externalId', filter.value), users);
    case 'id':
      return candidateSource(found(users.get(filter.value)), users);
    case 'idAndManager': {
      const user = users.get(filter.id);
      const matches = user && managerOf(user) === filter.managerId;
      return candidateSource(matches ? [user] : [], users);
    }
    case 'groupMember':
      // An unknown group has no members: an empty list (AWS documents 404 only for members.value).
      return memberSource(data.memberships.membersOf(filter.groupId), (id) => users.get(id));
  }
}

function found(resource: StoredResource | undefined): StoredResource[] {
  return resource ? [resource] : [];
}

function managerOf(user: StoredResource): unknown {
  const extension = user.doc[ENTERPRISE_USER_URN] as { manager?: { value?: unknown } } | undefined;
  return extension?.manager?.value;
}
