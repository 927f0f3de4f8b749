// Starts the mock on a port: the express app over node:http, with a stop() that closes every
// connection and saves `--state` when one was given.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AdminClient } from './admin/client.ts';
import { bootstrap, type MockOptions } from './bootstrap.ts';
import type { MockContext } from './context.ts';
import { buildApp } from './http/app.ts';
import { createExpressServer } from './http/express-server.ts';
import { saveStateFile } from './state-file.ts';

export type { MockOptions } from './bootstrap.ts';

export interface RunningMock {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The SCIM base URL of a tenant (the start tenant by default), no trailing slash. */
  scimBaseUrl(tenantId?: string): string;
  tenantId: string;
  token: string;
  adminToken: string;
  admin: AdminClient;
  context: MockContext;
  /** Closes the server; saves the state file when the mock has one. */
  stop(): Promise<void>;
}

export async function startMockServer(options: MockOptions = {}): Promise<RunningMock> {
  const { context, tenantId, token } = await bootstrap(options);
  const app = buildApp(context, { allowRemote: options.adminAllowRemote });
  const server = createExpressServer(app);
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const origin = originOf(server.address() as AddressInfo);
  let stopped: Promise<void> | undefined;

  const stop = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (options.statePath) await saveStateFile(options.statePath, context.store.exportSnapshot());
  };
  return {
    origin,
    scimBaseUrl: (id = tenantId) => `${origin}/${encodeURIComponent(id)}/scim/v2`,
    tenantId,
    token,
    adminToken: context.adminToken,
    admin: new AdminClient(origin, context.adminToken),
    context,
    stop: () => (stopped ??= stop()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function originOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
