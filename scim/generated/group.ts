// Generated from scim/schemas/group.schema.json; do not edit by hand.
// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).

/**
 * A Group as AWS IAM Identity Center accepts it (RFC 7643 §4.2, DG-CG, DG-LIM): displayName required, at most 100 members on create, members without `display`.
 */
export interface ScimGroup {
  schemas?: 'urn:ietf:params:scim:schemas:core:2.0:Group'[];
  /**
   * Read-only; assigned by the service provider.
   */
  id?: string;
  externalId?: string;
  meta?: ScimGroupMeta;
  displayName: string;
  /**
   * @maxItems 100
   */
  members?: ScimGroupMember[];
}
/**
 * Read-only resource metadata (RFC 7643 §3.1).
 */
export interface ScimGroupMeta {
  resourceType?: string;
  created?: string;
  lastModified?: string;
  location?: string;
  version?: string;
}
export interface ScimGroupMember {
  value: string;
  type?: string;
  $ref?: string;
}
