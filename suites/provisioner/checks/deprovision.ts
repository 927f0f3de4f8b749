// Deprovisioning: deactivation is a PATCH of active to false, and a delete comes only after a
// deactivation, or is replaced by one (AWS-USER-NEW-ID-ON-RECREATE: a re-created user loses
// its assignments).
import type { JournalEntry } from '../../../mock-server/context.ts';
import type { Check } from '../../runner/check.ts';
import { ensure, expectEqual, fail } from '../../service-provider/support/expect.ts';
import { describeEntry, stepOf } from '../check-kit.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { LifecycleView } from '../scenarios/lifecycle.ts';
import { operationsOf, resourceId, touches } from '../traffic.ts';
import { expectNone, pvCheck } from './support.ts';

const AREA = 'deprovisioning';

export function deprovisionChecks(s: Scenarios): Check[] {
  return [
    pvCheck({
      id: 'PV-DEACTIVATE',
      area: AREA,
      title: 'A deactivated user stays on AWS with active false',
      level: 'MUST',
      references: ['AWS-USER-INACTIVE-LISTED', 'AWS-PATCH-USER-200'],
      run: async (ctx) => {
        const { scenario, alice } = await s.lifecycle(ctx);
        const view = stepOf(ctx, scenario, 'deactivate', { observed: true })
          .observed as LifecycleView;
        ensure(view.alice, `${alice.userName} is gone from AWS after a deactivation`);
        expectEqual(view.alice.active, false, 'active');
      },
    }),
    pvCheck({
      id: 'PV-DEACTIVATE-PATCH',
      area: AREA,
      title: 'Deactivation is a PATCH setting active to the JSON boolean false',
      level: 'SHOULD',
      references: ['AWS-PATCH-STRING-BOOLEANS', 'RFC 7643 §4.1.1'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const entries = stepOf(ctx, scenario, 'deactivate').entries;
        const patch = entries.find((entry) => activeValue(entry) !== undefined);
        if (!patch) fail('the deactivation sent no PATCH of active');
        expectEqual(activeValue(patch), false, `${describeEntry(patch)}: active`);
      },
    }),
    pvCheck({
      id: 'PV-DEACTIVATE-NO-DELETE',
      area: AREA,
      title: 'Deactivating a user sends no DELETE',
      level: 'MUST',
      references: ['AWS-USER-NEW-ID-ON-RECREATE', 'AWS-USER-DELETE-204'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const entries = stepOf(ctx, scenario, 'deactivate').entries;
        expectNone(
          entries,
          (entry) => touches(entry, 'DELETE', '/Users'),
          'DELETEs on deactivation',
        );
      },
    }),
    pvCheck({
      id: 'PV-DELETE-AFTER-DEACTIVATE',
      area: AREA,
      title: 'A user is deleted only after it was deactivated (or deactivated instead)',
      level: 'SHOULD',
      references: ['AWS-USER-NEW-ID-ON-RECREATE', 'AWS-USER-DELETE-204'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        stepOf(ctx, scenario, 'delete-active');
        stepOf(ctx, scenario, 'delete-inactive');
        const entries = scenario.allEntries();
        entries.forEach((entry, index) => {
          if (!touches(entry, 'DELETE', '/Users')) return;
          const id = resourceId(entry);
          const before = entries.slice(0, index);
          const deactivated = before.some((e) => resourceId(e) === id && isFalse(activeValue(e)));
          ensure(deactivated, `${describeEntry(entry)} came with no deactivation before it`);
        });
      },
    }),
    pvCheck({
      id: 'PV-DELETE-DEPROVISIONED',
      area: AREA,
      title: 'A user removed from the directory is gone from AWS or inactive there',
      level: 'MUST',
      references: ['AWS-USER-DELETE-204', 'AWS-USER-INACTIVE-LISTED'],
      run: async (ctx) => {
        const { scenario } = await s.lifecycle(ctx);
        const active = stepOf(ctx, scenario, 'delete-active', { observed: true })
          .observed as LifecycleView;
        ensure(active.bob?.active !== true, 'bob, deleted while active, is still active on AWS');
        const inactive = stepOf(ctx, scenario, 'delete-inactive', { observed: true })
          .observed as LifecycleView;
        ensure(
          inactive.alice?.active !== true,
          'alice, deleted while inactive, is active again on AWS',
        );
      },
    }),
  ];
}

/** AWS takes the string "false" too (AWS-PATCH-STRING-BOOLEANS). */
function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** The value a user PATCH gives `active`, or undefined when it does not touch it. */
function activeValue(entry: JournalEntry): unknown {
  if (!touches(entry, 'PATCH', '/Users')) return undefined;
  for (const operation of operationsOf(entry)) {
    if (typeof operation.path === 'string' && operation.path.toLowerCase() === 'active')
      return operation.value;
    const value = operation.value as Record<string, unknown> | undefined;
    if (operation.path === undefined && value && 'active' in value) return value.active;
  }
  return undefined;
}
