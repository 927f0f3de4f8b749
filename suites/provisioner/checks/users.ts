// Creating users: what the first POST carries, looking up before creating, and never creating a
// second copy (AWS-USER-REQUIRED-ATTRS, AWS-USER-USERNAME-UNIQUE).
import type { JournalEntry } from '../../../mock-server/context.ts';
import type { Check } from '../../runner/check.ts';
import { ensure, expectEqual, fail } from '../../service-provider/support/expect.ts';
import { stepOf, stepsOf } from '../check-kit.ts';
import type { DriverUser } from '../driver.ts';
import type { LifecycleView } from '../scenarios/lifecycle.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { filterOf, isWrite, touches } from '../traffic.ts';
import { bodyOf, createsOf, expectNone, pvCheck } from './support.ts';

const AREA = 'users';

export function userChecks(s: Scenarios): Check[] {
  return [
    pvCheck({
      id: 'PV-SETUP',
      area: 'setup',
      title: 'The provisioner takes the SCIM endpoint and bearer token and gets ready',
      level: 'MUST',
      references: ['AWS-AUTH-BEARER-401'],
      run: async (ctx) => {
        stepOf(ctx, (await s.lifecycle(ctx)).scenario, 'setup');
      },
    }),
    pvCheck({
      id: 'PV-USER-CREATE',
      area: AREA,
      title: 'A new user in scope appears on AWS, active, exactly once',
      level: 'MUST',
      references: ['AWS-USER-CREATE-201', 'AWS-USER-ACTIVE-DEFAULT'],
      run: async (ctx) => {
        const { scenario, alice } = await s.lifecycle(ctx);
        const view = stepOf(ctx, scenario, 'create', { observed: true }).observed as LifecycleView;
        ensure(view.alice, `no user ${alice.userName} on AWS after createUser`);
        expectEqual(view.aliceCount, 1, `users named ${alice.userName}`);
        ensure(view.alice.active !== false, `${alice.userName} was created inactive`);
      },
    }),
    pvCheck({
      id: 'PV-USER-REQUIRED-ATTRS',
      area: AREA,
      title: 'The create sends userName, displayName, name.givenName and name.familyName',
      level: 'MUST',
      references: ['AWS-USER-REQUIRED-ATTRS', 'RFC 7643 §4.1'],
      run: async (ctx) => {
        const { scenario, alice } = await s.lifecycle(ctx);
        const body = bodyOf(firstCreate(stepOf(ctx, scenario, 'create').entries, alice));
        const name = (body.name ?? {}) as Record<string, unknown>;
        expectEqual(body.userName, alice.userName, 'userName');
        expectEqual(body.displayName, alice.displayName, 'displayName');
        expectEqual(name.givenName, alice.givenName, 'name.givenName');
        expectEqual(name.familyName, alice.familyName, 'name.familyName');
      },
    }),
    pvCheck({
      id: 'PV-USER-EMAIL',
      area: AREA,
      title: 'The create sends exactly one email, marked primary',
      level: 'MUST',
      references: ['AWS-USER-REQUIRED-EMAIL', 'AWS-USER-SINGLE-VALUED', 'AWS-USER-PRIMARY-EMAIL'],
      run: async (ctx) => {
        const { scenario, alice } = await s.lifecycle(ctx);
        const body = bodyOf(firstCreate(stepOf(ctx, scenario, 'create').entries, alice));
        const emails = body.emails;
        ensure(
          Array.isArray(emails) && emails.length === 1,
          `emails: expected one, got ${JSON.stringify(emails)}`,
        );
        const email = emails[0] as Record<string, unknown>;
        expectEqual(
          String(email.value).toLowerCase(),
          alice.email.toLowerCase(),
          'emails[0].value',
        );
        expectEqual(email.primary, true, 'emails[0].primary');
      },
    }),
    pvCheck({
      id: 'PV-USER-SUPPORTED-ATTRS',
      area: AREA,
      title: 'User creates carry no attribute AWS refuses and no multi-valued list over one item',
      level: 'MUST',
      references: [
        'AWS-USER-UNSUPPORTED-ATTRS',
        'AWS-USER-NO-DISPLAY-SUBATTR',
        'AWS-USER-SINGLE-VALUED',
      ],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const creates = stepsOf(ctx, scenario, ['create', 'create-second'])
          .flatMap((step) => step.entries)
          .filter((entry) => touches(entry, 'POST', '/Users'));
        ensure(creates.length > 0, 'no POST /Users was sent for the two new users');
        for (const entry of creates) expectSupported(bodyOf(entry));
      },
    }),
    pvCheck({
      id: 'PV-USER-LOOKUP-FIRST',
      area: AREA,
      title: 'Before creating a user the provisioner looks it up by userName or externalId',
      level: 'MUST',
      references: ['AWS-FILTER-USER-ATTRS', 'AWS-USER-USERNAME-UNIQUE', 'RFC 7644 §3.4.2.2'],
      run: async (ctx) => {
        const { scenario, alice } = await s.lifecycle(ctx);
        const entries = stepOf(ctx, scenario, 'create').entries;
        const create = firstCreate(entries, alice);
        const before = entries.slice(0, entries.indexOf(create));
        const externalId = bodyOf(create).externalId;
        const lookedUp = before.some((entry) => isLookupOf(entry, alice, externalId));
        ensure(
          lookedUp,
          `POST /Users for ${alice.userName} came without a GET /Users lookup first`,
        );
      },
    }),
    pvCheck({
      id: 'PV-USER-NO-DUPLICATE',
      area: AREA,
      title: 'Creating the same user again and syncing sends no second create',
      level: 'MUST',
      references: ['AWS-USER-USERNAME-UNIQUE', 'AWS-USER-CREATE-201'],
      run: async (ctx) => {
        const { scenario, alice } = await s.lifecycle(ctx);
        const step = stepOf(ctx, scenario, 'create-again', { observed: true });
        expectNone(
          createsOf(step.entries, alice.userName),
          () => true,
          'a second POST /Users for the same user',
        );
        expectEqual(
          (step.observed as LifecycleView).aliceCount,
          1,
          `users named ${alice.userName}`,
        );
      },
    }),
    pvCheck({
      id: 'PV-USER-NO-409',
      area: AREA,
      title: 'No write of the lifecycle runs into 409 Conflict',
      level: 'SHOULD',
      references: ['AWS-USER-USERNAME-UNIQUE', 'AWS-GROUP-DISPLAYNAME-UNIQUE'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        stepOf(ctx, scenario, 'setup');
        expectNone(
          scenario.allEntries(),
          (e) => isWrite(e) && e.status === 409,
          'writes answered 409',
        );
      },
    }),
    pvCheck({
      id: 'PV-USER-ADOPT-EXISTING',
      area: AREA,
      title: 'A user that already exists on AWS is not created a second time',
      level: 'MUST',
      references: ['AWS-USER-USERNAME-UNIQUE', 'AWS-USER-NEW-ID-ON-RECREATE'],
      run: async (ctx) => {
        const { scenario, carol, seeded } = await s.adopt(ctx);
        const step = stepOf(ctx, scenario, 'create-existing', { mayFail: true, observed: true });
        const found = (step.observed ?? []) as { id: string }[];
        ensure(seeded, 'the existing user could not be seeded on the mock');
        expectEqual(
          found.map((user) => user.id),
          [seeded.id],
          `users named ${carol.userName}`,
        );
      },
    }),
    pvCheck({
      id: 'PV-USER-ADOPT-NO-CONFLICT',
      area: AREA,
      title: 'A user that already exists on AWS is found by lookup, without a failed create',
      level: 'SHOULD',
      references: ['AWS-USER-USERNAME-UNIQUE', 'AWS-FILTER-USER-ATTRS'],
      run: async (ctx) => {
        const { scenario, carol } = await s.adopt(ctx);
        const step = stepOf(ctx, scenario, 'create-existing', { mayFail: true });
        expectNone(
          createsOf(step.entries, carol.userName),
          (e) => e.status >= 400,
          'POST /Users refused',
        );
        ensure(!step.error, `the driver failed on an existing user: ${step.error}`);
      },
    }),
  ];
}

