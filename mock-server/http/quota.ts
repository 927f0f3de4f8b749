// AWS-QUOTA-USERS-GROUPS: an identity store holds at most 100,000 users and 100,000 groups.
// AWS documents the quota, not the SCIM answer past it; the mock refuses with its generic 400.
import { ScimError } from '../../scim/errors.ts';

/** Refuses a create that would take a tenant's users or groups past the profile's quota. */
export function assertRoomFor(kind: 'users' | 'groups', held: number, quota: number): void {
  if (held < quota) return;
  throw ScimError.invalid(
    `the tenant already holds ${held} ${kind}, its quota (profile setting ` +
      `${kind === 'users' ? 'maxUsers' : 'maxGroups'})`,
    'AWS-QUOTA-USERS-GROUPS',
  );
}
