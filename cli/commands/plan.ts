// `scim-harness plan [--app APP] [--json]`: what the next sync would send to each app, read
// from the directory and the pushed state only (no request goes out).
import type { Command } from 'commander';

import { formatPlan } from '../../provisioner/engine/plan/format-plan.ts';
import { planApps } from '../../provisioner/engine/plan/plan-apps.ts';
import { print, printJson, withProvisioner } from './provisioner-cli.ts';

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('show what the next sync would send to each app, without sending anything')
    .option('--app <name>', 'only this app (default: every app)')
    .option('--json', 'print the plan as JSON')
    .action(async (options: { app?: string; json?: boolean }, command: Command) => {
      await withProvisioner(command, ({ db }) => {
        const plans = planApps(db, options.app ? [options.app] : undefined);
        if (options.json) printJson(command, plans);
        else for (const plan of plans) print(command, ...formatPlan(plan));
      });
    });
}
