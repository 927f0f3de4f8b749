// Generated from scim/schemas/user.schema.json; do not edit by hand.
// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).

/**
 * A User as AWS IAM Identity Center accepts it: RFC 7643 §4.1 cut down to the attributes AWS supports (DG-CU, DG-LIM). Each multi-valued attribute holds one element at most, no `display` sub-attributes, anything else refused. `active` is a boolean here; the PATCH engine alone accepts the strings "true"/"false" (AWS-PATCH-STRING-BOOLEANS). Length, reserved-name, email and control-character rules depend on settings and live in scim/user-rules.ts.
 */
export interface ScimUser {
  schemas?: (
    | 'urn:ietf:params:scim:schemas:core:2.0:User'
    | 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
  )[];
  /**
   * Read-only; assigned by the service provider.
   */
  id?: string;
  externalId?: string;
  meta?: ScimMeta;
  userName: string;
  name: ScimName;
  displayName: string;
  nickName?: string;
  profileUrl?: string;
  title?: string;
  userType?: string;
  preferredLanguage?: string;
  locale?: string;
  timezone?: string;
  active?: boolean;
  /**
   * @maxItems 1
   */
  emails?: ScimEmail[];
  /**
   * @maxItems 1
   */
  phoneNumbers?: ScimPhoneNumber[];
  /**
   * @maxItems 1
   */
  addresses?: ScimAddress[];
  /**
   * @maxItems 1
   */
  roles?: ScimRole[];
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'?: ScimEnterpriseUser;
}
/**
 * Read-only resource metadata (RFC 7643 §3.1). AWS sends resourceType, created and lastModified only.
 */
export interface ScimMeta {
  resourceType?: string;
  created?: string;
  lastModified?: string;
  location?: string;
  version?: string;
}
export interface ScimName {
  formatted?: string;
  familyName: string;
  givenName: string;
  middleName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
}
export interface ScimEmail {
  value?: string;
  type?: string;
  primary?: boolean;
}
export interface ScimPhoneNumber {
  value?: string;
  type?: string;
}
export interface ScimAddress {
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  type?: string;
  primary?: boolean;
}
export interface ScimRole {
  value?: string;
  type?: string;
  primary?: boolean;
}
/**
 * The enterprise extension (RFC 7643 §4.3) as AWS supports it: no manager.displayName.
 */
export interface ScimEnterpriseUser {
  employeeNumber?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  department?: string;
  manager?: ScimManager;
}
/**
 * AWS keeps value only and drops $ref from its answers (AWS-USER-MANAGER-VALUE-ONLY).
 */
export interface ScimManager {
  value?: string;
  $ref?: string;
}
