// `scim-harness user ...`: directory users with default and custom attributes (step 7). Changes to
// a user some app has in scope are provisioned at once, unless --defer.
import type { Command } from 'commander';

import { ConfigError } from '../../scim/errors.ts';

import type { ChangeOptions, ChangeResult, Provisioner } from '../../provisioner/api.ts';
import type { DirectoryUser, UserChanges } from '../../provisioner/directory/users.ts';
import { parseAttributePairs } from '../../provisioner/directory/validate.ts';
import {
  addDeferOption,
  changeOptions,
  print,
  printChange,
  printJson,
  withProvisioner,
} from './provisioner-cli.ts';

interface ProfileOptions {
  userName?: string;
  first?: string;
  last?: string;
  email?: string;
  displayName?: string;
  phone?: string;
  attr?: string[];
}

const pushAttr = (value: string, previous: string[] = []) => [...previous, value];

export function registerUserCommand(program: Command): void {
  const user = program
    .command('user')
    .description('directory users: add, edit, deactivate, reactivate, delete');
  registerAdd(user);
  registerEdit(user);
  registerStateChanges(user);
  registerReadCommands(user);
}

function registerAdd(user: Command): void {
  user
    .command('add <userName>')
    .description('add a user (apps see it once it is in a group a policy names)')
    .requiredOption('--first <name>', 'first (given) name')
    .requiredOption('--last <name>', 'last (family) name')
    .requiredOption('--email <email>', 'email address')
    .option('--display-name <name>', 'display name (default: "first last")')
    .option('--phone <phone>', 'phone number')
    .option('--attr <key=value>', 'a custom attribute (repeatable)', pushAttr)
    .addHelpText(
      'after',
      '\nExample:\n  scim-harness user add ada --first Ada --last Lovelace --email ada@example.com --attr costCenter=R&D',
    )
    .action(
      async (
        userName: string,
        options: Required<Pick<ProfileOptions, 'first' | 'last' | 'email'>> & ProfileOptions,
        command: Command,
      ) => {
        await withProvisioner(command, (provisioner) => {
          const added = provisioner.addUser({
            userName,
            firstName: options.first,
            lastName: options.last,
            email: options.email,
            displayName: options.displayName,
            phone: options.phone,
            attributes: parseAttributePairs(options.attr ?? []),
          });
          print(command, `added user ${added.userName} (${added.displayName})`);
        });
      },
    );
}

function registerEdit(user: Command): void {
  addDeferOption(
    user
      .command('edit <userName>')
      .description('change profile fields; --phone "" clears the phone, --attr KEY= removes KEY')
      .option('--user-name <new>', 'a new userName')
      .option('--first <name>', 'first (given) name')
      .option('--last <name>', 'last (family) name')
      .option('--email <email>', 'email address')
      .option('--display-name <name>', 'display name')
      .option('--phone <phone>', 'phone number ("" to clear)')
      .option('--attr <key=value>', 'set a custom attribute; empty value removes it', pushAttr),
  ).action(async (userName: string, options: ProfileOptions, command: Command) => {
    await runChange(
      command,
      (provisioner, change) => provisioner.editUser(userName, changesFrom(options), change),
      'edited',
    );
  });
}

function registerStateChanges(user: Command): void {
  const actions = {
    deactivate: 'deactivate (apps deactivate it: PATCH active false)',
    reactivate: 'reactivate a deactivated user',
    delete: 'delete from the directory (apps deprovision it per their policy)',
  } as const;
  for (const [verb, description] of Object.entries(actions) as [keyof typeof actions, string][]) {
    addDeferOption(user.command(`${verb} <userName>`).description(description)).action(
      async (userName: string, _options: unknown, command: Command) => {
        await runChange(
          command,
          (provisioner, change) => {
            if (verb === 'deactivate') return provisioner.deactivateUser(userName, change);
            if (verb === 'reactivate') return provisioner.reactivateUser(userName, change);
            return provisioner.deleteUser(userName, change);
          },
          `${verb}d`,
        );
      },
    );
  }
}

function registerReadCommands(user: Command): void {
  user
    .command('list')
    .description('list users')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        const users = provisioner.listUsers();
        if (options.json) return printJson(command, users);
        if (users.length === 0) print(command, 'no users yet: `scim-harness user add ...`');
        users.forEach((one) => print(command, describe(one)));
      });
    });
  user
    .command('show <userName>')
    .description('show one user with custom attributes')
    .action(async (userName: string, _options: unknown, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        printJson(command, provisioner.getUser(userName) ?? missing(userName));
      });
    });
}

async function runChange(
  command: Command,
  change: (
    provisioner: Provisioner,
    options: ChangeOptions,
  ) => Promise<ChangeResult<DirectoryUser>>,
  verb: string,
): Promise<void> {
  await withProvisioner(command, async (provisioner) => {
    const result = await change(provisioner, changeOptions(command));
    printChange(command, `${verb} user ${result.value.userName}`, result);
  });
}

function changesFrom(options: ProfileOptions): UserChanges {
  const changes: UserChanges = {
    userName: options.userName,
    firstName: options.first,
    lastName: options.last,
    email: options.email,
    displayName: options.displayName,
  };
  if (options.phone !== undefined) changes.phone = options.phone === '' ? null : options.phone;
  const attributes = parseAttributePairs(options.attr ?? []);
  if (Object.keys(attributes).length > 0) {
    changes.attributes = Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, value === '' ? null : value]),
    );
  }
  return changes;
}

function describe(user: DirectoryUser): string {
  const state = user.active ? '' : ' (deactivated)';
  return `${user.userName}\t${user.displayName}\t${user.email}${state}`;
}

function missing(userName: string): never {
  throw new ConfigError(`user '${userName}' is not in the directory; see \`user list\`.`);
}
