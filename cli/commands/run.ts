// `scim-harness run` (`npm start`): the one-command main job. Starts the mock, runs all three
// suites against it (service-provider under the aws profile, the provisioner suite with the
// built-in provisioner, the flow), writes the reports and exits 1 when a check fails.
import type { Command } from 'commander';

import { DEFAULT_SEED } from '../../fixtures/seed.ts';
import { ConfigError } from '../../scim/errors.ts';
import type { SuiteName } from '../../suites/model.ts';
import { runTestCommand, type CommandIo } from '../../suites/runner/run-command.ts';

export const RUN_SUITES: readonly SuiteName[] = ['service-provider', 'provisioner', 'flow'];

export interface RunOptions {
  seed: number;
  driver: string;
  reportDir?: string;
  /** Only checks whose id or title matches, as `test --grep` takes it. */
  grep?: string;
}

/** Runs the main job and answers the exit code (0 when every check passed). */
export async function runMainJob(options: RunOptions, io: CommandIo): Promise<number> {
  const started = performance.now();
  io.out.write(
    `scim-harness run: service-provider (aws profile), provisioner (${options.driver} driver) ` +
      `and flow against the built-in mock; provisioner state goes to temp dirs\n`,
  );
  const code = await runTestCommand(
    {
      profile: 'aws',
      suites: [...RUN_SUITES],
      driver: options.driver,
      grep: options.grep,
      seed: options.seed,
      reportDir: options.reportDir,
      reporters: ['junit', 'json', 'html'],
      updateExpectations: false,
      readOnly: false,
    },
    io,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.out.write(`scim-harness run: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n`);
  return code;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('start the mock, run all three suites against it, write the reports')
    .option('--seed <n>', 'fixture seed', String(DEFAULT_SEED))
    .option(
      '--driver <spec>',
      'provisioner under test: builtin, shell:CONFIG, module:FILE',
      'builtin',
    )
    .option('--report-dir <dir>', 'where reports go (default: reports/runs/<run id>)')
    .option('--grep <text>', 'run only checks whose id or title contains text (or matches /regex/)')
    .action(async (raw: { seed: string; driver: string; reportDir?: string; grep?: string }) => {
      const seed = Number(raw.seed);
      if (!Number.isInteger(seed))
        throw new ConfigError(`--seed takes an integer, got '${raw.seed}'`);
      const options = { seed, driver: raw.driver, reportDir: raw.reportDir, grep: raw.grep };
      process.exitCode = await runMainJob(options, { out: process.stdout, env: process.env });
    });
}
