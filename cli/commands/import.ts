// `scim-harness import --app APP`: reads the app's users and groups into the directory; values
// that differ from the directory's are reported as conflicts and never overwrite it.
import type { Command } from 'commander';

import { importApp } from '../../provisioner/engine/import.ts';
import { print, printJson, withProvisioner } from './provisioner-cli.ts';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description("read an app's users and groups into the directory (conflicts are reported)")
    .requiredOption('--app <name>', 'the app to read from')
    .option('--json', 'print the report as JSON')
    .action(async (options: { app: string; json?: boolean }, command: Command) => {
      await withProvisioner(command, async ({ db }) => {
        const report = await importApp(db, options.app);
        if (options.json) return printJson(command, report);
        print(
          command,
          `${report.app}: ${report.usersAdded.length} users added, ${report.usersMatched} matched; ${report.groupsAdded.length} groups added, ${report.groupsMatched} matched; ${report.membershipsAdded} memberships added`,
          ...report.conflicts.map((c) => `  ! conflict: ${c}`),
          ...report.skipped.map((s) => `  ! skipped: ${s}`),
          ...(report.complete
            ? []
            : ['  ! the target capped its lists (no cursor paging): the import may be incomplete']),
        );
      });
    });
}
