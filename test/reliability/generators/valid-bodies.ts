// Bodies the mock would accept, as the starting point of mutations: each generator breaks them
// in one known way, so that every request it makes is invalid by construction.
import { ENTERPRISE_USER_URN, GROUP_URN, USER_URN } from '../../../scim/urns.ts';

export function validUser(n: number): Record<string, unknown> {
  return {
    schemas: [USER_URN, ENTERPRISE_USER_URN],
    userName: `fuzz${n}@example.com`,
    externalId: `ext-fuzz-${n}`,
    displayName: `Fuzz ${n}`,
    name: { givenName: 'Fuzz', familyName: `N${n}` },
    emails: [{ value: `fuzz${n}@example.com`, type: 'work', primary: true }],
    phoneNumbers: [{ value: '+1 555 0100', type: 'work' }],
    active: true,
    [ENTERPRISE_USER_URN]: { department: 'QA' },
  };
}

export function validGroup(n: number, memberIds: readonly string[] = []): Record<string, unknown> {
  return {
    schemas: [GROUP_URN],
    displayName: `Fuzz group ${n}`,
    externalId: `ext-fuzz-group-${n}`,
    members: memberIds.map((value) => ({ value })),
  };
}
