// Keeps the load generator and the targets off each other's CPU. On a small host (CI has two
// cores) an unpinned autocannon and target trade cores under the scheduler, and the rates of two
// targets measured a minute apart then differ by more than the ratios the bench checks. Only each
// process's main thread is pinned (the JavaScript, where autocannon and the servers run); V8's
// helper threads (concurrent GC, compilers) stay free to run on any CPU, as they would in use.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Pinning {
  /** Every CPU of the host, e.g. "0-1": where helper threads may run. */
  allCpus: string;
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
  const plan = {
    allCpus: `0-${cpus - 1}`,
    loadCpus: cpus === 2 ? '0' : `0-${cpus - 2}`,
    targetCpus: String(cpus - 1),
  };
  return taskset(plan.loadCpus, process.pid, false) ? plan : null;
}

/** `taskset --pid` without --all-tasks moves the main thread only: its tid is the pid. */
function taskset(cpus: string, pid: number, allThreads: boolean): boolean {
  const all = allThreads ? ['--all-tasks'] : [];
  try {
    execFileSync('taskset', [...all, '--cpu-list', '--pid', cpus, String(pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Pins a target process's main thread to the plan's target CPUs. A forked child inherits the
 * load generator's CPUs in every thread, so its helper threads are first set free on all CPUs.
 * Call it once the child has started its threads: a thread started after the main thread was
 * pinned inherits the main thread's CPUs (until 2026-12-04 every target thread was on one CPU).
 */
export function pinTarget(plan: Pinning | null, pid: number | undefined): void {
  if (plan === null || pid === undefined) return;
  if (!taskset(plan.allCpus, pid, true) || !taskset(plan.targetCpus, pid, false)) {
    throw new Error(`[scim-harness] could not pin bench target ${pid} to CPU ${plan.targetCpus}`);
  }
}
