// A tenant's SCIM base, `/{tenantId}/scim/v2`: authentication first, then the resources AWS
// supports; /Me, /Bulk and /.search are refused with 404 like any unknown path. One middleware
// and a route table rather than nested express routers: this is the mock's hottest code.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { ScimError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';
import { authError } from './auth.ts';
import { discoveryRoutes } from './discovery/discovery-routes.ts';
import { groupRoutes } from './groups/group-routes.ts';
import { decodeParam, isUnsupportedPath, RouteTable } from './route-table.ts';
import { userRoutes } from './users/user-routes.ts';

/**
 * `/{tenantId}/scim/v2` as express matched the mount `/:tenantId/scim/v2`: any case, and a
 * trailing slash belongs to the base. Matched here, so no express layer has to.
 */
const SCIM_BASE = /^\/([^/]+)\/scim\/v2(?:\/$)?(?=\/|$)/i;

/** Answers a request itself and returns true, or returns false to let it through. */
export type TenantGate = (req: Request, res: Response, tenantId: string) => boolean;

export interface AuthenticatedSteps {
  /** AWS-THROTTLE-429: the tenant's rate limit. */
  throttle: TenantGate;
  /** The body middleware: size limit, Content-Type check, JSON parse. */
  readBody: RequestHandler;
}

/**
 * AWS-AUTH-BEARER-401: the tenant and token are checked before anything else, so a caller
 * without a good token gets 401 whatever it sent (a broken, oversized or non-JSON body included),
 * never uses up a tenant's rate limit, and the mock never parses a stranger's payload.
 */
export function scimRouter(ctx: MockContext, steps: AuthenticatedSteps): RequestHandler {
  const table = new RouteTable()
    .add('Users', userRoutes(ctx), true)
    .add('Groups', groupRoutes(ctx), true);
  for (const [resource, routes] of discoveryRoutes(ctx.profile)) {
    table.add(resource, routes, false);
  }

  return (req, res, next) => {
    const base = SCIM_BASE.exec(req.path);
    if (!base) return next();
    let tenantId: string;
    try {
      tenantId = decodeParam(base[1]);
    } catch (error) {
      return next(error);
    }
    const refused = authError(ctx, tenantId, req.headers.authorization);
    if (refused) return next(refused);
    if (steps.throttle(req, res, tenantId)) return;
    // Express would answer OPTIONS itself in text/plain; AWS lists no such operation.
    if (req.method === 'OPTIONS') {
      return next(ScimError.notFound('OPTIONS is not supported', 'AWS-HTTP-UNKNOWN-PATH'));
    }
    steps.readBody(req, res, (error?: unknown) => {
      if (error !== undefined) return next(error);
      dispatch(req, res, next, tenantId, restOf(req.path, base[0].length));
    });
  };

  function dispatch(
    req: Request,
    res: Response,
    next: NextFunction,
    tenantId: string,
    path: string,
  ): void {
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
  }
}

/**
 * The path under the base, with one leading slash. AWS-HTTP-DOUBLE-SLASH: clients that join a
 * base ending in `/` with `/Users` (ssosync does) send `.../scim/v2//Users`, which AWS serves.
 */
function restOf(path: string, baseLength: number): string {
  return `/${path.slice(baseLength).replace(/^\/+/, '')}`;
}
