// The error body a profile expects: AWS's observed shape (AWS-ERROR-BODY), or RFC 7644 §3.12.
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ERROR_URN } from '../../../scim/urns.ts';
import type { CheckContext } from '../../runner/check.ts';
import type { ScimResponse } from '../../runner/http-client.ts';
import { ensure, expectEqual, expectStatus } from './expect.ts';

const AWS_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;

/** Asserts status plus the profile's error envelope; `scimType` is the RFC's code, when one applies. */
export function expectError(
  ctx: CheckContext,
  response: ScimResponse,
  status: number,
  what: string,
  scimType?: string,
): void {
  expectStatus(response, status, what);
  if (ctx.profile === 'aws') expectAwsError(response, status, what);
  else expectRfcError(response, status, what, scimType);
}

export function expectAwsError(response: ScimResponse, status: number, what: string): void {
  const body = response.body;
  ensure(
    body && typeof body === 'object',
    `${what}: expected an AWS error body, got ${response.text.slice(0, 80) || 'none'}`,
  );
  expectEqual(body.schema, [ERROR_URN], `${what}: error 'schema'`);
  expectEqual(body.schemas, [ERROR_URN], `${what}: error 'schemas'`);
  expectEqual(body.status, String(status), `${what}: error 'status' (a string)`);
  ensure(typeof body.detail === 'string' && body.detail !== '', `${what}: error 'detail' missing`);
  ensure(
    typeof body.exceptionRequestId === 'string',
    `${what}: error 'exceptionRequestId' missing`,
  );
  ensure(
    AWS_TIMESTAMP.test(String(body.timeStamp)),
    `${what}: error 'timeStamp' ${String(body.timeStamp)} is not YYYY-MM-DD HH:MM:SS.mmm`,
  );
  ensure(!('scimType' in body), `${what}: AWS sends no 'scimType', got ${String(body.scimType)}`);
}

/** RFC 7644 §3.12: schemas holds the Error URN, status is the HTTP status as a string. */
export function expectRfcError(
  response: ScimResponse,
  status: number,
  what: string,
  scimType?: string,
): void {
  const body = response.body;
  ensure(
    body && typeof body === 'object',
    `${what}: expected a SCIM Error body, got ${response.text.slice(0, 80) || 'none'}`,
  );
  ensure(
    Array.isArray(body.schemas) && body.schemas.includes(ERROR_URN),
    `${what}: 'schemas' lacks ${ERROR_URN}`,
  );
  expectEqual(body.status, String(status), `${what}: error 'status' (a string)`);
  if (scimType) expectEqual(body.scimType, scimType, `${what}: 'scimType'`);
}

/** AWS's generic 400 detail (aws-scim-behaviour.md §6). */
export function expectGenericDetail(response: ScimResponse, what: string): void {
  expectEqual(
    (response.body as { detail?: unknown }).detail,
    AWS_DETAIL.invalidRequest,
    `${what}: detail`,
  );
}
