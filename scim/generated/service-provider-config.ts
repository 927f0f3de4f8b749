// Generated from scim/schemas/service-provider-config.schema.json; do not edit by hand.
// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).

/**
 * The /ServiceProviderConfig body (RFC 7643 §5) in the form of the DG-SPC example.
 */
export interface ServiceProviderConfig {
  /**
   * @minItems 1
   */
  schemas: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'[];
  documentationUri?: string;
  authenticationSchemes: SpcAuthenticationScheme[];
  patch: SpcSupported;
  bulk: SpcBulk;
  filter: SpcFilter;
  changePassword: SpcSupported;
  sort: SpcSupported;
  etag: SpcSupported;
  meta?: {
    [k: string]: unknown | undefined;
  };
}
export interface SpcAuthenticationScheme {
  type: string;
  name: string;
  description: string;
  specUri?: string;
  documentationUri?: string;
  primary?: boolean;
}
export interface SpcSupported {
  supported: boolean;
}
export interface SpcBulk {
  supported: boolean;
  maxOperations: number;
  maxPayloadSize: number;
}
export interface SpcFilter {
  supported: boolean;
  maxResults: number;
}
