// Builds the mock's express app. The order is the contract (docs/architecture.md): request id,
// request log, journal capture, fault rules, then either the admin side or the SCIM side (tenant
// and token, then the tenant's rate limit, body limit, content-type check and JSON parse, routes,
// 404), and AWS errors for anything that fails.
// The SCIM chain runs as one express layer (pipeline/sequence.ts): it is the mock's hot path.
import express, { type Express, type RequestHandler } from 'express';

import { journalMiddleware } from '../admin/journal.ts';
import { ADMIN_BASE_PATH } from '../admin/client.ts';
import { faultMiddleware, rateLimitGate } from '../admin/faults.ts';
import { adminRouter, type AdminRouterOptions } from '../admin/router.ts';
import type { MockContext } from '../context.ts';
import { bodyMiddleware } from './pipeline/body.ts';
import { awsErrorHandler, notFoundHandler } from './pipeline/error-handler.ts';
import { requestIdMiddleware } from './pipeline/request-id.ts';
import { requestLogMiddleware } from './pipeline/request-log.ts';
import { sequence } from './pipeline/sequence.ts';
import { scimRouter } from './scim-router.ts';

export function buildApp(ctx: MockContext, adminOptions: AdminRouterOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  const onError = awsErrorHandler(ctx);
  app.use(
    sequence(
      [
        requestIdMiddleware(),
        requestLogMiddleware(ctx.logger),
        journalMiddleware(ctx),
        faultMiddleware(ctx),
        // The admin side reads its own bodies: a state upload may exceed the SCIM body limit.
        toAdminSide(),
        // Matches `/{tenantId}/scim/v2` itself; applies the rate limit and reads bodies only once
        // a token is accepted; anything else falls through to the 404.
        scimRouter(ctx, {
          throttle: rateLimitGate(ctx),
          readBody: bodyMiddleware(ctx.profile.maxBodyBytes),
        }),
        notFoundHandler(),
      ],
      onError,
    ),
  );
  app.use(ADMIN_BASE_PATH, adminRouter(ctx, adminOptions));
  app.use(onError);
  return app;
}

/**
 * Where express would have matched the admin mount (any case, then `/` or the end), hands the
 * request on to it; every other request stays on the SCIM side.
 */
const ADMIN_MOUNT = new RegExp(
  `^${ADMIN_BASE_PATH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`,
  'i',
);

function toAdminSide(): RequestHandler {
  return (req, _res, next) => {
    next(ADMIN_MOUNT.test(req.path) ? 'route' : undefined);
  };
}
