// `scim-harness app mapping NAME [show | set TARGET SOURCE | unset TARGET | reset]`: an app's
// attribute mapping, one row per target SCIM attribute.
import { Option, type Command } from 'commander';

import { ConfigError } from '../../scim/errors.ts';
import { functionUsage } from '../../provisioner/mapping/functions.ts';
import type { ApplyOn } from '../../provisioner/mapping/payload.ts';
import type { Provisioner } from '../../provisioner/api.ts';
import { print, printJson, withProvisioner } from './provisioner-cli.ts';

interface MappingOptions {
  on: ApplyOn;
  replace?: string;
  constant?: boolean;
  json?: boolean;
}

const HELP = `
Actions:
  show (default)        list the rows: target <- source (kind, when applied)
  set TARGET SOURCE     add a row, or replace the row for TARGET
  unset TARGET          remove a row (required targets of the preset cannot be removed)
  reset                 go back to the preset's default mapping

Targets: SCIM user paths such as userName, name.givenName, displayName, title,
  emails[type eq "work"].value, phoneNumbers[type eq "work"].value, addresses[type eq "work"].locality,
  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department

Sources: user.FIELD (id, userName, firstName, lastName, displayName, email, phone),
  attr.KEY (a custom attribute), "constant text", or a function:
  ${functionUsage('\n  ')}

Examples:
  scim-harness app mapping aws set title '"Engineer"' --on create
  scim-harness app mapping aws set title Engineer --constant
  scim-harness app mapping aws set displayName 'join(" ", user.firstName, upper(user.lastName))'
  scim-harness app mapping aws set nickName 'default(attr.nick, user.firstName)'`;

export function registerMappingCommand(app: Command): void {
  app
    .command('mapping <name> [action] [args...]')
    .description('show or change the attribute mapping (see the actions below)')
    .addOption(
      new Option('--on <when>', 'apply the row on create only or always')
        .choices(['create', 'always'])
        .default('always'),
    )
    .option('--replace <target>', 'with set: the row the new one replaces (e.g. move the email)')
    .option('--constant', 'with set: SOURCE is literal text, not an expression')
    .option('--json', 'with show: print JSON')
    .addHelpText('after', HELP)
    .action(
      async (
        name: string,
        action: string | undefined,
        args: string[],
        options: MappingOptions,
        command: Command,
      ) => {
        await withProvisioner(command, (provisioner) =>
          runAction(command, provisioner, name, [action ?? 'show', ...args], options),
        );
      },
    );
}

function runAction(
  command: Command,
  provisioner: Provisioner,
  name: string,
  [action, ...args]: string[],
  options: MappingOptions,
): void {
  if (action === 'show') {
    expectArgs(action, args, 0);
    return showRows(command, provisioner, name, options.json === true);
  }
  if (action === 'set') {
    expectArgs(action, args, 2);
    const source = options.constant ? JSON.stringify(args[1]) : args[1];
    const row = provisioner.setMapping(name, args[0], source, {
      applyOn: options.on,
      replaces: options.replace,
    });
    return print(command, `set ${row.target} <- ${row.source} (${row.kind}, ${row.applyOn})`);
  }
  if (action === 'unset') {
    expectArgs(action, args, 1);
    provisioner.unsetMapping(name, args[0]);
    return print(command, `removed the row for ${args[0]}`);
  }
  if (action === 'reset') {
    expectArgs(action, args, 0);
    provisioner.resetMapping(name);
    return showRows(command, provisioner, name, false);
  }
  throw new ConfigError(`mapping action '${action}' is not one of show, set, unset, reset.`);
}

function expectArgs(action: string, args: readonly string[], count: number): void {
  if (args.length !== count) {
    const usage = { show: '', set: ' TARGET SOURCE', unset: ' TARGET', reset: '' }[action];
    throw new ConfigError(
      `mapping ${action} takes ${count} argument(s), got ${args.length}: ` +
        `app mapping NAME ${action}${usage ?? ''}. Quote a SOURCE that has spaces.`,
    );
  }
}

function showRows(command: Command, provisioner: Provisioner, name: string, json: boolean): void {
  const rows = provisioner.mapping(name);
  if (json) return printJson(command, rows);
  const width = Math.max(...rows.map((row) => row.target.length), 6);
  print(command, `${'target'.padEnd(width)}  source  (kind, when)`);
  rows.forEach((row) =>
    print(command, `${row.target.padEnd(width)}  ${row.source}  (${row.kind}, ${row.applyOn})`),
  );
}
