// The lifecycle story of two users: create, create again, idle sync, update, group add and
// removal, deactivation, deletion; the AWS side is read after the steps the checks judge.
import type { CheckContext } from '../../runner/check.ts';
import type { AwsView, ScimResource } from '../aws-view.ts';
import type { DriverFactory, DriverUser } from '../driver.ts';
import { Scenario } from '../scenario.ts';
import { driverUser } from './users.ts';

export interface Lifecycle {
  scenario: Scenario;
  alice: DriverUser;
  bob: DriverUser;
  group: string;
  /** alice's family name after the update step. */
  newFamilyName: string;
}

/** The AWS side as the checks read it: users by name, and the group's members by id. */
export interface LifecycleView {
  alice?: ScimResource;
  bob?: ScimResource;
  aliceCount: number;
  group?: ScimResource;
  memberIds: string[];
}

export async function runLifecycle(factory: DriverFactory, ctx: CheckContext): Promise<Lifecycle> {
  const scenario = await Scenario.start(factory, ctx);
  const story: Lifecycle = {
    scenario,
    alice: driverUser(ctx, 1),
    bob: driverUser(ctx, 2),
    group: `${ctx.namePrefix}pv-team`,
    newFamilyName: 'Renamed-Familyname',
  };
  const { alice, bob, group } = story;
  const look = (view: AwsView) => readView(view, story);
  await scenario.act('create', (d) => d.createUser(alice), look);
  await scenario.act('create-second', (d) => d.createUser(bob), look);
  await scenario.act(
    'create-again',
    async (d) => {
      await d.createUser(alice);
      await d.sync();
    },
    look,
  );
  await scenario.act('idle-sync', (d) => d.sync());
  await scenario.act(
    'update',
    (d) => d.updateUser(alice.userName, { familyName: story.newFamilyName }),
    look,
  );
  await scenario.act(
    'add-to-group',
    (d) => d.addToGroup(group, [alice.userName, bob.userName]),
    look,
  );
  await scenario.act('remove-from-group', (d) => d.removeFromGroup(group, [bob.userName]), look);
  await scenario.act('deactivate', (d) => d.deactivateUser(alice.userName), look);
  await scenario.act('delete-active', (d) => d.deleteUser(bob.userName), look);
  await scenario.act('delete-inactive', (d) => d.deleteUser(alice.userName), look);
  return story;
}

async function readView(view: AwsView, story: Lifecycle): Promise<LifecycleView> {
  const alices = await view.usersNamed(story.alice.userName);
  const group = await view.groupNamed(story.group);
  return {
    alice: alices[0],
    bob: await view.userNamed(story.bob.userName),
    aliceCount: alices.length,
    group,
    memberIds: group ? (await view.members(group.id)).map((user) => user.id) : [],
  };
}
