// Checks group bodies and names beyond the schema: reserved names, lengths, control and forbidden
// characters, the member cap of a create, members that must be users, and displayName uniqueness.
import { ScimError } from '../../../scim/errors.ts';
import { checkForbiddenCharacters, findReservedName } from '../../../scim/user-rules.ts';
import { assertValidGroup } from '../../../scim/validate.ts';
import type { MockProfile } from '../../profile.ts';
import type { TenantData } from '../../store/tenant-data.ts';
import type { ScimDoc } from '../../store/types.ts';

export interface AcceptedGroup {
  doc: ScimDoc;
  memberIds: string[];
}

/** A POST/PUT body as the group document to store plus the member ids it names. */
export function acceptGroupBody(body: unknown, profile: MockProfile): AcceptedGroup {
  assertValidGroup(body);
  const { displayName, externalId, members } = body as {
    displayName: string;
    externalId?: string;
    members?: { value: string }[];
  };
  checkGroupName(displayName, profile);
  if (externalId !== undefined) checkGroupExternalId(externalId, profile);
  const memberIds = (members ?? []).map((member) => member.value);
  if (memberIds.length > profile.maxMembershipChanges) {
    throw ScimError.invalid(
      `a group create may carry at most ${profile.maxMembershipChanges} members, ` +
        `got ${memberIds.length}`,
      'AWS-GROUP-CREATE-MEMBERS-MAX',
    );
  }
  const doc: ScimDoc = { displayName };
  if (externalId !== undefined) doc.externalId = externalId;
  return { doc, memberIds };
}

/**
 * AWS-GROUP-DISPLAYNAME-REQUIRED, AWS-USER-RESERVED-NAMES (groups too), and the string rules of
 * checkGroupString.
 */
export function checkGroupName(displayName: string, profile: MockProfile): void {
  if (displayName.trim() === '') {
    throw ScimError.invalid('displayName is empty', 'AWS-GROUP-DISPLAYNAME-REQUIRED');
  }
  const reserved = findReservedName(displayName, profile.reservedNames);
  if (reserved !== undefined) {
    throw ScimError.invalid(
      `displayName '${displayName}' is reserved by AWS (matches '${reserved}')`,
      'AWS-USER-RESERVED-NAMES',
    );
  }
  checkGroupString('displayName', displayName, profile);
}

/** A group externalId (POST, PUT or PATCH) meets the same string rules as displayName. */
export function checkGroupExternalId(externalId: string, profile: MockProfile): void {
  checkGroupString('externalId', externalId, profile);
}

/** AWS-USER-LENGTH-LIMITS, AWS-USER-CONTROL-CHARS and AWS-USER-FORBIDDEN-CHARS, as for users. */
function checkGroupString(name: string, value: string, profile: MockProfile): void {
  if ([...value].length > profile.maxStringLength) {
    throw ScimError.invalid(
      `${name} is longer than ${profile.maxStringLength} characters`,
      'AWS-USER-LENGTH-LIMITS',
    );
  }
  // U+0000–U+001F and U+007F, as for users.
  if ([...value].some((char) => char.charCodeAt(0) <= 0x1f || char.charCodeAt(0) === 0x7f)) {
    throw ScimError.invalid(`${name} holds a control character`, 'AWS-USER-CONTROL-CHARS');
  }
  checkForbiddenCharacters(name, value, profile.forbiddenCharacters);
}

/** AWS-GROUP-DISPLAYNAME-UNIQUE: compared case-insensitively; 409. */
export function assertGroupUnique(data: TenantData, doc: ScimDoc, exceptId?: string): void {
  if (data.groups.taken('displayName', doc, exceptId)) {
    throw ScimError.conflict(
      'group displayName is taken (case-insensitive)',
      'AWS-GROUP-DISPLAYNAME-UNIQUE',
    );
  }
}

/** AWS-GROUP-MEMBER-UNKNOWN-404: every member named must be an existing user. */
export function assertMembersExist(data: TenantData, userIds: readonly string[]): void {
  for (const userId of userIds) {
    if (!data.users.get(userId)) {
      throw ScimError.notFound(`member ${userId} is no user`, 'AWS-GROUP-MEMBER-UNKNOWN-404');
    }
  }
}
