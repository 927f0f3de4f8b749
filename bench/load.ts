// `npm run bench:load` (issue 5): fixed-count, fixed-rate mixed load on a forked mock; reports
// failures, p99, memory after warm-up and per segment, consistency; exits 1 when a check fails.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { forkMock, type MockChild } from '../test/reliability/load/mock-child.ts';
import {
  runMixedLoad,
  type LoadSummary,
  type LoadTarget,
} from '../test/reliability/load/mixed-load.ts';
import type { ConsistencyFigures, MemoryFigures } from '../test/reliability/load/mock-process.ts';
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
  const gc = memory.collected ? ' after GC' : '';
  console.log(
    `  memory ${label}${gc}: RSS ${mb(rss)}, heapUsed ${mb(heapUsed)}, ` +
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

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Prints the verdict lines and returns whether every check passed. */
function report(
  warmup: LoadSummary,
  measured: ReturnType<typeof combine>,
  memory: ReturnType<typeof memoryCheck>,
  figures: { warm: MemoryFigures; end: MemoryFigures; consistency: ConsistencyFigures },
): boolean {
  const { warm, end, consistency } = figures;
  const rate = `${measured.perSecond}/s`;
  console.log(
    `measured: ${measured.requests} requests in ${measured.seconds.toFixed(1)} s (${rate})`,
  );
  console.log(`  failed ${measured.failed}, worst segment p99 ${measured.worstP99Ms} ms`);
  console.log(`  RSS ${mb(warm.rss)} → ${mb(end.rss)} (${pct(memory.rss)})`);
  console.log(`  heapUsed ${mb(warm.heapUsed)} → ${mb(end.heapUsed)} (${pct(memory.heapUsed)})`);
  const { problems, users, groups } = consistency;
  console.log(`consistency: ${problems.length} problems; ${users} users, ${groups} groups`);
  for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  return measured.failed === 0 && warmup.failed === 0 && memory.ok && problems.length === 0;
}

async function main(): Promise<number> {
  const load = os.loadavg()[0].toFixed(1);
  console.log(`bench:load on ${os.cpus().length} CPUs, load average ${load}`);
  console.log(`settings ${JSON.stringify(SETTINGS)}`);
  const mock = await forkMock();
  try {
    const { users, groups, connections } = SETTINGS;
    const target = await seedLoadData(mock.origin, mock.tenantId, mock.token, users, groups);
    const warmup = await runMixedLoad(target, { amount: SETTINGS.warmupRequests, connections });
    printRun('warm-up ', warmup);
    const warm = await mock.memory();
    printMemory('after warm-up', warm);
    const { runs, memory: samples } = await measure(target, mock);
    const measured = combine(runs);
    const end = samples.at(-1)!;
    const consistency = await mock.consistency();
    const memory = memoryCheck(warm, end);
    const ok = report(warmup, measured, memory, { warm, end, consistency });
    const memoryFigures = { warm, samples, ...memory };
    await save({
      settings: SETTINGS,
      warmup,
      measured,
      runs,
      memory: memoryFigures,
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
  const at = new Date().toISOString();
  const file = new URL(`load-${at.replace(/[:.]/g, '-')}.json`, dir);
  const text = JSON.stringify({ at, loadAverage: os.loadavg(), ...result }, null, 2);
  await writeFile(file, `${text}\n`);
  console.log(`wrote ${file.pathname}`);
}

process.exitCode = await main();
