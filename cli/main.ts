// The one command-line entry, `scim-harness`: each subcommand lives in cli/commands/.
import { Command } from 'commander';

import { HarnessError } from '../scim/errors.ts';

const program = new Command()
  .name('scim-harness')
  .description(
    'Test SCIM 2.0 provisioning into AWS IAM Identity Center: mock endpoint, provisioner, suites.',
  )
  .showHelpAfterError('(run with --help for usage)');

// Subcommands register themselves here, one line each.

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A HarnessError is the user's to fix: print its message, not a stack.
  if (error instanceof HarnessError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
