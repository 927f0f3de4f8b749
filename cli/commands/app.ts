// `scim-harness app ...`: SCIM 2.0 apps (aws or generic scim2 preset), their connection test,
// attribute mapping, provisioning features, deprovisioning settings and payload preview.
import { Option, type Command } from 'commander';

import { ConfigError, HarnessError } from '../../scim/errors.ts';
import { featureFlag, FEATURE_FLAGS } from '../../provisioner/apps/features.ts';
import { maskToken } from '../../provisioner/apps/settings.ts';
import type { AppChanges } from '../../provisioner/apps/store.ts';
import type { AppConfig } from '../../provisioner/model.ts';
import { registerMappingCommand } from './app-mapping.ts';
import {
  credentialsFrom,
  settingsFrom,
  settingsOptions,
  type SettingsOptions,
} from './app-settings.ts';
import { collect, parseNumber, print, printJson, withProvisioner } from './provisioner-cli.ts';

export function registerAppCommand(program: Command): void {
  const app = program
    .command('app')
    .description('SCIM 2.0 apps that users are provisioned into (steps 1–4 of the setup)');
  registerCreate(app);
  registerUpdate(app);
  registerReadCommands(app);
  registerTest(app);
  registerMappingCommand(app);
  registerFeatures(app);
  registerPreview(app);
}

function registerCreate(app: Command): void {
  settingsOptions(
    app
      .command('create <name>')
      .description('create an app from a preset, with its default mapping and features')
      .addOption(
        new Option('--preset <preset>', 'aws or scim2')
          .choices(['aws', 'scim2'])
          .makeOptionMandatory(),
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  scim-harness app create aws --preset aws --from mock-startup.log\n  SCIM_TOKEN=... scim-harness app create aws --preset aws \\\n    --endpoint https://scim.us-east-1.amazonaws.com/abc/scim/v2 --token-env SCIM_TOKEN',
    )
    .action(
      async (
        name: string,
        options: SettingsOptions & { preset: 'aws' | 'scim2' },
        command: Command,
      ) => {
        const { endpoint, token } = await credentialsFrom(options);
        if (!endpoint) throw new ConfigError('app create needs --endpoint URL (or --from).');
        if (token === undefined) {
          throw new ConfigError('app create needs --token-env, --token-file, --token or --from.');
        }
        await withProvisioner(command, (provisioner) => {
          const created = provisioner.createApp({
            name,
            preset: options.preset,
            endpoint,
            token,
            ...settingsFrom(options),
          });
          print(command, `created app ${created.name} (${created.preset}) → ${created.endpoint}`);
          print(command, `next: \`scim-harness app test ${created.name}\`, then add a policy`);
        });
      },
    );
}

function registerUpdate(app: Command): void {
  settingsOptions(
    app.command('update <name>').description('change endpoint, token or settings'),
  ).action(async (name: string, options: SettingsOptions, command: Command) => {
    const { endpoint, token } = await credentialsFrom(options);
    const changes: AppChanges = { ...settingsFrom(options), endpoint };
    if (token !== undefined) changes.token = token;
    await withProvisioner(command, (provisioner) => {
      printApp(command, provisioner.updateApp(name, changes));
    });
  });
}

function registerReadCommands(app: Command): void {
  app
    .command('list')
    .description('list apps')
    .option('--json', 'print JSON (tokens masked)')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        const apps = provisioner.listApps();
        if (options.json) return printJson(command, apps.map(redacted));
        if (apps.length === 0) print(command, 'no apps yet: `scim-harness app create NAME ...`');
        apps.forEach((one) => print(command, `${one.name}\t${one.preset}\t${one.endpoint}`));
      });
    });
  app
    .command('show <name>')
    .description('show an app (the token masked)')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        const found = provisioner.getApp(name);
        if (options.json) printJson(command, redacted(found));
        else printApp(command, found);
      });
    });
  app
    .command('delete <name>')
    .description('delete the app, its mapping and its policies (the target keeps what it has)')
    .action(async (name: string, _options: unknown, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        print(command, `deleted app ${provisioner.deleteApp(name).name}`);
      });
    });
}

function registerTest(app: Command): void {
  app
    .command('test <name>')
    .description('test the connection: reachable, token accepted, discovery read')
    .option('--timeout <ms>', 'give up waiting after this many milliseconds', '10000')
    .action(async (name: string, options: { timeout: string }, command: Command) => {
      const timeoutMs = parseNumber('--timeout', options.timeout);
      const report = await withProvisioner(command, (p) => p.testConnection(name, { timeoutMs }));
      print(command, `GET ${report.url}`);
      report.checks.forEach((check) =>
        print(command, `${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`),
      );
      if (!report.ok)
        throw new HarnessError(`connection test of app '${name}' failed.`, 'CONNECTION_FAILED');
    });
}

function registerFeatures(app: Command): void {
  app
    .command('features <name>')
    .description('show or switch provisioning features')
    .option('--enable <list>', 'features to switch on, comma-separated', collect, [])
    .option('--disable <list>', 'features to switch off, comma-separated', collect, [])
    .addHelpText('after', `\nFeatures: ${Object.keys(FEATURE_FLAGS).join(', ')}`)
    .action(
      async (name: string, options: { enable: string[]; disable: string[] }, command: Command) => {
        await withProvisioner(command, (provisioner) => {
          const updated =
            options.enable.length + options.disable.length > 0
              ? provisioner.setFeatures(name, options)
              : provisioner.getApp(name);
          printFeatures(command, updated);
        });
      },
    );
}

function registerPreview(app: Command): void {
  app
    .command('preview <name> <userName>')
    .description('show the exact SCIM body a create would send for one user')
    .option('--json', 'print the whole preview as JSON')
    .action(
      async (name: string, userName: string, options: { json?: boolean }, command: Command) => {
        await withProvisioner(command, (provisioner) => {
          const preview = provisioner.preview(name, userName);
          if (options.json) return printJson(command, preview);
          print(command, `POST /Users for ${preview.userName} → ${preview.app}:`);
          printJson(command, preview.body);
          if (preview.createOnlyTargets.length > 0) {
            print(command, `create only (never updated): ${preview.createOnlyTargets.join(', ')}`);
          }
          if (preview.emptyTargets.length > 0) {
            print(command, `left out (empty for this user): ${preview.emptyTargets.join(', ')}`);
          }
          if (!preview.inScope)
            print(command, `note: no policy of ${preview.app} puts this user in scope`);
          preview.problems.forEach((problem) => print(command, `problem: ${problem}`));
        });
      },
    );
}

function redacted(app: AppConfig): AppConfig {
  return { ...app, token: maskToken(app.token) };
}

function printApp(command: Command, app: AppConfig): void {
  const { mode, graceDays } = app.deprovision;
  const grace = mode === 'delete' ? ` after ${graceDays} day(s)` : '';
  print(
    command,
    `app ${app.name} (${app.preset})`,
    `  endpoint: ${app.endpoint}`,
    `  token: ${maskToken(app.token)}`,
    `  deprovision: ${mode}${grace}; at most ${app.maxDeprovisionShare * 100}% per run`,
    `  concurrency: ${app.concurrency}`,
  );
  printFeatures(command, app);
}

function printFeatures(command: Command, app: AppConfig): void {
  const names = Object.values(FEATURE_FLAGS);
  const on = names.filter((name) => app.features[name]).map(featureFlag);
  const off = names.filter((name) => !app.features[name]).map(featureFlag);
  print(
    command,
    `  features on: ${on.join(', ') || 'none'}`,
    `  features off: ${off.join(', ') || 'none'}`,
  );
}
