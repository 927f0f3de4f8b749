// Keeps the load generator and the targets off each other's CPU. On a small host (CI has two
// cores) an unpinned autocannon and target trade cores under the scheduler, and the rates of two
// targets measured a minute apart then differ by more than the ratios the bench checks.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Pinning {
  /** CPUs the benchmark's own process (the load generator) runs on, e.g. "0". */
  loadCpus: string;
  /** CPUs every target process runs on, e.g. "1". */
  targetCpus: string;
}

/**
 * Pins this process to all CPUs but the last and returns the plan; null when pinning is off
 * (`BENCH_PIN=0`), the host has one CPU, or `taskset` (util-linux) is not there.
 */
export function pinLoadGenerator(): Pinning | null {
  const cpus = os.availableParallelism();
  if (process.env.BENCH_PIN === '0' || cpus < 2) return null;
  const plan = { loadCpus: cpus === 2 ? '0' : `0-${cpus - 2}`, targetCpus: String(cpus - 1) };
  return taskset(plan.loadCpus, process.pid) ? plan : null;
}

/** Pins a target process (all its threads) to the plan's target CPUs. */
export function pinTarget(plan: Pinning | null, pid: number | undefined): void {
  if (plan === null || pid === undefined) return;
  if (!taskset(plan.targetCpus, pid)) {
    throw new Error(`[scim-harness] could not pin bench target ${pid} to CPU ${plan.targetCpus}`);
  }
}

function taskset(cpus: string, pid: number): boolean {
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}
