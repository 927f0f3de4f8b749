// `scim-harness sync [--app APP] [--reconcile] [--yes]`: applies each app's plan. Progress goes
// to stderr, as one live line on a terminal and as plain lines otherwise.
import type { Command } from 'commander';

import { HarnessError } from '../../scim/errors.ts';
import { listApps } from '../../provisioner/apps/store.ts';
import { syncApps } from '../../provisioner/engine/sync.ts';
import type { SyncSummary } from '../../provisioner/engine/summary.ts';
import { print, withProvisioner } from './provisioner-cli.ts';

interface SyncCliOptions {
  app?: string;
  reconcile?: boolean;
  yes?: boolean;
}

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('send each app the changes of its plan (see `scim-harness plan`)')
    .option('--app <name>', 'only this app (default: every app)')
    .option('--reconcile', 'also read the target and repair drift on objects created here')
    .option('--yes', 'go on when a run would deprovision more than the app allows')
    .action(async (options: SyncCliOptions, command: Command) => {
      const summaries = await withProvisioner(command, ({ db }) => {
        const names = options.app ? [options.app] : listApps(db).map((app) => app.name);
        const progress = progressWriter(command);
        return syncApps(db, names, {
          reconcile: options.reconcile,
          allowMassDeprovision: options.yes,
          onProgress: progress.line,
        }).finally(progress.end);
      });
      for (const summary of summaries) print(command, ...formatSummary(summary));
      const short = summaries.filter((s) => s.status !== 'ok');
      if (short.length > 0) {
        throw new HarnessError(
          `sync did not complete for ${short.map((s) => `${s.app} (${s.status})`).join(', ')}`,
          'SYNC_INCOMPLETE',
        );
      }
    });
}

export function formatSummary(summary: SyncSummary): string[] {
  const counts = Object.entries(summary.counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  const head = `${summary.app}: ${summary.status}, ${summary.writes} writes, ${summary.reads} reads in ${summary.durationMs} ms${counts ? ` (${counts})` : ''}`;
  return [
    head,
    ...(summary.message ? [`  ${summary.message}`] : []),
    ...summary.failures.map((f) => `  ! ${f}`),
  ];
}

function progressWriter(command: Command) {
  const output = command.configureOutput();
  const write = (text: string): void => {
    if (output.writeErr) output.writeErr(text);
    else process.stderr.write(text);
  };
  const live = process.stderr.isTTY === true;
  let open = false;
  return {
    line: (line: string) => {
      open = live;
      write(live ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    end: () => {
      if (open) write('\n');
    },
  };
}
