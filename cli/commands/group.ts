// `scim-harness group ...`: directory groups and their members (step 5, and assignment in step 7).
// Changes to a group that a policy names are provisioned at once, unless --defer.
import type { Command } from 'commander';

import {
  addDeferOption,
  changeOptions,
  print,
  printChange,
  printJson,
  withProvisioner,
} from './provisioner-cli.ts';

export function registerGroupCommand(program: Command): void {
  const group = program
    .command('group')
    .description('directory groups: create, rename, delete, assign and unassign users');
  registerEdits(group);
  registerMembership(group);
  registerReadCommands(group);
}

function registerEdits(group: Command): void {
  group
    .command('create <name>')
    .description('create a group (no app sees it until a policy names it)')
    .action(async (name: string, _options: unknown, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        print(command, `created group ${provisioner.createGroup(name).name}`);
      });
    });
  addDeferOption(group.command('rename <name> <newName>').description('rename a group')).action(
    async (name: string, newName: string, _options: unknown, command: Command) => {
      await withProvisioner(command, async (provisioner) => {
        const result = await provisioner.renameGroup(name, newName, changeOptions(command));
        printChange(command, `renamed group ${name} to ${result.value.name}`, result);
      });
    },
  );
  addDeferOption(
    group
      .command('delete <name>')
      .description('delete a group; its members leave the scope of apps whose policies name it'),
  ).action(async (name: string, _options: unknown, command: Command) => {
    await withProvisioner(command, async (provisioner) => {
      const result = await provisioner.deleteGroup(name, changeOptions(command));
      printChange(command, `deleted group ${result.value.name}`, result);
    });
  });
}

function registerMembership(group: Command): void {
  addDeferOption(
    group.command('assign <group> <userNames...>').description('add users to a group'),
  ).action(async (name: string, userNames: string[], _options: unknown, command: Command) => {
    await withProvisioner(command, async (provisioner) => {
      const result = await provisioner.assign(name, userNames, changeOptions(command));
      const { changed, unchanged } = result.value;
      const already = unchanged.length > 0 ? ` (already members: ${unchanged.join(', ')})` : '';
      printChange(
        command,
        `assigned to ${result.value.group}: ${changed.join(', ') || 'nobody new'}${already}`,
        result,
      );
    });
  });
  addDeferOption(
    group.command('unassign <group> <userNames...>').description('remove users from a group'),
  ).action(async (name: string, userNames: string[], _options: unknown, command: Command) => {
    await withProvisioner(command, async (provisioner) => {
      const result = await provisioner.unassign(name, userNames, changeOptions(command));
      const { changed, unchanged } = result.value;
      const notIn = unchanged.length > 0 ? ` (not members: ${unchanged.join(', ')})` : '';
      printChange(
        command,
        `removed from ${result.value.group}: ${changed.join(', ') || 'nobody'}${notIn}`,
        result,
      );
    });
  });
}

function registerReadCommands(group: Command): void {
  group
    .command('list')
    .description('list groups with their member counts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        const groups = provisioner.listGroups();
        if (options.json) return printJson(command, groups);
        if (groups.length === 0) print(command, 'no groups yet: `scim-harness group create NAME`');
        groups.forEach((one) => print(command, `${one.name}\t${one.memberCount} member(s)`));
      });
    });
  group
    .command('members <name>')
    .description("list a group's direct members")
    .action(async (name: string, _options: unknown, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        provisioner
          .membersOf(name)
          .forEach((user) =>
            print(command, `${user.userName}${user.active ? '' : '\t(deactivated)'}`),
          );
      });
    });
}
