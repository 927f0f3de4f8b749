// Generated from scim/schemas/list-response.schema.json; do not edit by hand.
// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).

/**
 * A list answer (RFC 7644 §3.4.2). AWS's cursor mode sends itemsPerPage and nextCursor without totalResults or startIndex, so only schemas, itemsPerPage and Resources are required. Resources are checked against their own schema separately.
 */
export interface ScimListResponse {
  /**
   * @minItems 1
   */
  schemas: 'urn:ietf:params:scim:api:messages:2.0:ListResponse'[];
  totalResults?: number;
  itemsPerPage: number;
  startIndex?: number;
  nextCursor?: string;
  Resources: {
    [k: string]: unknown | undefined;
  }[];
}