function firstCreate(entries: readonly JournalEntry[], user: DriverUser): JournalEntry {
  const create = createsOf(entries, user.userName)[0];
  if (!create) fail(`no POST /Users carrying userName ${user.userName} was sent`);
  return create;
}

/** A GET /Users that could find the user: a filter on its userName or externalId, or a full read. */
function isLookupOf(entry: JournalEntry, user: DriverUser, externalId: unknown): boolean {
  if (!touches(entry, 'GET', '/Users')) return false;
  const filter = filterOf(entry)?.toLowerCase();
  if (filter === undefined) return true;
  const names = [user.userName.toLowerCase()];
  if (typeof externalId === 'string') names.push(externalId.toLowerCase());
  return names.some((name) => filter.includes(`"${name}"`));
}

const UNSUPPORTED = ['password', 'ims', 'photos', 'x509certificates', 'entitlements', 'groups'];
const MULTI_VALUED = ['emails', 'phoneNumbers', 'addresses', 'roles'];

function expectSupported(body: Record<string, unknown>): void {
  const sent = Object.keys(body).filter((key) => UNSUPPORTED.includes(key.toLowerCase()));
  ensure(sent.length === 0, `POST /Users sends ${sent.join(', ')}, which AWS refuses`);
  for (const key of MULTI_VALUED) {
    const list = body[key];
    if (list === undefined) continue;
    ensure(
      Array.isArray(list) && list.length <= 1,
      `${key}: AWS takes one item, got ${JSON.stringify(list)}`,
    );
    const withDisplay = (list as Record<string, unknown>[]).some((item) => 'display' in item);
    ensure(key === 'roles' || !withDisplay, `${key}: AWS refuses the 'display' sub-attribute`);
  }
}
