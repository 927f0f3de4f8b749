// Everything one tenant holds: users, groups and memberships, with the indexes AWS's filters
// need (userName and email case-folded, externalId exact, group displayName case-folded).
import { Memberships } from './memberships.ts';
import { ResourceTable } from './resource-table.ts';
import type { ScimDoc } from './types.ts';

export type UserIndex = 'userName' | 'externalId' | 'email';
export type GroupIndex = 'displayName' | 'externalId';

export class TenantData {
  readonly users = new ResourceTable<UserIndex>([
    { name: 'userName', caseInsensitive: true, key: (doc) => stringAt(doc, 'userName') },
    { name: 'externalId', caseInsensitive: false, key: (doc) => stringAt(doc, 'externalId') },
    { name: 'email', caseInsensitive: true, key: primaryEmail },
  ]);

  readonly groups = new ResourceTable<GroupIndex>([
    { name: 'displayName', caseInsensitive: true, key: (doc) => stringAt(doc, 'displayName') },
    { name: 'externalId', caseInsensitive: false, key: (doc) => stringAt(doc, 'externalId') },
  ]);

  readonly memberships = new Memberships();

  constructor(readonly tenantId: string) {}

  /** Removes a user and its memberships; returns the ids of the groups it left. */
  deleteUser(userId: string): string[] | undefined {
    if (!this.users.delete(userId)) return undefined;
    return this.memberships.removeUser(userId);
  }

  deleteGroup(groupId: string): boolean {
    if (!this.groups.delete(groupId)) return false;
    this.memberships.removeGroup(groupId);
    return true;
  }

  clear(): void {
    this.users.clear();
    this.groups.clear();
    this.memberships.clear();
  }
}

function stringAt(doc: ScimDoc, key: string): string | undefined {
  const value = doc[key];
  return typeof value === 'string' ? value : undefined;
}

/** The one email AWS keeps per user (AWS-USER-SINGLE-VALUED) is its primary one. */
export function primaryEmail(doc: ScimDoc): string | undefined {
  const emails = doc.emails;
  if (!Array.isArray(emails) || emails.length === 0) return undefined;
  const first: unknown = emails[0];
  if (typeof first !== 'object' || first === null) return undefined;
  const value = (first as Record<string, unknown>).value;
  return typeof value === 'string' ? value : undefined;
}
