// Guards a tenant's SCIM base: the tenant must exist (AWS-AUTH-UNKNOWN-TENANT) and the bearer
// token must be one of its live tokens (AWS-AUTH-BEARER-401). The reason goes to logs only.
import type { Request, RequestHandler, Response } from 'express';

import { AWS_DETAIL, ScimError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';
import type { TenantData } from '../store/tenant-data.ts';

export function authMiddleware(ctx: MockContext): RequestHandler {
  return (req, res, next) => {
    const tenantId = tenantParam(req);
    const result = ctx.tenants.authenticate(tenantId, req.headers.authorization);
    if (result.ok) {
      res.locals.tenantId = tenantId;
      return next();
    }
    if (result.reason === 'unknown-tenant' && ctx.profile.unknownTenantStatus === 404) {
      return next(
        new ScimError(404, AWS_DETAIL.tenantMissing, {
          behaviour: 'AWS-AUTH-UNKNOWN-TENANT',
          reason: 'unknown tenant',
        }),
      );
    }
    const behaviour =
      result.reason === 'unknown-tenant' ? 'AWS-AUTH-UNKNOWN-TENANT' : 'AWS-AUTH-BEARER-401';
    next(new ScimError(401, AWS_DETAIL.unauthorized, { behaviour, reason: result.reason }));
  };
}

function tenantParam(req: Request): string {
  const value: unknown = (req.params as Record<string, unknown>).tenantId;
  return typeof value === 'string' ? value : '';
}

/** The data of the tenant the auth middleware let through. */
export function tenantDataOf(ctx: MockContext, res: Response): TenantData {
  return ctx.store.tenant(res.locals.tenantId as string);
}
