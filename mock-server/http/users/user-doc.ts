// Turns a user body that passed the schema into the document the store keeps, applying the
// profile's rules, and checks uniqueness against the tenant's indexes.
import { ScimError } from '../../../scim/errors.ts';
import { checkUserRules, type UserRules } from '../../../scim/user-rules.ts';
import { assertValidUser } from '../../../scim/validate.ts';
import { ENTERPRISE_USER_URN } from '../../../scim/urns.ts';
import type { MockProfile } from '../../profile.ts';
import type { TenantData } from '../../store/tenant-data.ts';
import type { ScimDoc } from '../../store/types.ts';

export function userRulesOf(profile: MockProfile): UserRules {
  const { requireEmail, requirePrimaryEmail, maxUserNameLength, maxStringLength } = profile;
  return {
    requireEmail,
    requirePrimaryEmail,
    maxUserNameLength,
    maxStringLength,
    reservedNames: profile.reservedNames,
    forbiddenCharacters: profile.forbiddenCharacters,
  };
}

/** Checks a POST/PUT body (or a patched document) and returns the document to store. */
export function acceptUserDoc(body: unknown, profile: MockProfile): ScimDoc {
  // AWS-USER-REQUIRED-ATTRS, AWS-USER-SINGLE-VALUED, AWS-USER-UNSUPPORTED-ATTRS and friends.
  assertValidUser(body);
  // The rules judge what the client sent, before AWS's defaults fill anything in: otherwise
  // requirePrimaryEmail could never refuse an email that omits `primary`.
  checkUserRules(body, userRulesOf(profile));
  return normalizeUserDoc(body as unknown as ScimDoc, profile);
}

/** Drops what the server owns and applies AWS's defaults; never mutates `body`. */
function normalizeUserDoc(body: ScimDoc, profile: MockProfile): ScimDoc {
  const { id: _id, meta: _meta, schemas: _schemas, ...doc } = structuredClone(body);
  // AWS-USER-ACTIVE-DEFAULT
  if (doc.active === undefined) doc.active = profile.defaultActive;
  normalizeEmails(doc);
  normalizeEnterprise(doc);
  return doc;
}

/** AWS-USER-PRIMARY-EMAIL: an email that omits `primary` is taken as the primary one. */
function normalizeEmails(doc: ScimDoc): void {
  if (!Array.isArray(doc.emails)) return;
  for (const email of doc.emails as Record<string, unknown>[]) {
    if (email.primary === undefined) email.primary = true;
  }
}

/** AWS-USER-MANAGER-VALUE-ONLY: manager keeps its value; `$ref` is dropped. */
function normalizeEnterprise(doc: ScimDoc): void {
  const extension = doc[ENTERPRISE_USER_URN] as Record<string, unknown> | undefined;
  if (!extension) return;
  const manager = extension.manager as Record<string, unknown> | undefined;
  if (manager) {
    if (typeof manager.value === 'string') extension.manager = { value: manager.value };
    else delete extension.manager;
  }
  if (Object.keys(extension).length === 0) delete doc[ENTERPRISE_USER_URN];
}

/** AWS-USER-USERNAME-UNIQUE, AWS-USER-EXTERNALID-UNIQUE, AWS-USER-EMAIL-UNIQUE: 409. */
export function assertUserUnique(
  data: TenantData,
  doc: ScimDoc,
  profile: MockProfile,
  exceptId?: string,
): void {
  if (data.users.taken('userName', doc, exceptId)) {
    throw ScimError.conflict('userName is taken (case-insensitive)', 'AWS-USER-USERNAME-UNIQUE');
  }
  if (profile.uniqueExternalId && data.users.taken('externalId', doc, exceptId)) {
    throw ScimError.conflict('externalId is taken', 'AWS-USER-EXTERNALID-UNIQUE');
  }
  if (profile.uniqueEmail && data.users.taken('email', doc, exceptId)) {
    throw ScimError.conflict('primary email is taken', 'AWS-USER-EMAIL-UNIQUE');
  }
}
