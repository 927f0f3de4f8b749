// The mock in its own process for bench:load, so its memory is measured alone; answers the parent
// over IPC with memory (after a GC with --expose-gc), the consistency check, and stop.
import { startMockServer } from '../../../mock-server/server.ts';
import { checkConsistency } from '../consistency.ts';

export interface MockReady {
  type: 'ready';
  origin: string;
  tenantId: string;
  token: string;
}
export interface MemoryFigures {
  type: 'memory';
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  collected: boolean;
}
export interface ConsistencyFigures {
  type: 'consistency';
  problems: string[];
  users: number;
  groups: number;
}
export type FromMock = MockReady | MemoryFigures | ConsistencyFigures;
export type ToMock = { type: 'memory' } | { type: 'consistency' } | { type: 'stop' };

const TOKEN = 'bench-load-token-7c2f91';

function memory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return {
    type: 'memory',
    rss,
    heapUsed,
    heapTotal,
    external,
    arrayBuffers,
    collected: gc !== undefined,
  };
}

async function main(): Promise<void> {
  const mock = await startMockServer({ logLevel: 'warn', tenantId: 'bench-load', token: TOKEN });
  const send = (message: FromMock) => process.send?.(message);
  process.on('message', (message: ToMock) => {
    if (message.type === 'memory') send(memory());
    if (message.type === 'consistency') {
      const data = mock.context.store.tenant(mock.tenantId);
      const problems = checkConsistency(mock.context.store, mock.context.tenants.listTenants());
      send({ type: 'consistency', problems, users: data.users.size, groups: data.groups.size });
    }
    if (message.type === 'stop') void mock.stop().then(() => process.exit(0));
  });
  send({ type: 'ready', origin: mock.origin, tenantId: mock.tenantId, token: TOKEN });
}

await main();
