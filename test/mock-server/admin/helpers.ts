// Shared set-up for the admin tests: a MockContext over the real registry and store with a
// settable clock and a silent logger, and express apps served on 127.0.0.1 port 0.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express, RequestHandler } from 'express';
import { pino } from 'pino';

import type { Clock, MockContext } from '../../../mock-server/context.ts';
import { SeededFaultInjector } from '../../../mock-server/admin/faults.ts';
import { MemoryJournal } from '../../../mock-server/admin/journal.ts';
import { PROFILES } from '../../../mock-server/profile.ts';
import type { MockProfile } from '../../../mock-server/profile.ts';
import { MemoryStore } from '../../../mock-server/store/memory-store.ts';
import { MemoryTenantRegistry } from '../../../mock-server/tenants.ts';

export const ADMIN_TOKEN = 'admin-secret-0123456789abcdef';
export const SCIM_TOKEN = 'scim-secret-0123456789abcdef';
export const TENANT = 'tenant-a';

export class SettableClock implements Clock {
  constructor(public ms = Date.UTC(2026, 0, 2, 3, 4, 5, 678)) {}

  now(): Date {
    return new Date(this.ms);
  }
}

export interface TestContext extends MockContext {
  clock: SettableClock;
  tenants: MemoryTenantRegistry;
  store: MemoryStore;
  journal: MemoryJournal;
  faults: SeededFaultInjector;
}

/** A context with one tenant holding SCIM_TOKEN. */
export function makeContext(profile: Partial<MockProfile> = {}): TestContext {
  const fullProfile = { ...PROFILES.aws, ...profile };
  const clock = new SettableClock();
  const tenants = new MemoryTenantRegistry(clock, fullProfile);
  const store = new MemoryStore(tenants, clock);
  tenants.createTenant(TENANT);
  tenants.issueToken(TENANT, SCIM_TOKEN);
  return {
    profile: fullProfile,
    clock,
    logger: pino({ level: 'silent' }),
    tenants,
    store,
    journal: new MemoryJournal(),
    faults: new SeededFaultInjector(),
    adminToken: ADMIN_TOKEN,
  };
}

/** Sets a request id the way the core's first middleware does. */
export function requestIds(): RequestHandler {
  let next = 0;
  return (_req, res, done) => {
    next += 1;
    res.locals.requestId = `req-${next}`;
    res.setHeader('x-amzn-RequestId', `req-${next}`);
    done();
  };
}

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export async function serve(app: Express): Promise<Served> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
