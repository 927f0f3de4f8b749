// The one command-line entry, `scim-harness`: each subcommand lives in cli/commands/.
import { Command } from 'commander';

import { HarnessError } from '../scim/errors.ts';
import { registerAppCommand } from './commands/app.ts';
import { registerGroupCommand } from './commands/group.ts';
import { registerMockCommand } from './commands/mock.ts';
import { registerPolicyCommand } from './commands/policy.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerTestCommand } from './commands/test.ts';
import { registerUserCommand } from './commands/user.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerLogCommand } from './commands/log.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerSyncCommand } from './commands/sync.ts';

const program = new Command()
  .name('scim-harness')
  .description(
    'Test SCIM 2.0 provisioning into AWS IAM Identity Center: mock endpoint, provisioner, suites.',
  )
  .showHelpAfterError('(run with --help for usage)')
  .option(
    '--state <path>',
    'provisioner state file (default: $SCIM_HARNESS_STATE, else .scim-harness/state.db)',
  );

// Subcommands register themselves here, one line each.
registerAppCommand(program);
registerGroupCommand(program);
registerMockCommand(program);
registerPolicyCommand(program);
registerTestCommand(program);
registerRunCommand(program);
registerUserCommand(program);
registerPlanCommand(program);
registerSyncCommand(program);
registerImportCommand(program);
registerLogCommand(program);

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
