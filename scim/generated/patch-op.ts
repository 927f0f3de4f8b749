// Generated from scim/schemas/patch-op.schema.json; do not edit by hand.
// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).

/**
 * A PATCH body (RFC 7644 §3.5.2). op is any string here: AWS matches op names case-insensitively (AWS-PATCH-OP-CASE), so the patch engine, not the schema, decides which names it knows.
 */
export interface ScimPatchOp {
  /**
   * @minItems 1
   */
  schemas: string[];
  /**
   * @minItems 1
   */
  Operations: ScimPatchOperation[];
}
export interface ScimPatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}
