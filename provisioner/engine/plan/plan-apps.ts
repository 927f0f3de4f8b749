// The plan of each app as `scim-harness plan` shows it: built from the directory and the
// pushed store only, so planning sends nothing to any target.
import type Database from 'better-sqlite3';

import { listApps } from '../../apps/store.ts';
import { buildDesiredState } from '../../desired-state.ts';
import { PushedStore } from '../store/pushed-store.ts';
import { buildPlan } from './build-plan.ts';
import type { Plan } from './types.ts';

export function planApps(db: Database.Database, appNames?: string[], now = new Date()): Plan[] {
  const names = appNames ?? listApps(db).map((app) => app.name);
  return names.map((name) => {
    const desired = buildDesiredState(db, name);
    return buildPlan(desired, new PushedStore(db, desired.app.name).load(), now);
  });
}
