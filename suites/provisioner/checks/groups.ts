// Group membership: members arrive and leave, changes go in batches of at most 100, always as
// add or remove of named members, never as a replace (AWS-PATCH-MEMBERS-MAX, -NO-REPLACE-MEMBERS).
import type { JournalEntry } from '../../../mock-server/context.ts';
import type { Check, CheckContext } from '../../runner/check.ts';
import { ensure, expectEqual } from '../../service-provider/support/expect.ts';
import { stepOf } from '../check-kit.ts';
import type { BulkView } from '../scenarios/bulk.ts';
import { BULK_MEMBERS, BULK_REMOVED } from '../scenarios/bulk.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { Scenario } from '../scenario.ts';
import type { LifecycleView } from '../scenarios/lifecycle.ts';
import { memberChanges, touches } from '../traffic.ts';
import { bodyOf, expectNone, pvCheck } from './support.ts';

const AREA = 'groups';
const MAX_CHANGES = 100;

export function groupChecks(s: Scenarios): Check[] {
  return [
    pvCheck({
      id: 'PV-GROUP-ADD',
      area: AREA,
      title: 'Adding two users to a group creates it on AWS with both as members',
      level: 'MUST',
      references: ['AWS-GROUP-CREATE-201', 'AWS-PATCH-GROUP-204', 'AWS-FILTER-MEMBERSHIP-CHECK'],
      run: async (ctx) => {
        const { scenario, group } = await s.lifecycle(ctx);
        const view = stepOf(ctx, scenario, 'add-to-group', { observed: true })
          .observed as LifecycleView;
        ensure(view.group, `group ${group} is not on AWS after addToGroup`);
        ensure(view.alice && view.bob, 'the two users are not both on AWS');
        expectEqual([...view.memberIds].sort(), [view.alice.id, view.bob.id].sort(), 'member ids');
      },
    }),
    pvCheck({
      id: 'PV-GROUP-REMOVE',
      area: AREA,
      title: 'Removing a user from a group drops that membership only; the user stays active',
      level: 'MUST',
      references: ['AWS-PATCH-GROUP-204', 'AWS-PATCH-MEMBER-VALUE'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const view = stepOf(ctx, scenario, 'remove-from-group', { observed: true })
          .observed as LifecycleView;
        ensure(view.alice && view.bob, 'a user disappeared from AWS when leaving a group');
        expectEqual(view.memberIds, [view.alice.id], 'member ids after removing bob');
        ensure(view.bob.active !== false, 'bob was deactivated although he is still in scope');
      },
    }),
    pvCheck({
      id: 'PV-GROUP-REMOVE-NAMED',
      area: AREA,
      title: 'Member removals name the members; none removes every member at once',
      level: 'MUST',
      references: ['AWS-PATCH-NO-REMOVE-ALL', 'AWS-PATCH-MEMBER-VALUE'],
      run: async (ctx) => {
        const entries = await groupWrites(s, ctx, true);
        const removes = entries.flatMap(memberChanges).filter((change) => change.op === 'remove');
        ensure(removes.length > 0, 'no member removal was sent');
        ensure(
          !removes.some((change) => change.removesAll),
          'a PATCH removes members without naming them',
        );
      },
    }),
    pvCheck({
      id: 'PV-GROUP-PUSH-ALL',
      area: AREA,
      title: `A pushed group of ${BULK_MEMBERS} members holds all of them on AWS`,
      level: 'MUST',
      references: ['AWS-PATCH-MEMBERS-MAX', 'AWS-GROUP-CREATE-MEMBERS-MAX'],
      run: async (ctx) => {
        const { scenario, members } = await s.bulk(ctx);
        const view = stepOf(ctx, scenario, 'push-group', { observed: true }).observed as BulkView;
        ensure(view.groupId, 'the pushed group is not on AWS');
        expectMembers(
          view,
          members.map((user) => user.userName),
        );
      },
    }),
    pvCheck({
      id: 'PV-GROUP-REMOVE-BULK',
      area: AREA,
      title: `Removing ${BULK_REMOVED} of the members leaves exactly the others`,
      level: 'MUST',
      references: ['AWS-PATCH-MEMBERS-MAX', 'AWS-PATCH-NO-REMOVE-ALL'],
      run: async (ctx) => {
        const { scenario, members } = await s.bulk(ctx);
        const view = stepOf(ctx, scenario, 'remove-members', { observed: true })
          .observed as BulkView;
        expectMembers(
          view,
          members.slice(BULK_REMOVED).map((user) => user.userName),
        );
      },
    }),
    pvCheck({
      id: 'PV-GROUP-BATCH-MAX',
      area: AREA,
      title: `No group PATCH carries more than ${MAX_CHANGES} member changes`,
      level: 'MUST',
      references: ['AWS-PATCH-MEMBERS-MAX'],
      run: async (ctx) => {
        const patches = (await groupWrites(s, ctx, true)).filter((e) => e.method === 'PATCH');
        const total = (entry: JournalEntry) =>
          memberChanges(entry).reduce((sum, c) => sum + c.count, 0);
        expectNone(
          patches,
          (entry) => total(entry) > MAX_CHANGES,
          `PATCHes over ${MAX_CHANGES} member changes`,
        );
      },
    }),
    pvCheck({
      id: 'PV-GROUP-CREATE-MAX',
      area: AREA,
      title: `No group create carries more than ${MAX_CHANGES} members`,
      level: 'MUST',
      references: ['AWS-GROUP-CREATE-MEMBERS-MAX'],
      run: async (ctx) => {
        const creates = (await groupWrites(s, ctx, false)).filter((e) => e.method === 'POST');
        ensure(creates.length > 0, 'no POST /Groups was sent for the pushed group');
        const members = (entry: JournalEntry) => bodyOf(entry).members;
        const tooMany = (e: JournalEntry) =>
          Array.isArray(members(e)) && (members(e) as unknown[]).length > MAX_CHANGES;
        expectNone(creates, tooMany, `group creates with over ${MAX_CHANGES} members`);
      },
    }),
    pvCheck({
      id: 'PV-GROUP-NO-REPLACE',
      area: AREA,
      title: 'Members are never replaced: no replace op on members and no PUT of a group',
      level: 'MUST',
      references: ['AWS-PATCH-NO-REPLACE-MEMBERS', 'AWS-GROUP-PUT'],
      run: async (ctx) => {
        const writes = await groupWrites(s, ctx, true);
        const replaces = (e: JournalEntry) => memberChanges(e).some((change) => change.replaces);
        expectNone(writes, replaces, 'PATCHes that replace members');
        expectNone(
          writes,
          (e) => e.method === 'PUT' && bodyOf(e).members !== undefined,
          'PUTs with members',
        );
      },
    }),
    pvCheck({
      id: 'PV-GROUP-MEMBER-SHAPE',
      area: AREA,
      title: 'Member items carry value (and at most type, $ref), never display',
      level: 'MUST',
      references: ['AWS-GROUP-MEMBER-SUBATTRS'],
      run: async (ctx) => {
        const writes = await groupWrites(s, ctx, true);
        expectNone(
          writes,
          hasBadMember,
          'group writes with a member lacking value or carrying display',
        );
      },
    }),
    pvCheck({
      id: 'PV-GROUP-WRITES-ACCEPTED',
      area: AREA,
      title: 'AWS accepts every group write of the push and the removal (no 4xx)',
      level: 'MUST',
      references: ['AWS-PATCH-GROUP-204', 'AWS-GROUP-CREATE-201'],
      run: async (ctx) => {
        const writes = await groupWrites(s, ctx, false);
        expectNone(writes, (e) => e.status >= 400 && e.status < 500, 'group writes refused');
      },
    }),
    pvCheck({
      id: 'PV-GROUP-FEW-REQUESTS',
      area: AREA,
      title: `The ${BULK_MEMBERS} members go out in at most 10 requests, not one per member`,
      level: 'SHOULD',
      references: ['AWS-PATCH-MEMBERS-MAX', 'AWS-THROTTLE-429'],
      run: async (ctx) => {
        const { scenario } = await s.bulk(ctx);
        const writes = stepOf(ctx, scenario, 'push-group', { mayFail: true }).entries.filter(
          isGroupWrite,
        );
        const carrying = writes.filter(
          (e) => memberChanges(e).length > 0 || bodyOf(e).members !== undefined,
        );
        ensure(carrying.length <= 10, `${carrying.length} requests carried the members`);
      },
    }),
  ];
}

