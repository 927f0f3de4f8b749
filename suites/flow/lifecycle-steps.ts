// The provisioning half of the flow: assignment pushes users and memberships, then an attribute
// change, a removal from a group, a deactivation and a deletion each reach AWS (issue 3, step 8+).
import type { SyncSummary } from '../../provisioner/engine/summary.ts';
import { ensure, expectEqual } from '../service-provider/support/expect.ts';
import type { ScimResource } from '../provisioner/aws-view.ts';
import { APP, groupNames, people } from './people.ts';
import type { FlowStep, FlowStory } from './story.ts';

export const LIFECYCLE_STEPS: readonly FlowStep[] = [
  {
    id: 'FL-ASSIGN',
    area: 'provisioning',
    title: 'Assigning the users to the policy groups pushes them, each sync ending ok',
    references: ['AWS-USER-CREATE-201', 'AWS-PATCH-GROUP-204'],
    act: async (story) => {
      const { ada, grace, linus } = people(story);
      const { staff, engineering } = groupNames(story);
      const p = story.provisioner;
      const first = await p.assign(staff, [ada.userName, grace.userName, linus.userName]);
      const second = await p.assign(engineering, [ada.userName, grace.userName]);
      story.remember('assign', [...first.synced, ...second.synced]);
    },
    verify: (story) => {
      const summaries = story.recall<SyncSummary[]>('assign');
      expectOk(summaries);
      expectEqual(total(summaries, 'usersCreated'), 3, 'users created');
      return Promise.resolve();
    },
  },
  {
    id: 'FL-AWS-USERS',
    area: 'provisioning',
    title: 'AWS shows each user with the mapped attributes, active, externalId the directory id',
    references: ['AWS-USER-REQUIRED-ATTRS', 'AWS-USER-PRIMARY-EMAIL', 'AWS-USER-EXTERNALID-UNIQUE'],
    act: () => Promise.resolve(),
    verify: async (story) => {
      for (const person of Object.values(people(story))) {
        const user = await awsUser(story, person.userName);
        const directory = story.provisioner.getUser(person.userName)!;
        expectEqual(user.name?.givenName, person.firstName, `${person.userName} givenName`);
        expectEqual(user.name?.familyName, person.lastName, `${person.userName} familyName`);
        expectEqual(user.emails?.[0]?.value, person.email, `${person.userName} email`);
        expectEqual(user.title, person.jobTitle, `${person.userName} title (custom row)`);
        expectEqual([user.externalId, user.active], [directory.id, true], 'externalId, active');
      }
    },
  },
  {
    id: 'FL-AWS-GROUPS',
    area: 'provisioning',
    title: 'AWS shows both groups with their members (staff 3, engineering 2)',
    references: ['AWS-FILTER-MEMBERSHIP-CHECK', 'AWS-GROUP-GET-NO-MEMBERS'],
    act: () => Promise.resolve(),
    verify: async (story) => {
      const { ada, grace, linus } = people(story);
      const { staff, engineering } = groupNames(story);
      expectEqual(await memberNames(story, staff), names(ada, grace, linus), staff);
      expectEqual(await memberNames(story, engineering), names(ada, grace), engineering);
    },
  },
  {
    id: 'FL-ATTRIBUTE-CHANGE',
    area: 'changes',
    title: 'A changed last name reaches AWS as one PATCH of name.familyName',
    references: ['AWS-PATCH-USER-200', 'AWS-PATCH-USER-ATTRS'],
    act: async (story) => {
      const { ada } = people(story);
      story.remember(
        'edit',
        (await story.provisioner.editUser(ada.userName, { lastName: 'King' })).synced,
      );
    },
    verify: async (story) => {
      expectOk(story.recall<SyncSummary[]>('edit'));
      const user = await awsUser(story, people(story).ada.userName);
      expectEqual(user.name?.familyName, 'King', 'familyName on AWS');
      const writes = story.entriesOf('FL-ATTRIBUTE-CHANGE').filter((e) => e.method !== 'GET');
      expectEqual(
        writes.map((e) => e.method),
        ['PATCH'],
        'writes sent',
      );
      const operations = (writes[0].requestBody as { Operations: { path?: string }[] }).Operations;
      expectEqual(
        operations.map((op) => op.path),
        ['name.familyName'],
        'PATCH paths',
      );
    },
  },
  {
    id: 'FL-GROUP-REMOVAL',
    area: 'changes',
    title: 'Removing a user from one group drops that membership on AWS; the user stays active',
    references: ['AWS-PATCH-MEMBER-VALUE', 'AWS-PATCH-NO-REPLACE-MEMBERS'],
    act: async (story) => {
      const { grace } = people(story);
      const result = await story.provisioner.unassign(groupNames(story).engineering, [
        grace.userName,
      ]);
      story.remember('unassign', result.synced);
    },
    verify: async (story) => {
      expectOk(story.recall<SyncSummary[]>('unassign'));
      const { ada, grace } = people(story);
      const { staff, engineering } = groupNames(story);
      expectEqual(await memberNames(story, engineering), names(ada), `${engineering} members`);
      ensure(
        (await memberNames(story, staff)).includes(grace.userName),
        `${grace.userName} left ${staff}`,
      );
      expectEqual((await awsUser(story, grace.userName)).active, true, `${grace.userName} active`);
    },
  },
  {
    id: 'FL-DEACTIVATE',
    area: 'deprovisioning',
    title: 'Deactivating a user sets active false on AWS and deletes nothing',
    references: ['AWS-USER-INACTIVE-LISTED', 'AWS-USER-NEW-ID-ON-RECREATE'],
    act: async (story) => {
      const result = await story.provisioner.deactivateUser(people(story).linus.userName);
      story.remember('deactivate', result.synced);
    },
    verify: async (story) => {
      expectOk(story.recall<SyncSummary[]>('deactivate'));
      const linus = await awsUser(story, people(story).linus.userName);
      expectEqual(linus.active, false, 'active on AWS');
      const deletes = story.entriesOf('FL-DEACTIVATE').filter((e) => e.method === 'DELETE');
      expectEqual(deletes.length, 0, 'DELETE requests');
    },
  },
  {
    id: 'FL-DELETE',
    area: 'deprovisioning',
    title: 'With delete switched on for the app, deleting the user removes it from AWS',
    references: ['AWS-USER-DELETE-204', 'AWS-USER-DELETE-MEMBERSHIPS'],
    act: async (story) => {
      const { linus } = people(story);
      story.remember('linusId', (await awsUser(story, linus.userName)).id);
      story.provisioner.setFeatures(APP, { enable: ['delete-users'] });
      story.provisioner.updateApp(APP, { deprovision: { mode: 'delete', graceDays: 0 } });
      story.remember('delete', (await story.provisioner.deleteUser(linus.userName)).synced);
    },
    verify: async (story) => {
      expectOk(story.recall<SyncSummary[]>('delete'));
      const id = story.recall<string>('linusId');
      ensure(!(await story.view.userById(id)), `user ${id} is still on AWS after the delete`);
      const staff = await memberNames(story, groupNames(story).staff);
      expectEqual(staff, names(people(story).ada, people(story).grace), 'staff members');
    },
  },
  {
    id: 'FL-IDLE-SYNC',
    area: 'deprovisioning',
    title: 'A final sync with nothing changed ends ok and sends no write',
    references: ['AWS-THROTTLE-429'],
    act: async (story) => {
      story.remember('idle', await story.provisioner.syncNow([APP]));
    },
    verify: (story) => {
      expectOk(story.recall<SyncSummary[]>('idle'));
      const writes = story.entriesOf('FL-IDLE-SYNC').filter((e) => e.method !== 'GET');
      expectEqual(writes.length, 0, 'writes in an idle sync');
      return Promise.resolve();
    },
  },
];

function expectOk(summaries: readonly SyncSummary[]): void {
  ensure(summaries.length > 0, 'the change synced no app');
  for (const summary of summaries) {
    const why = [summary.message, ...summary.failures].filter(Boolean).join('; ');
    expectEqual(summary.status, 'ok', `sync of ${summary.app}${why ? ` (${why})` : ''}`);
  }
}

function total(summaries: readonly SyncSummary[], key: keyof SyncSummary['counts']): number {
  return summaries.reduce((sum, summary) => sum + summary.counts[key], 0);
}

async function awsUser(story: FlowStory, userName: string): Promise<ScimResource> {
  const user = await story.view.userNamed(userName);
  ensure(user, `${userName} is not on AWS`);
  return user;
}

async function memberNames(story: FlowStory, groupName: string): Promise<string[]> {
  const group = await story.view.groupNamed(groupName);
  ensure(group, `group ${groupName} is not on AWS`);
  return (await story.view.members(group.id)).map((user) => String(user.userName)).sort();
}

function names(...persons: { userName: string }[]): string[] {
  return persons.map((person) => person.userName).sort();
}
