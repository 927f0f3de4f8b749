// The set-up half of the flow: the AWS side, an aws-preset app with its endpoint and token, a
// connection test, the attribute mapping, groups, a policy and users (issue 3, steps 1-7).
import { ensure, expectEqual } from '../service-provider/support/expect.ts';
import type { ConnectionReport } from '../../provisioner/apps/connection-test.ts';
import type { Preview } from '../../provisioner/mapping/preview.ts';
import { APP, groupNames, people, POLICY } from './people.ts';
import type { FlowStep } from './story.ts';

const REQUIRED_TARGETS = ['userName', 'name.givenName', 'name.familyName', 'displayName'];

export const SETUP_STEPS: readonly FlowStep[] = [
  {
    id: 'FL-AWS-ENDPOINT',
    area: 'set-up',
    title: 'The AWS side gives a SCIM endpoint and a bearer token for one tenant',
    references: ['AWS-AUTH-BEARER-401', 'AWS-DISCOVERY-SPC'],
    act: () => Promise.resolve(),
    verify: async (story) => {
      ensure(/\/scim\/v2$/.test(story.mock.scimBaseUrl()), 'the endpoint does not end in /scim/v2');
      expectEqual((await story.mock.admin.listTokens(story.mock.tenantId)).length, 1, 'tokens');
    },
  },
  {
    id: 'FL-APP-CREATE',
    area: 'set-up',
    title: 'An app from the aws preset takes the endpoint and token, deactivating by default',
    // Three users: one deprovision is a third of them, over the default guard of 20%.
    references: ['AWS-USER-NEW-ID-ON-RECREATE'],
    act: (story) => {
      const { mock } = story;
      const endpoint = mock.scimBaseUrl();
      const app = { name: APP, preset: 'aws', endpoint, token: mock.token } as const;
      story.provisioner.createApp({ ...app, maxDeprovisionShare: 0.5 });
      return Promise.resolve();
    },
    verify: (story) => {
      const app = story.provisioner.getApp(APP);
      expectEqual(app.endpoint, story.mock.scimBaseUrl(), 'endpoint');
      expectEqual(
        [app.features.createUsers, app.features.deleteUsers],
        [true, false],
        'create, delete',
      );
      expectEqual(app.deprovision.mode, 'deactivate', 'deprovision mode');
      return Promise.resolve();
    },
  },
  {
    id: 'FL-CONNECTION-TEST',
    area: 'set-up',
    title: 'Test connection reaches the endpoint, has the token accepted and reads discovery',
    references: ['AWS-DISCOVERY-SPC', 'AWS-AUTH-BEARER-401'],
    act: async (story) => {
      story.remember('connection', await story.provisioner.testConnection(APP));
    },
    verify: (story) => {
      const report = story.recall<ConnectionReport>('connection');
      const failed = report.checks
        .filter((check) => !check.ok)
        .map((c) => `${c.name}: ${c.detail}`);
      ensure(report.ok && failed.length === 0, `connection test failed: ${failed.join('; ')}`);
      return Promise.resolve();
    },
  },
  {
    id: 'FL-MAPPING',
    area: 'set-up',
    title: "The mapping holds AWS's required attributes, plus a custom title row",
    references: ['AWS-USER-REQUIRED-ATTRS', 'AWS-USER-REQUIRED-EMAIL'],
    act: (story) => {
      story.provisioner.setMapping(APP, 'title', 'attr.jobTitle');
      return Promise.resolve();
    },
    verify: (story) => {
      const targets = story.provisioner.mapping(APP).map((row) => row.target);
      const missing = [...REQUIRED_TARGETS, 'title'].filter((target) => !targets.includes(target));
      ensure(missing.length === 0, `mapping lacks ${missing.join(', ')}`);
      ensure(
        targets.some((target) => target.startsWith('emails')),
        'mapping has no email row',
      );
      return Promise.resolve();
    },
  },
  {
    id: 'FL-GROUPS',
    area: 'directory',
    title: 'Two directory groups exist and, in no policy yet, are not on AWS',
    references: ['AWS-GROUP-DISPLAYNAME-UNIQUE'],
    act: (story) => {
      const { staff, engineering } = groupNames(story);
      story.provisioner.createGroup(staff);
      story.provisioner.createGroup(engineering);
      return Promise.resolve();
    },
    verify: async (story) => {
      const { staff } = groupNames(story);
      ensure(
        story.provisioner.listGroups().some((g) => g.name === staff),
        `no directory group ${staff}`,
      );
      ensure(
        !(await story.view.groupNamed(staff)),
        `${staff} is on AWS before any policy names it`,
      );
    },
  },
  {
    id: 'FL-POLICY',
    area: 'directory',
    title: 'A policy naming both groups for the app pushes the groups to AWS',
    references: ['AWS-GROUP-CREATE-201'],
    act: async (story) => {
      const groups = Object.values(groupNames(story));
      story.remember(
        'policy',
        await story.provisioner.addPolicy({ name: POLICY, app: APP, groups }),
      );
    },
    verify: async (story) => {
      for (const name of Object.values(groupNames(story))) {
        ensure(await story.view.groupNamed(name), `group ${name} is not on AWS after the policy`);
      }
    },
  },
  {
    id: 'FL-USERS',
    area: 'directory',
    title: 'Three directory users exist and, assigned nowhere yet, are not on AWS',
    references: ['AWS-USER-CREATE-201'],
    act: (story) => {
      for (const person of Object.values(people(story))) {
        const { jobTitle, ...profile } = person;
        story.provisioner.addUser({ ...profile, attributes: { jobTitle } });
      }
      return Promise.resolve();
    },
    verify: async (story) => {
      const { ada } = people(story);
      ensure(story.provisioner.getUser(ada.userName), `no directory user ${ada.userName}`);
      ensure(
        !(await story.view.userNamed(ada.userName)),
        `${ada.userName} is on AWS before assignment`,
      );
    },
  },
  {
    id: 'FL-MAPPING-PREVIEW',
    area: 'directory',
    title: 'The mapping preview shows the exact body AWS would get, with no pre-flight problem',
    references: ['AWS-USER-REQUIRED-ATTRS', 'AWS-USER-PRIMARY-EMAIL'],
    act: (story) => {
      story.remember('preview', story.provisioner.preview(APP, people(story).ada.userName));
      return Promise.resolve();
    },
    verify: (story) => {
      const { ada } = people(story);
      const preview = story.recall<Preview>('preview');
      expectEqual(preview.problems, [], 'pre-flight problems');
      expectEqual(preview.body.userName, ada.userName, 'userName');
      expectEqual(preview.body.title, ada.jobTitle, 'title (custom row)');
      return Promise.resolve();
    },
  },
];