/** Group writes of the bulk scenario, plus the lifecycle's when `withLifecycle`. */
async function groupWrites(s: Scenarios, ctx: CheckContext, withLifecycle: boolean) {
  const bulk = (await s.bulk(ctx)).scenario;
  // These checks judge what was sent, so a step the driver reported as failed still counts.
  const take = (scenario: Scenario, name: string) => stepOf(ctx, scenario, name, { mayFail: true });
  const steps = [take(bulk, 'push-group'), take(bulk, 'remove-members')];
  if (withLifecycle) {
    const lifecycle = (await s.lifecycle(ctx)).scenario;
    steps.push(take(lifecycle, 'add-to-group'), take(lifecycle, 'remove-from-group'));
  }
  const writes = steps.flatMap((step) => step.entries).filter(isGroupWrite);
  ensure(writes.length > 0, 'no group write was sent');
  return writes;
}

function isGroupWrite(entry: JournalEntry): boolean {
  return ['POST', 'PUT', 'PATCH'].some((method) => touches(entry, method, '/Groups'));
}

function expectMembers(view: BulkView, expected: readonly string[]): void {
  const held = new Set(view.memberNames.map((name) => name.toLowerCase()));
  const missing = expected.filter((name) => !held.has(name.toLowerCase()));
  ensure(
    missing.length === 0,
    `${missing.length} of ${expected.length} members missing, e.g. ${missing[0]}`,
  );
  expectEqual(view.memberNames.length, expected.length, 'member count');
}

function hasBadMember(entry: JournalEntry): boolean {
  const lists: unknown[] = [bodyOf(entry).members];
  for (const operation of (bodyOf(entry).Operations ?? []) as {
    path?: unknown;
    value?: unknown;
  }[]) {
    if (typeof operation.path === 'string' && /^members$/i.test(operation.path))
      lists.push(operation.value);
  }
  return lists.some(
    (list) =>
      Array.isArray(list) &&
      list.some(
        (member: Record<string, unknown>) =>
          typeof member?.value !== 'string' || 'display' in member,
      ),
  );
}
