// A tenant's SCIM base, `/{tenantId}/scim/v2`: authentication first, then the resources AWS
// supports; /Me, /Bulk and /.search are refused with 404 like any unknown path.
import { Router } from 'express';

import { ScimError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';
import { authMiddleware } from './auth.ts';
import { discoveryRoutes } from './discovery/discovery-routes.ts';
import { groupRoutes } from './groups/group-routes.ts';
import { userRoutes } from './users/user-routes.ts';

export const SCIM_BASE_PATH = '/:tenantId/scim/v2';

const UNSUPPORTED = ['/Me', '/Bulk', '/.search', '/Users/.search', '/Groups/.search'];

export function scimRouter(ctx: MockContext): Router {
  const router = Router({ mergeParams: true });
  router.use(authMiddleware(ctx));
  // Express would answer OPTIONS itself in text/plain; AWS lists no such operation.
  router.use((req, _res, next) => {
    if (req.method !== 'OPTIONS') return next();
    next(ScimError.notFound('OPTIONS is not supported', 'AWS-HTTP-UNKNOWN-PATH'));
  });
  // AWS-HTTP-UNSUPPORTED-ENDPOINTS
  router.all(UNSUPPORTED, (req) => {
    throw ScimError.notFound(`${req.path} is not supported`, 'AWS-HTTP-UNSUPPORTED-ENDPOINTS');
  });
  router.use('/Users', userRoutes(ctx));
  router.use('/Groups', groupRoutes(ctx));
  router.use(discoveryRoutes());
  return router;
}
