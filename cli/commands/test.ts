// `scim-harness test`: run the conformance suites against a SCIM server (or the built-in mock)
// and exit non-zero exactly when the results differ from the target's expectations file.
import { Option, type Command } from 'commander';

import { DEFAULT_SEED } from '../../fixtures/seed.ts';
import { ConfigError } from '../../scim/errors.ts';
import { runTestCommand } from '../../suites/runner/run-command.ts';

interface RawOptions {
  target?: string;
  token?: string;
  profile: string;
  suite: string[];
  grep?: string;
  seed: string;
  reportDir?: string;
  reporter: string[];
  expectations?: string;
  updateExpectations?: boolean;
  readOnly?: boolean;
  driver?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const HELP = `
Examples:
  scim-harness test                                   # the built-in mock, aws profile
  scim-harness test --profile rfc7644 --expectations suites/expectations/mock-rfc7644.json
  scim-harness test --target https://scim.eu-west-1.amazonaws.com/TENANT/scim/v2 --read-only
  scim-harness test --grep SP-PATCH --reporter json --report-dir out/`;

export function registerTestCommand(program: Command): void {
  program
    .command('test')
    .description('run the conformance suites against a SCIM server, or the built-in mock')
    .option('--target <url>', 'SCIM base URL; the built-in mock when omitted')
    .option('--token <token>', 'bearer token for --target (default: $SCIM_HARNESS_TOKEN)')
    .addOption(
      new Option('--profile <name>', 'what to check against')
        .choices(['aws', 'rfc7644'])
        .default('aws'),
    )
    .option('--suite <name>', 'run this suite (repeatable; default: all)', collect, [])
    .option('--grep <text>', 'run checks whose id or title contains text (or matches /regex/)')
    .option('--seed <n>', 'fixture seed', String(DEFAULT_SEED))
    .option('--report-dir <dir>', 'where reports go (default: reports/runs/<run id>)')
    .option(
      '--reporter <name>',
      'junit, json or html (repeatable; default: all three)',
      collect,
      [],
    )
    .option('--expectations <file>', "the target's known deviations (JSON)")
    .option('--update-expectations', 'rewrite --expectations from this run')
    .option('--read-only', 'run only checks that change nothing on the target')
    .option('--driver <spec>', 'provisioner suite: builtin, shell:CONFIG.json or module:FILE')
    .addHelpText('after', HELP)
    .action(async (raw: RawOptions) => {
      const seed = Number(raw.seed);
      if (!Number.isInteger(seed))
        throw new ConfigError(`--seed takes an integer, got '${raw.seed}'`);
      process.exitCode = await runTestCommand(
        {
          target: raw.target,
          token: raw.token ?? process.env.SCIM_HARNESS_TOKEN,
          profile: raw.profile,
          suites: raw.suite,
          grep: raw.grep,
          seed,
          reportDir: raw.reportDir,
          reporters: raw.reporter.length > 0 ? raw.reporter : ['junit', 'json', 'html'],
          expectations: raw.expectations,
          updateExpectations: raw.updateExpectations ?? false,
          readOnly: raw.readOnly ?? false,
          driver: raw.driver,
        },
        { out: process.stdout, env: process.env },
      );
    });
}
