// `npm run bench:load` (issue 5): a bounded mixed read/write load on the mock over loopback, a
// fixed request count at a fixed rate and concurrency (60+ s by default). Reports failed
// requests, latency, the mock's memory after warm-up and at the end, and a consistency check;
// writes bench/results/load-<time>.json and exits 1 when a check fails.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { forkMock, type MockChild } from '../test/reliability/load/mock-child.ts';
import {
  runMixedLoad,
  type LoadSummary,
  type LoadTarget,
} from '../test/reliability/load/mixed-load.ts';
import type { MemoryFigures } from '../test/reliability/load/mock-process.ts';
import { seedLoadData } from '../test/reliability/load/seed-load-data.ts';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SETTINGS = {
  requests: setting('LOAD_REQUESTS', 15_000),
  rate: setting('LOAD_RATE', 250),
  connections: setting('LOAD_CONNECTIONS', 10),
  /** Past the journal's 10,000 entries, so the ring is full before memory is first read. */
  warmupRequests: setting('LOAD_WARMUP', 12_000),
  users: setting('LOAD_USERS', 1_000),
  groups: setting('LOAD_GROUPS', 20),
  /** The measured run is cut into this many equal parts, with memory read after each. */
  segments: setting('LOAD_SEGMENTS', 5),
};
const MEMORY_TOLERANCE = 0.1;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;
const growth = (end: number, start: number) => (end - start) / start;

function memoryCheck(warm: MemoryFigures, end: MemoryFigures) {
  const rss = growth(end.rss, warm.rss);
  const heap = growth(end.heapUsed, warm.heapUsed);
  return { rss, heapUsed: heap, ok: rss <= MEMORY_TOLERANCE && heap <= MEMORY_TOLERANCE };
}

function printMemory(label: string, memory: MemoryFigures): void {
  const { rss, heapUsed, heapTotal, external } = memory;
  console.log(
    `  memory ${label}${memory.collected ? ' after GC' : ''}: RSS ${mb(rss)}, heapUsed ${mb(heapUsed)}, ` +
      `heapTotal ${mb(heapTotal)}, external ${mb(external)}`,
  );
}

/** The measured run in equal segments at the same rate, with the mock's memory after each. */
async function measure(target: LoadTarget, mock: MockChild) {
  const { connections, rate, segments } = SETTINGS;
  const amount = Math.ceil(SETTINGS.requests / segments);
  const runs: LoadSummary[] = [];
  const memory: MemoryFigures[] = [];
  for (let i = 1; i <= segments; i++) {
    runs.push(await runMixedLoad(target, { amount, connections, rate }));
    printRun(`measured ${i}/${segments}`, runs.at(-1)!);
    memory.push(await mock.memory());
    printMemory(`after ${i}/${segments}`, memory.at(-1)!);
  }
  return { runs, memory };
}

function combine(runs: LoadSummary[]) {
  const sum = (pick: (run: LoadSummary) => number) =>
    runs.reduce((total, run) => total + pick(run), 0);
  const seconds = sum((run) => run.seconds);
  return {
    requests: sum((run) => run.requests),
    failed: sum((run) => run.failed),
    seconds,
    perSecond: Math.round(sum((run) => run.requests) / seconds),
    worstP99Ms: Math.max(...runs.map((run) => run.latencyMs.p99)),
    worstMaxMs: Math.max(...runs.map((run) => run.latencyMs.max)),
  };
}

function printRun(label: string, run: LoadSummary): void {
  const { p50, p90, p99, max } = run.latencyMs;
  console.log(
    `${label}: ${run.requests} requests in ${run.seconds.toFixed(1)} s (${run.perSecond}/s), ` +
      `failed ${run.failed}, statuses ${JSON.stringify(run.statuses)}, ` +
      `latency p50 ${p50} ms, p90 ${p90} ms, p99 ${p99} ms, max ${max} ms`,
  );
}

async function main(): Promise<number> {
  console.log(
    `bench:load on ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; settings ${JSON.stringify(SETTINGS)}`,
  );
  const mock = await forkMock();
  try {
    const target = await seedLoadData(
      mock.origin,
      mock.tenantId,
      mock.token,
      SETTINGS.users,
      SETTINGS.groups,
    );
    const { connections } = SETTINGS;
    const warmup = await runMixedLoad(target, { amount: SETTINGS.warmupRequests, connections });
    printRun('warm-up ', warmup);
    const warm = await mock.memory();
    printMemory('after warm-up', warm);
    const { runs, memory: samples } = await measure(target, mock);
    const measured = combine(runs);
    const end = samples.at(-1)!;
    const consistency = await mock.consistency();
    const memory = memoryCheck(warm, end);
    console.log(
      `measured: ${measured.requests} requests in ${measured.seconds.toFixed(1)} s (${measured.perSecond}/s), ` +
        `failed ${measured.failed}, worst segment p99 ${measured.worstP99Ms} ms, max ${measured.worstMaxMs} ms`,
    );
    console.log(
      `memory: RSS ${mb(warm.rss)} → ${mb(end.rss)} (${(memory.rss * 100).toFixed(1)}%), ` +
        `heapUsed ${mb(warm.heapUsed)} → ${mb(end.heapUsed)} (${(memory.heapUsed * 100).toFixed(1)}%)`,
    );
    console.log(
      `consistency: ${consistency.problems.length} problems; ${consistency.users} users, ${consistency.groups} groups`,
    );
    for (const problem of consistency.problems.slice(0, 20)) console.log(`  ${problem}`);
    const ok =
      measured.failed === 0 &&
      warmup.failed === 0 &&
      memory.ok &&
      consistency.problems.length === 0;
    await save({
      settings: SETTINGS,
      warmup,
      measured,
      runs,
      memory: { warm, samples, ...memory },
      consistency,
      ok,
    });
    console.log(ok ? 'bench:load: all checks passed' : 'bench:load: a check FAILED');
    return ok ? 0 : 1;
  } finally {
    await mock.stop();
  }
}

async function save(result: Record<string, unknown>): Promise<void> {
  const dir = new URL('./results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const file = new URL(`load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, dir);
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), loadAverage: os.loadavg(), ...result }, null, 2)}\n`,
  );
  console.log(`wrote ${file.pathname}`);
}

process.exitCode = await main();
