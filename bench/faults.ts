// `npm run bench:faults`: the provisioner converges under 0, 10, 30 and 50% injected faults
// (429, 500, 503, dropped connections, 20 ms latency; seeded). Prints requests and time per rate
// against the fault-free run; exits 1 when a rate does not converge. FAULT_USERS, FAULT_GROUPS
// and FAULT_SEED change the size and the seed.
import { convergeUnderFaults } from '../test/reliability/provisioner/fault-run.ts';
import type { FaultRunResult } from '../test/reliability/provisioner/fault-run.ts';

const USERS = Number(process.env.FAULT_USERS ?? 500);
const GROUPS = Number(process.env.FAULT_GROUPS ?? 10);
const SEED = Number(process.env.FAULT_SEED ?? 20261203);
const RATES = [0, 0.1, 0.3, 0.5];

async function main(): Promise<number> {
  console.log(`bench:faults: ${USERS} users in ${GROUPS} groups (2 each), seed ${SEED}`);
  // A small untimed run first, so the fault-free row does not carry the start-up costs.
  await convergeUnderFaults({ users: 50, groups: 2, rate: 0, seed: SEED });
  console.log('rate | requests (x base) | faulted | syncs (first, changes) | time (x base)');
  let base: FaultRunResult | undefined;
  let failed = 0;
  for (const rate of RATES) {
    try {
      const result = await convergeUnderFaults({ users: USERS, groups: GROUPS, rate, seed: SEED });
      base ??= result;
      console.log(row(rate, result, base));
    } catch (error) {
      failed += 1;
      console.log(`${pct(rate)} | did not converge: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  console.log(failed === 0 ? 'every rate converged exactly' : `${failed} rate(s) failed`);
  return failed === 0 ? 0 : 1;
}

function row(rate: number, result: FaultRunResult, base: FaultRunResult): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return [
    pct(rate),
    `${result.requests} (${ratio(result.requests, base.requests)})`,
    String(result.faulted),
    result.runs.join(', '),
    `${(result.syncMs / 1000).toFixed(1)} s (${ratio(result.syncMs, base.syncMs)})`,
  ].join(' | ');
}

function pct(rate: number): string {
  return `${Math.round(rate * 100)}%`.padStart(4);
}

process.exitCode = await main();
