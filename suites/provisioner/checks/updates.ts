// Updating users: PATCH with only what changed, a sync with no change sends nothing, and every
// PATCH has the shape AWS takes (AWS-PATCH-SHAPE, AWS-PATCH-NO-PATH-SINGLE).
import type { JournalEntry } from '../../../mock-server/context.ts';
import { PATCH_OP_URN } from '../../../scim/urns.ts';
import type { Check } from '../../runner/check.ts';
import { ensure, expectEqual, fail } from '../../service-provider/support/expect.ts';
import { describeEntry, stepOf } from '../check-kit.ts';
import type { LifecycleView } from '../scenarios/lifecycle.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { isWrite, operationsOf, touchedAttributes, touches } from '../traffic.ts';
import { bodyOf, expectNone, pvCheck } from './support.ts';

const AREA = 'updates';

export function updateChecks(s: Scenarios): Check[] {
  return [
    pvCheck({
      id: 'PV-UPDATE-APPLIED',
      area: AREA,
      title: 'A changed family name reaches AWS and leaves the other attributes as they were',
      level: 'MUST',
      references: ['AWS-PATCH-USER-200', 'AWS-PATCH-USER-ATTRS'],
      run: async (ctx) => {
        const { scenario, alice, newFamilyName } = await s.lifecycle(ctx);
        const view = stepOf(ctx, scenario, 'update', { observed: true }).observed as LifecycleView;
        ensure(view.alice, `${alice.userName} is gone from AWS after the update`);
        const name = (view.alice.name ?? {}) as Record<string, unknown>;
        expectEqual(name.familyName, newFamilyName, 'name.familyName');
        expectEqual(name.givenName, alice.givenName, 'name.givenName');
        expectEqual(view.alice.displayName, alice.displayName, 'displayName');
      },
    }),
    pvCheck({
      id: 'PV-UPDATE-PATCH',
      area: AREA,
      title: 'An attribute change goes out as PATCH, never as a full PUT',
      level: 'SHOULD',
      references: ['AWS-PATCH-USER-200', 'AWS-USER-PUT-200', 'RFC 7644 §3.5.2'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const writes = stepOf(ctx, scenario, 'update').entries.filter(isWrite);
        ensure(writes.length > 0, 'the update sent no write');
        expectNone(
          writes,
          (entry) => !touches(entry, 'PATCH', '/Users'),
          'writes other than PATCH /Users',
        );
      },
    }),
    pvCheck({
      id: 'PV-UPDATE-ONLY-CHANGED',
      area: AREA,
      title: 'The update names only the attribute that changed (name.familyName)',
      level: 'SHOULD',
      references: ['AWS-PATCH-USER-ATTRS', 'RFC 7644 §3.5.2'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const patches = stepOf(ctx, scenario, 'update').entries.filter((e) =>
          touches(e, 'PATCH', '/Users'),
        );
        ensure(patches.length > 0, 'the update sent no PATCH /Users');
        const touched = [...new Set(patches.flatMap(touchedAttributes))];
        expectEqual(touched, ['name.familyName'], 'attributes the update names');
      },
    }),
    pvCheck({
      id: 'PV-SYNC-IDLE',
      area: AREA,
      title: 'A sync with nothing changed sends no write',
      level: 'SHOULD',
      references: ['AWS-THROTTLE-429'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        expectNone(stepOf(ctx, scenario, 'idle-sync').entries, isWrite, 'writes in an idle sync');
      },
    }),
    pvCheck({
      id: 'PV-PATCH-SHAPE',
      area: AREA,
      title: 'Every PATCH is a PatchOp: schemas, add/replace/remove, path on remove, value on add',
      level: 'MUST',
      references: [
        'AWS-PATCH-SHAPE',
        'AWS-PATCH-VALUE-REQUIRED',
        'AWS-PATCH-REMOVE-NEEDS-PATH',
        'RFC 7644 §3.5.2',
      ],
      run: async (ctx) => {
        const patches = await lifecyclePatches(s, ctx);
        for (const entry of patches) expectPatchShape(entry);
      },
    }),
    pvCheck({
      id: 'PV-PATCH-NO-PATH-SINGLE',
      area: AREA,
      title: 'A PATCH op without path changes one attribute, and no request has two ops on active',
      level: 'MUST',
      references: ['AWS-PATCH-NO-PATH-SINGLE', 'AWS-PATCH-USERNAME-ACTIVE'],
      run: async (ctx) => {
        for (const entry of await lifecyclePatches(s, ctx)) expectPathRules(entry);
      },
    }),
    pvCheck({
      id: 'PV-PATCH-ACCEPTED',
      area: AREA,
      title: 'AWS accepts every PATCH of the lifecycle (none answered 400)',
      level: 'MUST',
      references: ['AWS-PATCH-USER-200', 'AWS-PATCH-GROUP-204'],
      run: async (ctx) => {
        const patches = await lifecyclePatches(s, ctx);
        expectNone(patches, (entry) => entry.status === 400, 'PATCH answered 400');
      },
    }),
  ];
}

async function lifecyclePatches(s: Scenarios, ctx: Parameters<Check['run']>[0]) {
  const { scenario } = await s.lifecycle(ctx);
  stepOf(ctx, scenario, 'setup');
  const patches = scenario.allEntries().filter((entry) => entry.method === 'PATCH');
  ensure(patches.length > 0, 'the lifecycle sent no PATCH at all');
  return patches;
}

function expectPatchShape(entry: JournalEntry): void {
  const what = describeEntry(entry);
  const body = bodyOf(entry);
  expectEqual(body.schemas, [PATCH_OP_URN], `${what}: schemas`);
  const operations = operationsOf(entry);
  ensure(operations.length > 0, `${what}: Operations is empty or missing`);
  operations.forEach((operation, index) => {
    const op = String(operation.op).toLowerCase();
    if (!['add', 'replace', 'remove'].includes(op))
      fail(`${what}: Operations[${index}].op is ${String(operation.op)}`);
    if (op === 'remove' && typeof operation.path !== 'string')
      fail(`${what}: Operations[${index}] removes without a path`);
    if (op !== 'remove' && operation.value === undefined)
      fail(`${what}: Operations[${index}] ${op} has no value`);
  });
}

function expectPathRules(entry: JournalEntry): void {
  const what = describeEntry(entry);
  let activeOps = 0;
  for (const [index, operation] of operationsOf(entry).entries()) {
    const path = typeof operation.path === 'string' ? operation.path.toLowerCase() : undefined;
    const value = operation.value as Record<string, unknown> | undefined;
    if (path === 'active' || (path === undefined && value && 'active' in value)) activeOps += 1;
    if (path !== undefined) continue;
    // AWS ignores an `id` key in a no-path value (DG-PG example), so it does not count.
    const keys = Object.keys(value ?? {}).filter((key) => key !== 'id');
    ensure(
      keys.length <= 1,
      `${what}: Operations[${index}] has no path and changes ${keys.join(', ')}`,
    );
  }
  ensure(activeOps <= 1, `${what}: ${activeOps} operations on active in one request`);
}
