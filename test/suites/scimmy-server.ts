// An independent SCIM server for the rfc7644 profile: express + scimmy-routers + SCIMMY. Only
// storage is ours (SCIMMY leaves it to the host); parsing, filters, PATCH and errors are SCIMMY's.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

type Record_ = Record<string, unknown> & {
  id: string;
  meta: { created: string; lastModified: string };
};

/** Records of one resource type; a plain Error thrown here becomes SCIMMY's 404. */
class Table {
  private readonly rows = new Map<string, Record_>();

  write(id: string | undefined, instance: unknown): Record_ {
    const previous = id === undefined ? undefined : this.rows.get(id);
    if (id !== undefined && !previous) throw new Error(`no resource ${id}`);
    const now = new Date().toISOString();
    const data = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
    const row = {
      ...data,
      id: id ?? randomUUID(),
      meta: { created: previous?.meta.created ?? now, lastModified: now },
    };
    this.rows.set(row.id, row);
    return row;
  }

  read(
    id: string | undefined,
    filter: { match(values: unknown[]): unknown[] } | undefined,
  ): unknown {
    if (id !== undefined) {
      const row = this.rows.get(id);
      if (!row) throw new Error(`no resource ${id}`);
      return row;
    }
    const all = [...this.rows.values()];
    return filter ? filter.match(all) : all;
  }

  remove(id: string | undefined): void {
    if (id === undefined || !this.rows.delete(id)) throw new Error(`no resource ${id}`);
  }
}

interface Store {
  users: Table;
  groups: Table;
}

interface ResourceLike {
  id?: string;
  filter?: { match(values: unknown[]): unknown[] };
}

/** The handler-registration chain of a declared SCIMMY resource type, as used here. */
interface Declared {
  ingress(handler: (resource: ResourceLike, instance: unknown, ctx: Store) => unknown): Declared;
  egress(handler: (resource: ResourceLike, ctx: Store) => unknown): Declared;
  degress(handler: (resource: ResourceLike, ctx: Store) => void): Declared;
}

let declared = false;

/** SCIMMY keeps resource types in a process-wide registry, so handlers find their store in ctx. */
function declareResources(): void {
  if (declared) return;
  declared = true;
  const bind = (resourceType: unknown, pick: (store: Store) => Table): void => {
    (SCIMMY.Resources.declare(resourceType as typeof SCIMMY.Resources.User) as unknown as Declared)
      .ingress((resource, instance, ctx) => pick(ctx).write(resource.id, instance))
      .egress((resource, ctx) => pick(ctx).read(resource.id, resource.filter))
      .degress((resource, ctx) => pick(ctx).remove(resource.id));
  };
  bind(SCIMMY.Resources.User, (store) => store.users);
  SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  bind(SCIMMY.Resources.Group, (store) => store.groups);
}

export interface ScimmyServer {
  baseUrl: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and a free port, with a fresh store and bearer token. */
export async function startScimmyServer(): Promise<ScimmyServer> {
  declareResources();
  const store: Store = { users: new Table(), groups: new Table() };
  const token = randomBytes(16).toString('hex');
  const app = express();
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (request) => {
        // RFC 7235 §2.1: the scheme name is case-insensitive; the token is compared as is.
        const [scheme, credentials] = (request.header('authorization') ?? '').split(' ');
        if (scheme?.toLowerCase() !== 'bearer' || credentials !== token) {
          throw new Error('Invalid bearer token');
        }
        return 'harness';
      },
      context: () => store,
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    token,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
