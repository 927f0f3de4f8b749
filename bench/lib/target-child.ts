// A benchmark target in its own process, so its memory can be read alone and the load generator
// does not share its event loop: the mock (seeded through a state snapshot) or the bare baseline.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startMockServer } from '../../mock-server/server.ts';
import { MemoryTenantRegistry } from '../../mock-server/tenants.ts';
import { PROFILES } from '../../mock-server/profile.ts';
import { baselineApp } from './baseline-app.ts';
import { seededSnapshot, type SeedPlan, type SeedSample } from './seed-data.ts';
import type { TenantSnapshot } from '../../mock-server/store/snapshot.ts';

export type TargetKind = 'mock' | 'baseline';

export interface TargetReady {
  type: 'ready';
  origin: string;
  tenantId: string;
  token: string;
  sample: SeedSample;
  seedMs: number;
}

export type ParentMessage = { type: 'stats'; collectGarbage: boolean } | { type: 'stop' };

/** CPU time used by the target so far, and its memory (after a full GC when asked). */
export interface TargetStats {
  type: 'stats';
  cpuMicros: number;
  /** The part of cpuMicros spent in the kernel (sockets, page faults). */
  systemMicros: number;
  rss: number;
  heapUsed: number;
}

export type ChildMessage = TargetReady | TargetStats;

const TENANT_ID = 'bench-tenant';
const TOKEN = 'bench-scim-token-0123456789abcdef';

async function startMock(
  plan: SeedPlan,
): Promise<{ ready: TargetReady; stop: () => Promise<void> }> {
  // The write loads create users past the 100,000 seeded ones: lift the identity store quota.
  const mock = await startMockServer({
    logLevel: 'silent',
    tenantId: TENANT_ID,
    token: TOKEN,
    profileOverrides: { maxUsers: Number.MAX_SAFE_INTEGER },
  });
  const started = performance.now();
  const { snapshot, sample } = seededSnapshot(mock.context.store.exportSnapshot(), TENANT_ID, plan);
  mock.context.store.importSnapshot(snapshot);
  const seedMs = performance.now() - started;
  const ready: TargetReady = {
    type: 'ready',
    origin: mock.origin,
    tenantId: TENANT_ID,
    token: TOKEN,
    sample,
    seedMs,
  };
  return { ready, stop: () => mock.stop() };
}

async function startBaseline(
  plan: SeedPlan,
): Promise<{ ready: TargetReady; stop: () => Promise<void> }> {
  const registry = new MemoryTenantRegistry({ now: () => new Date() }, PROFILES.aws);
  registry.createTenant(TENANT_ID);
  registry.issueToken(TENANT_ID, TOKEN);
  const started = performance.now();
  const base = {
    version: 1 as const,
    savedAt: '',
    tenants: [{ tenantId: TENANT_ID, tokens: [], users: [], groups: [] }],
  };
  const { snapshot, sample } = seededSnapshot(base, TENANT_ID, plan);
  const users = (snapshot.tenants[0] as TenantSnapshot).users;
  const server = createServer(baselineApp(registry, users));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const seedMs = performance.now() - started;
  const ready: TargetReady = {
    type: 'ready',
    origin: `http://127.0.0.1:${port}`,
    tenantId: TENANT_ID,
    token: TOKEN,
    sample,
    seedMs,
  };
  const stop = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { ready, stop };
}

function stats(collectGarbage: boolean): TargetStats {
  // Run with --expose-gc, so memory is read without the garbage seeding or the last load left.
  if (collectGarbage) (globalThis as { gc?: () => void }).gc?.();
  const { user, system } = process.cpuUsage();
  const { rss, heapUsed } = process.memoryUsage();
  return { type: 'stats', cpuMicros: user + system, systemMicros: system, rss, heapUsed };
}

async function main(): Promise<void> {
  const [kind, users, groups, membersPerGroup] = process.argv.slice(2);
  const plan = {
    users: Number(users),
    groups: Number(groups),
    membersPerGroup: Number(membersPerGroup),
  };
  const target = kind === 'baseline' ? await startBaseline(plan) : await startMock(plan);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') {
      process.send?.(stats(message.collectGarbage) satisfies ChildMessage);
      return;
    }
    void target.stop().then(() => process.exit(0));
  });
  process.send?.(target.ready satisfies ChildMessage);
}

await main();
