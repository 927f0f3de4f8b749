// Opaque list cursors (AWS-CURSOR-SHAPE): a payload naming tenant, resource type, filter and
// position, HMAC-signed with a per-process secret, so a forged cursor, one from another tenant
// or one replayed with another filter is refused (AWS-CURSOR-INVALID, AWS-CURSOR-FILTER-CHANGE).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { ScimError } from '../../../scim/errors.ts';

export interface CursorScope {
  tenantId: string;
  resourceType: 'User' | 'Group';
  /** canonicalFilter() of the list's filter; '' for none. */
  filter: string;
}

interface CursorPayload {
  t: string;
  r: string;
  f: string;
  p: number;
}

const SECRET = randomBytes(32);

/** base64url pieces joined by ':', so it matches AWS's `[-a-zA-Z0-9+=/:_]*`. */
export function encodeCursor(scope: CursorScope, position: number): string {
  const payload: CursorPayload = {
    t: scope.tenantId,
    r: scope.resourceType,
    f: filterDigest(scope.filter),
    p: position,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}:${sign(body).toString('base64url')}`;
}

/** The position a cursor resumes after; throws the generic 400 for any cursor not ours. */
export function decodeCursor(cursor: string, scope: CursorScope): number {
  const payload = verified(cursor);
  if (payload.t !== scope.tenantId || payload.r !== scope.resourceType) {
    throw ScimError.invalid('cursor belongs to another tenant or list', 'AWS-CURSOR-INVALID');
  }
  if (payload.f !== filterDigest(scope.filter)) {
    throw ScimError.invalid(
      'cursor was made for another filter; restart with ?cursor',
      'AWS-CURSOR-FILTER-CHANGE',
    );
  }
  return payload.p;
}

function verified(cursor: string): CursorPayload {
  const [body, signature, ...rest] = cursor.split(':');
  const expected = body ? sign(body) : undefined;
  const given = Buffer.from(signature ?? '', 'base64url');
  const genuine =
    rest.length === 0 &&
    expected !== undefined &&
    given.length === expected.length &&
    timingSafeEqual(given, expected);
  if (!genuine)
    throw ScimError.invalid('cursor is not one this endpoint issued', 'AWS-CURSOR-INVALID');
  return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
}

function sign(body: string): Buffer {
  return createHmac('sha256', SECRET).update(body).digest();
}

function filterDigest(filter: string): string {
  return createHash('sha256').update(filter).digest('base64url').slice(0, 16);
}
