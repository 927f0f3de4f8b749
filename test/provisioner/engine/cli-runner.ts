// Runs `scim-harness` commands in process against a given state file, output captured.
import { Command } from 'commander';

import { registerImportCommand } from '../../../cli/commands/import.ts';
import { registerLogCommand } from '../../../cli/commands/log.ts';
import { registerPlanCommand } from '../../../cli/commands/plan.ts';
import { registerSyncCommand } from '../../../cli/commands/sync.ts';

export interface CliOutput {
  out: string;
  err: string;
}

export async function runCli(statePath: string, ...args: string[]): Promise<CliOutput> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('scim-harness')
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.push(t), writeErr: (t) => err.push(t) })
    .option('--state <path>');
  for (const register of [
    registerPlanCommand,
    registerSyncCommand,
    registerImportCommand,
    registerLogCommand,
  ]) {
    register(program);
  }
  await program.parseAsync(['--state', statePath, ...args], { from: 'user' });
  return { out: out.join(''), err: err.join('') };
}
