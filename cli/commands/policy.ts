// `scim-harness policy ...`: policies put the members of their groups in scope for one app (step 6).
// Adding, editing or deleting a policy is provisioned at once, unless --defer.
import { Option, type Command } from 'commander';

import { LOGIN_METHODS, type Policy } from '../../provisioner/policies.ts';
import {
  addDeferOption,
  changeOptions,
  collect,
  print,
  printChange,
  printJson,
  withProvisioner,
} from './provisioner-cli.ts';

export function registerPolicyCommand(program: Command): void {
  const policy = program
    .command('policy')
    .description('policies: which groups are in scope for which app, and how they sign in');
  registerAdd(policy);
  registerEdit(policy);
  registerReadCommands(policy);
}

const loginMethod = () =>
  new Option('--login-method <method>', 'how members sign in').choices([...LOGIN_METHODS]);

function registerAdd(policy: Command): void {
  addDeferOption(
    policy
      .command('add <name>')
      .description('add a policy: members of its groups are provisioned into the app')
      .requiredOption('--app <app>', 'the app the policy provisions into')
      .requiredOption('--group <group>', 'a group in scope (repeat or comma-separate)', collect)
      .addOption(loginMethod().default('password')),
  )
    .addHelpText(
      'after',
      '\nExample:\n  scim-harness policy add engineers-aws --app aws --group Engineers --group SRE',
    )
    .action(
      async (
        name: string,
        options: { app: string; group: string[]; loginMethod: string },
        command: Command,
      ) => {
        await withProvisioner(command, async (provisioner) => {
          const input = {
            name,
            app: options.app,
            groups: options.group,
            loginMethod: options.loginMethod,
          };
          const result = await provisioner.addPolicy(input, changeOptions(command));
          printChange(command, `added policy ${describe(result.value)}`, result);
        });
      },
    );
}

function registerEdit(policy: Command): void {
  addDeferOption(
    policy
      .command('edit <name>')
      .description("change a policy's groups or login method")
      .option('--add-group <group>', 'a group to bring in scope', collect, [])
      .option('--remove-group <group>', 'a group to take out of scope', collect, [])
      .addOption(loginMethod()),
  ).action(
    async (
      name: string,
      options: { addGroup: string[]; removeGroup: string[]; loginMethod?: string },
      command: Command,
    ) => {
      await withProvisioner(command, async (provisioner) => {
        const changes = {
          addGroups: options.addGroup,
          removeGroups: options.removeGroup,
          loginMethod: options.loginMethod,
        };
        const result = await provisioner.editPolicy(name, changes, changeOptions(command));
        printChange(command, `policy ${describe(result.value)}`, result);
      });
    },
  );
  addDeferOption(
    policy
      .command('delete <name>')
      .description("delete a policy; its groups' members leave the app's scope"),
  ).action(async (name: string, _options: unknown, command: Command) => {
    await withProvisioner(command, async (provisioner) => {
      const result = await provisioner.deletePolicy(name, changeOptions(command));
      printChange(command, `deleted policy ${result.value.name}`, result);
    });
  });
}

function registerReadCommands(policy: Command): void {
  policy
    .command('list')
    .description('list policies')
    .option('--app <app>', 'only the policies of this app')
    .option('--json', 'print JSON')
    .action(async (options: { app?: string; json?: boolean }, command: Command) => {
      await withProvisioner(command, (provisioner) => {
        const policies = provisioner.listPolicies(options.app);
        if (options.json) return printJson(command, policies);
        if (policies.length === 0) print(command, 'no policies yet: `scim-harness policy add ...`');
        policies.forEach((one) => print(command, describe(one)));
      });
    });
}

function describe(policy: Policy): string {
  return `${policy.name}: app ${policy.app}, groups ${policy.groups.join(', ')}, login ${policy.loginMethod}`;
}
