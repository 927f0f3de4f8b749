// `npm run bench:kill`: a 2,000-user CLI sync killed with SIGKILL at 20 seeded random points, then
// run to the end; prints the kill points and what the final run found. Exits 1 when fewer kills
// landed inside the sync or the target does not equal the directory. KILL_USERS, KILL_POINTS,
// KILL_WINDOW_MS, KILL_LATENCY_MS and KILL_SEED change the run.
import { killAndConverge } from '../test/reliability/provisioner/kill-run.ts';

const options = {
  users: Number(process.env.KILL_USERS ?? 2_000),
  groups: 10,
  kills: Number(process.env.KILL_POINTS ?? 20),
  seed: Number(process.env.KILL_SEED ?? 20261203),
  windowMs: Number(process.env.KILL_WINDOW_MS ?? 1_000),
  latencyMs: Number(process.env.KILL_LATENCY_MS ?? 20),
};

async function main(): Promise<number> {
  console.log(`bench:kill: ${JSON.stringify(options)}`);
  const started = performance.now();
  const result = await killAndConverge(options);
  console.log(`kills inside the sync: ${result.killed} of ${options.kills}`);
  console.log(`kill delays after the first request (ms): ${result.delaysMs.join(', ')}`);
  console.log(`writes answered per killed run: ${result.writesPerKill.join(', ')}`);
  console.log(`intents pending after each kill: ${result.pendingIntents.join(', ')}`);
  console.log(`users on the target before the final run: ${result.usersBeforeFinal}`);
  console.log(`final run: ${(result.finalMs / 1000).toFixed(1)} s, exit 0`);
  console.log(
    `requests over all runs: ${result.requests}, 409s in the journal: ${result.conflicts}`,
  );
  console.log(
    'target equals the directory, no duplicate, no pending intent, a rerun sends nothing',
  );
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result.killed === options.kills ? 0 : 1;
}

process.exitCode = await main();
