// The shape of one generated hostile request and the target it aims at: the tenant under test,
// a second tenant to leak into, and ids and cursors the generators can point at.
import { PATCH_OP_URN } from '../../../scim/urns.ts';

export interface Target {
  tenantId: string;
  token: string;
  otherTenantId: string;
  otherToken: string;
  adminToken: string;
  userIds: string[];
  groupIds: string[];
  otherUserIds: string[];
  otherGroupIds: string[];
  /** Cursors the mock issued: for this tenant's users and groups, and for the other tenant. */
  cursors: { users: string; groups: string; otherUsers: string; filteredUsers: string };
}

/** A body made on send, so that megabyte bodies are not all held at once. */
export interface LargeBody {
  size: number;
  make(): Buffer;
}

export interface BadRequest {
  /** Generator family, for counts and failure reports. */
  kind: string;
  method: string;
  /** Sent verbatim as the request target: no normalisation of `..`, `//` or escapes. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string | Buffer | LargeBody;
  /**
   * Who answers: the mock's app (an AWS error body), Node's HTTP parser before the app (a bare
   * 4xx, e.g. 431 for huge headers), or a HEAD request (no body by definition).
   */
  answeredBy: 'app' | 'parser' | 'head';
}

export const scimBase = (tenantId: string): string => `/${tenantId}/scim/v2`;

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A request of the tenant under test with its own token and a JSON body (unless `body` is raw). */
export function scimRequest(
  target: Target,
  kind: string,
  method: string,
  rest: string,
  body?: unknown,
): BadRequest {
  const headers: Record<string, string> = bearer(target.token);
  if (body !== undefined) headers['content-type'] = 'application/scim+json';
  const sent: string | undefined =
    body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  return {
    kind,
    method,
    path: `${scimBase(target.tenantId)}${rest}`,
    headers,
    body: sent,
    answeredBy: 'app',
  };
}

export function patchOp(operations: unknown): Record<string, unknown> {
  return { schemas: [PATCH_OP_URN], Operations: operations };
}

/** Writes `value` at a dotted path (numeric parts index arrays) in a copy of `doc`. */
export function setAt(doc: unknown, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const parts = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy;
}
