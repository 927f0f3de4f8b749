// A group of 250 members pushed at once, then 120 of them removed: more than AWS takes in one
// request, so the provisioner has to split its member changes (AWS-PATCH-MEMBERS-MAX).
import type { CheckContext } from '../../runner/check.ts';
import type { DriverFactory, DriverUser } from '../driver.ts';
import { Scenario } from '../scenario.ts';
import { driverUsers } from './users.ts';

export const BULK_MEMBERS = 250;
export const BULK_REMOVED = 120;

export interface Bulk {
  scenario: Scenario;
  group: string;
  members: DriverUser[];
  removed: DriverUser[];
}

/** What the AWS side held: the group, and its members' userNames. */
export interface BulkView {
  groupId?: string;
  memberNames: string[];
}

export async function runBulk(factory: DriverFactory, ctx: CheckContext): Promise<Bulk> {
  const scenario = await Scenario.start(factory, ctx);
  const members = driverUsers(ctx, 100, BULK_MEMBERS);
  const story: Bulk = {
    scenario,
    group: `${ctx.namePrefix}pv-big`,
    members,
    removed: members.slice(0, BULK_REMOVED),
  };
  const look = (view: Scenario['view']) => readMembers(view, story.group);
  await scenario.act('push-group', (d) => d.pushGroup(story.group, members), look);
  const removedNames = story.removed.map((user) => user.userName);
  await scenario.act('remove-members', (d) => d.removeFromGroup(story.group, removedNames), look);
  return story;
}

async function readMembers(view: Scenario['view'], groupName: string): Promise<BulkView> {
  const group = await view.groupNamed(groupName);
  if (!group) return { memberNames: [] };
  const users = await view.members(group.id);
  return { groupId: group.id, memberNames: users.map((user) => String(user.userName)) };
}
