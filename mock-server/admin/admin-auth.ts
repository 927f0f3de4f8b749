// Guards the admin API: loopback callers only (unless allowed), and only the admin token, compared
// in constant time; a SCIM token is refused here just like any other wrong secret.
import { createHash, timingSafeEqual } from 'node:crypto';

import type { RequestHandler } from 'express';

import type { MockContext } from '../context.ts';
import { sendAdminError } from './admin-errors.ts';
import { bearerSecret } from './redact.ts';

export interface AdminAccessOptions {
  /** Accept callers that are not on loopback (e.g. a mock in a container); off by default. */
  allowRemote?: boolean;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Hashing first makes the comparison constant-time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected));
}

export function adminAuth(ctx: MockContext, options: AdminAccessOptions = {}): RequestHandler {
  return (req, res, next) => {
    if (!options.allowRemote && !isLoopback(req.socket.remoteAddress)) {
      sendAdminError(
        res,
        403,
        'ADMIN_REMOTE_REFUSED',
        'the admin API answers loopback callers only',
      );
      return;
    }
    const secret = bearerSecret(req.headers.authorization);
    if (secret === null || !sameSecret(secret, ctx.adminToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="scim-harness-admin"');
      sendAdminError(
        res,
        401,
        'ADMIN_UNAUTHORIZED',
        'send the admin token as "Authorization: Bearer <admin token>"; SCIM tokens are not accepted',
      );
      return;
    }
    next();
  };
}
