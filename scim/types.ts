// One import for the wire types generated from scim/schemas, so callers need not know the files.
export type { AwsErrorResponse } from './generated/error.ts';
export type { ScimGroup, ScimGroupMember } from './generated/group.ts';
export type { ScimListResponse } from './generated/list-response.ts';
export type { ScimPatchOp, ScimPatchOperation } from './generated/patch-op.ts';
export type { ServiceProviderConfig } from './generated/service-provider-config.ts';
export type {
  ScimAddress,
  ScimEmail,
  ScimEnterpriseUser,
  ScimManager,
  ScimMeta,
  ScimName,
  ScimPhoneNumber,
  ScimRole,
  ScimUser,
} from './generated/user.ts';
