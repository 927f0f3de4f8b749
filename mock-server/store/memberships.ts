// Group membership kept in both directions, so `members.value eq` (a user's groups) and
// `groups.value eq` (a group's members) are both lookups; each side pages like a table.
import { OrderedIds } from './ordered-ids.ts';

/** What readers of a membership side may do: look, page, count; never write. */
export type MemberIds = Pick<OrderedIds, 'has' | 'page' | 'size' | 'values' | 'positionOf'>;

export class Memberships {
  private readonly membersByGroup = new Map<string, OrderedIds>();
  private readonly groupsByUser = new Map<string, OrderedIds>();

  has(groupId: string, userId: string): boolean {
    return this.membersByGroup.get(groupId)?.has(userId) ?? false;
  }

  /** Adds a member; adding one twice is no change (AWS-PATCH-MEMBER-IDEMPOTENT). */
  add(groupId: string, userId: string): boolean {
    if (this.has(groupId, userId)) return false;
    setFor(this.membersByGroup, groupId).add(userId);
    setFor(this.groupsByUser, userId).add(groupId);
    return true;
  }

  /** Removes a member; removing a non-member is no change (AWS-PATCH-MEMBER-IDEMPOTENT). */
  remove(groupId: string, userId: string): boolean {
    if (!this.has(groupId, userId)) return false;
    dropFrom(this.membersByGroup, groupId, userId);
    dropFrom(this.groupsByUser, userId, groupId);
    return true;
  }

  /** The group's members in the order they joined; empty for a group without any. */
  membersOf(groupId: string): MemberIds {
    return this.membersByGroup.get(groupId) ?? EMPTY;
  }

  groupsOf(userId: string): MemberIds {
    return this.groupsByUser.get(userId) ?? EMPTY;
  }

  /** Drops a user from every group (AWS-USER-DELETE-MEMBERSHIPS); returns the groups touched. */
  removeUser(userId: string): string[] {
    const groupIds = [...this.groupsOf(userId).values()];
    for (const groupId of groupIds) this.remove(groupId, userId);
    return groupIds;
  }

  removeGroup(groupId: string): void {
    for (const userId of [...this.membersOf(groupId).values()]) this.remove(groupId, userId);
  }

  clear(): void {
    this.membersByGroup.clear();
    this.groupsByUser.clear();
  }
}

const EMPTY = new OrderedIds();

function setFor(map: Map<string, OrderedIds>, key: string): OrderedIds {
  let ids = map.get(key);
  if (!ids) {
    ids = new OrderedIds();
    map.set(key, ids);
  }
  return ids;
}

function dropFrom(map: Map<string, OrderedIds>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
