// Authentication, routing, headers and error bodies.
import type { AwsBehaviour } from './types.ts';

export const HTTP_BEHAVIOURS: readonly AwsBehaviour[] = [
  {
    id: 'AWS-AUTH-BEARER-401',
    summary:
      'A missing, malformed, unknown, revoked or expired bearer token gets 401, whatever the body.',
    evidence: 'C',
    source: 'DG-* error tables; ssosync#198',
    rfc: 'RFC 7644 §2',
  },
  {
    id: 'AWS-AUTH-UNKNOWN-TENANT',
    summary:
      'An unknown tenant id in the base URL gets 401 (404 "TENANT does not exist." when ' +
      'configured).',
    evidence: 'C',
    source: 'DG-* error tables; idp-scim-sync#42',
    setting: 'unknownTenantStatus',
  },
  {
    id: 'AWS-AUTH-TOKEN-LIMIT',
    summary:
      'A tenant holds at most two tokens, expired ones included; a third needs one revoked first.',
    evidence: 'C',
    source: 'UG-ROT',
  },
  {
    id: 'AWS-AUTH-TOKEN-EXPIRY',
    summary: 'A token expires one year after it was made.',
    evidence: 'C',
    source: 'UG-AUTO',
  },
  {
    id: 'AWS-HTTP-CONTENT-TYPE',
    summary:
      'Every response with a body has Content-Type application/json, not application/scim+json.',
    evidence: 'C',
    source: 'DG-* examples',
    rfc: 'RFC 7644 §3.1',
    departsFromRfc: true,
  },
  {
    id: 'AWS-HTTP-REQUEST-ID',
    summary:
      'Every response carries x-amzn-RequestId; error bodies repeat it as exceptionRequestId.',
    evidence: 'C',
    source: 'DG-* examples',
  },
  {
    id: 'AWS-HTTP-REQUEST-CONTENT-TYPE',
    summary:
      'Request bodies must be application/scim+json or application/json; anything else gets 400.',
    evidence: 'U',
    source: 'ssosync, idp-scim-sync clients',
    rfc: 'RFC 7644 §3.1',
  },
  {
    id: 'AWS-HTTP-BODY-LIMIT',
    summary: 'A request body over 1,048,576 bytes gets 413 in AWS error form.',
    evidence: 'U',
    source: 'DG-SPC bulk.maxPayloadSize',
    setting: 'maxBodyBytes',
  },
  {
    id: 'AWS-HTTP-UNSUPPORTED-ENDPOINTS',
    summary: '/Me, /Bulk and /.search are not supported and get 404.',
    evidence: 'C',
    source: 'DG-LIM',
    rfc: 'RFC 7644 §3.7, §3.11, §3.4.3',
    departsFromRfc: true,
  },
  {
    id: 'AWS-HTTP-UNKNOWN-PATH',
    summary: 'An unknown path, or a path missing the slash after /scim/v2, gets 404.',
    evidence: 'R',
    source: 'keycloak-scim#73; PING',
  },
  {
    id: 'AWS-HTTP-DOUBLE-SLASH',
    summary:
      'A doubled slash between the base URL and the resource (.../scim/v2//Users) is served.',
    evidence: 'U',
    source: 'ssosync joins a base ending in / with /Users against real AWS',
  },
  {
    id: 'AWS-HTTP-MALFORMED-JSON',
    summary: 'A body that is not JSON, or not a JSON object, gets the generic 400.',
    evidence: 'C',
    source: 'DG-* error tables',
    rfc: 'RFC 7644 §3.12',
  },
  {
    id: 'AWS-ERROR-BODY',
    summary:
      'Errors carry schema and schemas, detail, status as a string, exceptionRequestId and ' +
      'timeStamp; no scimType.',
    evidence: 'R',
    source: 'idp-scim-sync#30/#45/#62; authentik#12321',
    rfc: 'RFC 7644 §3.12',
    departsFromRfc: true,
  },
  {
    id: 'AWS-ERROR-INTERNAL-500',
    summary:
      'An unexpected fault is a 500 InternalServerException in AWS error form; client input ' +
      'never causes one.',
    evidence: 'C',
    source: 'DG-* error tables',
  },
  {
    id: 'AWS-THROTTLE-429',
    summary:
      'Above the rate limit requests get 429 ThrottlingException in AWS error form; Retry-After ' +
      'only when configured.',
    evidence: 'R',
    source: 'ssosync#2, #13',
    setting: 'retryAfter',
  },
];
