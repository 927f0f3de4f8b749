// `npm run bench:suites`: times the full run of all three suites against the mock (what
// `npm start` does, minus the reports) and checks it against the 20-second target. Exits 1 when a
// check fails or the run misses the target; `BENCH_SUITES_TARGET_MS` moves the target.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { startMockServer } from '../mock-server/server.ts';
import { DEFAULT_SEED } from '../fixtures/seed.ts';
import type { CheckResult } from '../suites/model.ts';
import { mockTarget } from '../suites/runner/mock-target.ts';
import { runSuites } from '../suites/runner/run.ts';
import { SUITE_LOADERS } from '../suites/runner/suite-list.ts';
import { RUN_SUITES } from '../cli/commands/run.ts';
import { table } from './lib/report.ts';

const TARGET_MS = Number(process.env.BENCH_SUITES_TARGET_MS ?? 20_000);

async function main(): Promise<number> {
  const started = performance.now();
  const suites = await Promise.all(RUN_SUITES.map((name) => SUITE_LOADERS[name]!({})));
  const loadedMs = performance.now() - started;
  const mock = await startMockServer({ logLevel: 'silent' });
  let outcome;
  try {
    outcome = await runSuites({
      suites,
      profile: 'aws',
      target: mockTarget(mock),
      seed: DEFAULT_SEED,
    });
  } finally {
    await mock.stop();
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage();
  // CPU time says what the run costs when the machine is busy with other work.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const { results, summary } = outcome.report;
  const rows = RUN_SUITES.map((name) => suiteRow(name, results));
  process.stdout.write(
    `${table(['suite', 'checks', 'failed', 'check time (s)'], rows)}\n` +
      `loading the suites: ${seconds(loadedMs)} s; running them: ${seconds(outcome.report.durationMs)} s\n` +
      `total: ${seconds(totalMs)} s (target < ${seconds(TARGET_MS)} s) on ${machine()}\n` +
      `CPU time of this process: ${seconds(cpuMs)} s\n`,
  );
  const figures = {
    totalMs,
    cpuMs,
    loadedMs,
    runMs: outcome.report.durationMs,
    targetMs: TARGET_MS,
  };
  await save({ ...figures, summary, machine: machine() });
  const missed = totalMs >= TARGET_MS;
  if (missed) process.stdout.write('MISS: the run took longer than the target\n');
  if (summary.failed > 0) process.stdout.write(`FAIL: ${summary.failed} checks failed\n`);
  return missed || summary.failed > 0 ? 1 : 0;
}

function suiteRow(name: string, results: readonly CheckResult[]): (string | number)[] {
  const mine = results.filter((result) => result.suite === name);
  const failed = mine.filter((result) => result.outcome === 'failed').length;
  const ms = mine.reduce((sum, result) => sum + result.durationMs, 0);
  return [name, mine.length, failed, seconds(ms)];
}

async function save(figures: object): Promise<void> {
  const dir = join('bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await writeFile(join(dir, `suites-${stamp}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** The machine's load: the figure means little on a busy machine, so it is printed beside it. */
function machine(): string {
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
  return `${cpus().length} CPUs, load average ${load}`;
}

process.exitCode = await main();
