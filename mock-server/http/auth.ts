// Guards a tenant's SCIM base: the tenant must exist (AWS-AUTH-UNKNOWN-TENANT) and the bearer
// token must be one of its live tokens (AWS-AUTH-BEARER-401). The reason goes to logs only.
import { AWS_DETAIL, ScimError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';

/** Null when the token is good for the tenant; otherwise the error to answer with. */
export function authError(
  ctx: MockContext,
  tenantId: string,
  authorization: string | undefined,
): ScimError | null {
  const result = ctx.tenants.authenticate(tenantId, authorization);
  if (result.ok) return null;
  if (result.reason === 'unknown-tenant' && ctx.profile.unknownTenantStatus === 404) {
    return new ScimError(404, AWS_DETAIL.tenantMissing, {
      behaviour: 'AWS-AUTH-UNKNOWN-TENANT',
      reason: 'unknown tenant',
    });
  }
  const behaviour =
    result.reason === 'unknown-tenant' ? 'AWS-AUTH-UNKNOWN-TENANT' : 'AWS-AUTH-BEARER-401';
  return new ScimError(401, AWS_DETAIL.unauthorized, { behaviour, reason: result.reason });
}
