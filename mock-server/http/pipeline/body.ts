// Request bodies: read raw up to the profile's limit (413, AWS-HTTP-BODY-LIMIT), then check the
// Content-Type (AWS-HTTP-REQUEST-CONTENT-TYPE), then parse JSON (AWS-HTTP-MALFORMED-JSON).
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';

const JSON_TYPES = new Set(['application/json', 'application/scim+json']);

/**
 * Reads any body as bytes up to the limit, then checks its type and parses it. One middleware
 * for both steps, so a request without a body passes a single express layer.
 */
export function bodyMiddleware(maxBodyBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxBodyBytes });
  return (req, res, next) => {
    // Most SCIM calls are GETs without a body: skip the reader and the per-request callback.
    // This is body-parser's own test (type-is hasBody), with the same outcome: no body.
    if (!hasBody(req)) {
      req.body = undefined;
      return next();
    }
    raw(req, res, (error?: unknown) => {
      if (error === undefined) return parseJsonBody(req, next);
      next(bodyReadError(error, maxBodyBytes));
    });
  };
}

/**
 * Reads a body only so the journal can show it (a request answered by an injected fault never
 * reaches the routes): raw up to the limit, parsed when it is JSON, and never refused here.
 */
export function keepBodyThen(req: Request, res: Response, maxBytes: number, then: () => void) {
  if (!hasBody(req)) return then();
  express.raw({ type: () => true, limit: maxBytes })(req, res, (error?: unknown) => {
    const body: unknown = req.body;
    if (error === undefined && Buffer.isBuffer(body) && isJson(req)) {
      try {
        req.body = JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        // Not JSON after all: the journal keeps the text.
      }
    }
    then();
  });
}

function isJson(req: Request): boolean {
  return JSON_TYPES.has(mediaType(req));
}

/** The Content-Type without parameters, lower-cased: `application/scim+json`. */
function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function hasBody(req: Request): boolean {
  const { headers } = req;
  const length = Number(headers['content-length']);
  return headers['transfer-encoding'] !== undefined || !Number.isNaN(length);
}

function bodyReadError(error: unknown, maxBodyBytes: number): ScimError {
  const status = (error as { status?: unknown }).status;
  if (status === 413) {
    return new ScimError(413, AWS_DETAIL.payloadTooLarge, {
      behaviour: 'AWS-HTTP-BODY-LIMIT',
      reason: `body over ${maxBodyBytes} bytes`,
      cause: error,
    });
  }
  return ScimError.invalid(`body could not be read: ${(error as Error).message}`);
}

/** Refuses a body sent as anything but JSON, then parses it into `req.body`. */
function parseJsonBody(req: Request, next: NextFunction): void {
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    req.body = undefined;
    return next();
  }
  if (!isJson(req)) {
    const type = mediaType(req);
    const reason = `Content-Type '${type}' is not application/scim+json or application/json`;
    return next(ScimError.invalid(reason, 'AWS-HTTP-REQUEST-CONTENT-TYPE'));
  }
  try {
    req.body = JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    const reason = `body is not JSON: ${(error as Error).message}`;
    return next(new ScimError(400, AWS_DETAIL.invalidRequest, { reason, cause: error }));
  }
  next();
}
