// Test helper: runs the provisioner's commands in process against a temp state file, with
// commander's output captured and its process exits turned into exceptions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Command } from 'commander';

import { registerAppCommand } from '../../cli/commands/app.ts';
import { registerGroupCommand } from '../../cli/commands/group.ts';
import { registerPolicyCommand } from '../../cli/commands/policy.ts';
import { registerUserCommand } from '../../cli/commands/user.ts';

export interface CliRun {
  out: string;
  err: string;
}

export class TempCli {
  readonly dir = mkdtempSync(join(tmpdir(), 'scim-harness-cli-'));
  readonly statePath = join(this.dir, 'state.db');

  /** Runs `scim-harness --state <temp> ...args`; rejects with the command's error. */
  async run(...args: string[]): Promise<CliRun> {
    const out: string[] = [];
    const err: string[] = [];
    const program = new Command('scim-harness')
      .exitOverride()
      .configureOutput({ writeOut: (text) => out.push(text), writeErr: (text) => err.push(text) })
      .option('--state <path>');
    [registerAppCommand, registerGroupCommand, registerPolicyCommand, registerUserCommand].forEach(
      (register) => register(program),
    );
    await program.parseAsync(['--state', this.statePath, ...args], { from: 'user' });
    return { out: out.join(''), err: err.join('') };
  }

  /** The error a run rejects with (fails the test when it succeeds). */
  async failure(...args: string[]): Promise<Error> {
    try {
      await this.run(...args);
    } catch (error) {
      return error as Error;
    }
    throw new Error(`expected \`${args.join(' ')}\` to fail, but it succeeded`);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
