// A stored user in AWS's wire shape: id, externalId, meta, schemas, then the attributes in the
// order of AWS's examples (DG-CU, DG-GU); meta has no location or version (AWS-USER-META).
import { ENTERPRISE_USER_URN, USER_URN } from '../../../scim/urns.ts';
import type { StoredResource } from '../../store/types.ts';

const ATTRIBUTE_ORDER = [
  'userName',
  'name',
  'displayName',
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'active',
  'emails',
  'addresses',
  'phoneNumbers',
  'roles',
  ENTERPRISE_USER_URN,
];

export function renderUser(user: StoredResource): Record<string, unknown> {
  const { doc } = user;
  const body: Record<string, unknown> = { id: user.id };
  if (doc.externalId !== undefined) body.externalId = doc.externalId;
  body.meta = { resourceType: 'User', created: user.created, lastModified: user.lastModified };
  // AWS-USER-SCHEMAS-ENTERPRISE: the extension URN only when the user has extension data.
  body.schemas = doc[ENTERPRISE_USER_URN] ? [USER_URN, ENTERPRISE_USER_URN] : [USER_URN];
  for (const key of ATTRIBUTE_ORDER) {
    if (doc[key] !== undefined) body[key] = doc[key];
  }
  for (const [key, value] of Object.entries(doc)) {
    if (!(key in body) && value !== undefined) body[key] = value;
  }
  return body;
}
