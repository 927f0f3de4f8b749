// The SCIM routes as data: per resource, a handler per method for the collection and for one
// item. Matching copies what the nested express routers did (case-insensitive, one optional
// trailing slash, ids percent-decoded) at a fraction of their cost per request.
import type { Request, Response } from 'express';

import { ScimError } from '../../scim/errors.ts';
import type { TenantData } from '../store/tenant-data.ts';

/** One authenticated SCIM request: its tenant's data and, for an item route, the decoded id. */
export interface ScimCall {
  req: Request;
  res: Response;
  data: TenantData;
  id: string;
}

export type ScimHandler = (call: ScimCall) => void;

export type MethodTable = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', ScimHandler>>;

/** `/Users` and `/Users/{id}`; a resource without items leaves `item` empty. */
export interface ResourceRoutes {
  collection: MethodTable;
  item: MethodTable;
}

export interface RouteMatch {
  handler: ScimHandler;
  id: string;
}

/** `/{resource}` or `/{resource}/{id}`, each part non-empty, then up to two slashes. */
const RESOURCE_PATH = /^\/([^/]+)(?:\/([^/]+))?(\/\/?)?$/;

/** AWS-HTTP-UNSUPPORTED-ENDPOINTS, matched before `/{resource}/{id}` like the old routers. */
const UNSUPPORTED_PATH = /^\/(?:me|bulk|\.search|users\/\.search|groups\/\.search)\/?$/i;

export function isUnsupportedPath(path: string): boolean {
  return UNSUPPORTED_PATH.test(path);
}

interface TableEntry {
  routes: ResourceRoutes;
  /** Express took `/Users//` for the `/Users` collection (a router's `/` matched `//`). */
  mounted: boolean;
}

export class RouteTable {
  /** Keyed by the resource name lower-cased: express routes are case-insensitive. */
  private readonly resources = new Map<string, TableEntry>();

  /** `mounted`: the resource was an express router of its own, as /Users and /Groups were. */
  add(resource: string, routes: ResourceRoutes, mounted: boolean): this {
    this.resources.set(resource.toLowerCase(), { routes, mounted });
    return this;
  }

  /** The handler for a path under the SCIM base, or null (a 404); HEAD is answered as GET. */
  match(method: string, path: string): RouteMatch | null {
    const parts = RESOURCE_PATH.exec(path);
    const entry = parts && this.resources.get(parts[1].toLowerCase());
    if (!entry) return null;
    const { routes } = entry;
    const verb = (method === 'HEAD' ? 'GET' : method) as keyof MethodTable;
    const rawId = parts[2];
    // One trailing slash is always fine; a second one only on a mounted collection.
    if (parts[3] === '//' && (rawId !== undefined || !entry.mounted)) return null;
    if (rawId === undefined) {
      const handler = routes.collection[verb];
      return handler ? { handler, id: '' } : null;
    }
    if (!hasRoutes(routes.item)) return null;
    // Express decoded the id on matching the path, before it looked at the method.
    const id = decodeParam(rawId);
    const handler = routes.item[verb];
    return handler ? { handler, id } : null;
  }
}

function hasRoutes(table: MethodTable): boolean {
  for (const _verb in table) return true;
  return false;
}

/** Express answers a malformed percent escape in a route parameter with a 400; so do we. */
export function decodeParam(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw ScimError.invalid(`request refused by the HTTP layer: Failed to decode param '${raw}'`);
  }
}
