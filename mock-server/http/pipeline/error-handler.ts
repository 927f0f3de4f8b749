// The end of the chain: unknown paths get 404 and every error an AWS error body. A ScimError is
// the client's fault and renders as is; anything else is the mock's bug: 500, stack logged.
import type { ErrorRequestHandler, RequestHandler } from 'express';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';
import type { MockContext } from '../../context.ts';
import { requestIdOf, sendScimError } from '../respond.ts';
import { scrubBearer } from './request-log.ts';

/** AWS-HTTP-UNKNOWN-PATH */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => {
    next(ScimError.notFound(`no route for ${req.method} ${req.path}`, 'AWS-HTTP-UNKNOWN-PATH'));
  };
}

export function awsErrorHandler(ctx: MockContext): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = requestIdOf(res);
    const scimError =
      error instanceof ScimError ? error : (clientError(error) ?? internalError(error));
    if (scimError.status >= 500) {
      ctx.logger.error(
        {
          err: error,
          requestId,
          method: req.method,
          path: scrubBearer(req.originalUrl.split('?')[0], req.headers.authorization),
        },
        'fault',
      );
    } else {
      const { behaviour } = scimError;
      const reason = scimError.reason && scrubBearer(scimError.reason, req.headers.authorization);
      ctx.logger.debug({ requestId, status: scimError.status, behaviour, reason }, 'refused');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.locals.scimError = { behaviour: scimError.behaviour, reason: scimError.reason };
    sendScimError(res, scimError, ctx.clock);
  };
}

/** Express's own 4xx faults (e.g. a path with a malformed percent escape) are the client's. */
function clientError(error: unknown): ScimError | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return ScimError.invalid(`request refused by the HTTP layer: ${(error as Error).message}`);
}

/** AWS-ERROR-INTERNAL-500 */
function internalError(error: unknown): ScimError {
  return new ScimError(500, AWS_DETAIL.internal, {
    behaviour: 'AWS-ERROR-INTERNAL-500',
    reason: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
