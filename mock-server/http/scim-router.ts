// A tenant's SCIM base, `/{tenantId}/scim/v2`: authentication first, then the resources AWS
// supports; /Me, /Bulk and /.search are refused with 404 like any unknown path. One middleware
// and a route table rather than nested express routers: this is the mock's hottest code.
import type { RequestHandler } from 'express';

import { ScimError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';
import { authError } from './auth.ts';
import { discoveryRoutes } from './discovery/discovery-routes.ts';
import { groupRoutes } from './groups/group-routes.ts';
import { isUnsupportedPath, RouteTable } from './route-table.ts';
import { userRoutes } from './users/user-routes.ts';

export const SCIM_BASE_PATH = '/:tenantId/scim/v2';

export function scimRouter(ctx: MockContext): RequestHandler {
  const table = new RouteTable()
    .add('Users', userRoutes(ctx), true)
    .add('Groups', groupRoutes(ctx), true);
  for (const [resource, routes] of discoveryRoutes()) table.add(resource, routes, false);

  return (req, res, next) => {
    const tenantId = tenantParam(req.params);
    const refused = authError(ctx, tenantId, req.headers.authorization);
    if (refused) return next(refused);
    // Express would answer OPTIONS itself in text/plain; AWS lists no such operation.
    if (req.method === 'OPTIONS') {
      return next(ScimError.notFound('OPTIONS is not supported', 'AWS-HTTP-UNKNOWN-PATH'));
    }
    // `req.path` is the part after the base: the app mounts this handler there.
    const { path } = req;
    if (isUnsupportedPath(path)) {
      const reason = `${path} is not supported`;
      return next(ScimError.notFound(reason, 'AWS-HTTP-UNSUPPORTED-ENDPOINTS'));
    }
    try {
      const route = table.match(req.method, path);
      if (!route) return next();
      route.handler({ req, res, data: ctx.store.tenant(tenantId), id: route.id });
    } catch (error) {
      next(error);
    }
  };
}

function tenantParam(params: Record<string, unknown>): string {
  const value = params.tenantId;
  return typeof value === 'string' ? value : '';
}
