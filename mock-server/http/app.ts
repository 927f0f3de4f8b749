// Builds the mock's express app. The order is the contract (docs/architecture.md): request id,
// journal capture, faults, body limit and JSON parse, content-type check, routes, AWS errors.
import express, { type Express } from 'express';

import { journalMiddleware } from '../admin/journal.ts';
import { ADMIN_BASE_PATH } from '../admin/client.ts';
import { faultMiddleware } from '../admin/faults.ts';
import { adminRouter, type AdminRouterOptions } from '../admin/router.ts';
import type { MockContext } from '../context.ts';
import { bodyMiddleware } from './pipeline/body.ts';
import { awsErrorHandler, notFoundHandler } from './pipeline/error-handler.ts';
import { requestIdMiddleware } from './pipeline/request-id.ts';
import { requestLogMiddleware } from './pipeline/request-log.ts';
import { scimRouter } from './scim-router.ts';

export function buildApp(ctx: MockContext, adminOptions: AdminRouterOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestIdMiddleware());
  app.use(requestLogMiddleware(ctx.logger));
  app.use(journalMiddleware(ctx));
  app.use(faultMiddleware(ctx));
  // The admin side reads its own bodies: a state upload may exceed the SCIM body limit.
  app.use(ADMIN_BASE_PATH, adminRouter(ctx, adminOptions));
  app.use(bodyMiddleware(ctx.profile.maxBodyBytes));

  // Matches `/{tenantId}/scim/v2` itself; anything else falls through to the 404.
  app.use(scimRouter(ctx));
  app.use(notFoundHandler());
  app.use(awsErrorHandler(ctx));
  return app;
}
