// `scim-harness log [--app APP] [--limit N] [--json]`: the audit log of requests sent to apps,
// newest first. Rows hold no token and no request body.
import type { Command } from 'commander';

import { readAudit } from '../../provisioner/engine/store/audit-log.ts';
import type { AuditEntry } from '../../provisioner/engine/store/audit-log.ts';
import { parseNumber, print, printJson, withProvisioner } from './provisioner-cli.ts';

export function registerLogCommand(program: Command): void {
  program
    .command('log')
    .description('show the audit log of requests sent to apps, newest first')
    .option('--app <name>', 'only this app')
    .option('--limit <n>', 'entries to show', '50')
    .option('--json', 'print entries as JSON')
    .action(async (options: { app?: string; limit: string; json?: boolean }, command: Command) => {
      const limit = parseNumber('--limit', options.limit);
      await withProvisioner(command, ({ db }) => {
        const entries = readAudit(db, { app: options.app, limit });
        if (options.json) printJson(command, entries);
        else print(command, ...entries.map(formatEntry));
      });
    });
}

function formatEntry(entry: AuditEntry): string {
  const subject = entry.subject ? ` ${entry.subject}` : '';
  const retry = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
  const detail = entry.detail ? ` — ${entry.detail}` : '';
  const id = entry.requestId ? ` [${entry.requestId}]` : '';
  return `${entry.at} ${entry.app} ${entry.operation}${subject}: ${entry.method} ${entry.path} → ${entry.status} ${entry.result}${retry} ${entry.durationMs}ms${id}${detail}`;
}
