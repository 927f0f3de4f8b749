// Generated from scim/schemas/error.schema.json; do not edit by hand.
// Change the schema, then run `npm run generate:types` (scripts/generate-types.ts).

/**
 * @minItems 1
 */
export type AwsErrorUrns = 'urn:ietf:params:scim:api:messages:2.0:Error'[];

/**
 * AWS's error body as observed since about March 2022 (aws-scim-behaviour.md §6): the non-standard `schema` beside `schemas`, status as a string, no scimType. exceptionRequestId and timeStamp appear in every captured body but no 401 body was ever captured, so they stay optional.
 */
export interface AwsErrorResponse {
  schema: AwsErrorUrns;
  schemas: AwsErrorUrns;
  detail: string;
  status: string;
  exceptionRequestId?: string;
  timeStamp?: string;
}
