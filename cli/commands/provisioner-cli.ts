// What the provisioner's commands (app, group, policy, user) share: opening the state from the
// global --state option, printing through commander's output, and reporting what a change pushed.
import type { Command } from 'commander';

import { ConfigError, HarnessError } from '../../scim/errors.ts';
import { Provisioner, type ChangeOptions, type ChangeResult } from '../../provisioner/api.ts';

/** Opens the state named by the root's --state (or $SCIM_HARNESS_STATE), runs, and closes it. */
export async function withProvisioner<T>(
  command: Command,
  run: (provisioner: Provisioner) => T | Promise<T>,
): Promise<T> {
  const { state } = command.optsWithGlobals<{ state?: string }>();
  const provisioner = Provisioner.open({ statePath: state });
  try {
    return await run(provisioner);
  } finally {
    provisioner.close();
  }
}

/** Writes lines to stdout through commander, so tests can capture them. */
export function print(command: Command, ...lines: string[]): void {
  const output = command.configureOutput();
  const text = lines.map((line) => `${line}\n`).join('');
  if (output.writeOut) output.writeOut(text);
  else process.stdout.write(text);
}

function printError(command: Command, line: string): void {
  const output = command.configureOutput();
  if (output.writeErr) output.writeErr(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

export function printJson(command: Command, value: unknown): void {
  print(command, JSON.stringify(value, null, 2));
}

/** --defer, --yes and progress lines for commands whose change is pushed at once. */
export function changeOptions(command: Command): ChangeOptions {
  const { defer, yes } = command.opts<{ defer?: boolean; yes?: boolean }>();
  return {
    defer: defer === true,
    allowMassDeprovision: yes === true,
    // Progress goes to stderr, as `scim-harness sync` does, so stdout holds only the results.
    onProgress: (line) => printError(command, line),
  };
}

/** Prints what changed and what each app's sync did; a sync short of ok fails the command. */
export function printChange(command: Command, done: string, result: ChangeResult<unknown>): void {
  print(command, done);
  if (result.apps.length === 0) return;
  if (result.deferred) {
    print(
      command,
      `deferred: ${result.apps.join(', ')} get this with the next \`scim-harness sync\``,
    );
    return;
  }
  for (const summary of result.synced) {
    const failures = summary.failures.length > 0 ? `; ${summary.failures.join('; ')}` : '';
    const message = summary.message ? ` (${summary.message})` : '';
    print(
      command,
      `provisioned ${summary.app}: ${summary.status}, ${count(summary.writes, 'write')}${message}${failures}`,
    );
  }
  const short = result.synced.filter((summary) => summary.status !== 'ok');
  if (short.length > 0) {
    const apps = short.map((summary) => `${summary.app} (${summary.status})`).join(', ');
    throw new HarnessError(
      `the change is saved, but ${apps} did not fully converge; fix the cause above and run ` +
        '`scim-harness sync`.',
      'SYNC_INCOMPLETE',
    );
  }
}

/** Commander option parser for repeatable options: `--group a --group b,c`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ];
}

export function parseNumber(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw new ConfigError(`${flag} '${value}' is not a number.`);
  }
  return number;
}

export function addDeferOption(command: Command): Command {
  return command
    .option('--defer', 'save only; push the change with the next `scim-harness sync`')
    .option('--yes', "push even if it deprovisions more than the app's share per run");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
