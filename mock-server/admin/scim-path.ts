// Splits a request path into the tenant and the resource path under `/{tenantId}/scim/v2`.

export interface ScimPath {
  tenantId: string;
  /** The part after `/scim/v2`, e.g. `/Users/123`; empty for the base itself. */
  resourcePath: string;
}

// Any case, as the SCIM routes match it (express routes ignore case): a fault rule or a journal
// reader must see `/t1/SCIM/v2/Users` as the tenant t1's /Users, as the routes do.
const SCIM_BASE = /^\/([^/]+)\/scim\/v2(\/.*)?$/i;

/** The admin side lives here; it is neither journalled nor subject to faults. */
const ADMIN_PREFIX = '/_admin';

/** Parses a path (no query string); null for anything outside a tenant's SCIM base. */
export function parseScimPath(path: string): ScimPath | null {
  const parts = SCIM_BASE.exec(path);
  if (!parts || parts[1] === ADMIN_PREFIX.slice(1)) return null;
  return { tenantId: decodeSegment(parts[1]), resourcePath: parts[2] ?? '' };
}

export function isAdminPath(path: string): boolean {
  return path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
}

/** The path of a URL as the client sent it, without the query string. */
export function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
