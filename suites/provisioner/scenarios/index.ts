// The scenarios of one suite run, each run once (on first use) and shared by its checks.
import type { CheckContext } from '../../runner/check.ts';
import type { DriverFactory } from '../driver.ts';
import { runAdopt, type Adopt } from './adopt.ts';
import { runBulk, type Bulk } from './bulk.ts';
import { runLifecycle, type Lifecycle } from './lifecycle.ts';
import { runResilience, type Resilience } from './resilience.ts';

export interface Scenarios {
  lifecycle(ctx: CheckContext): Promise<Lifecycle>;
  adopt(ctx: CheckContext): Promise<Adopt>;
  bulk(ctx: CheckContext): Promise<Bulk>;
  resilience(ctx: CheckContext): Promise<Resilience>;
}

export function scenariosFor(factory: DriverFactory): Scenarios {
  return {
    lifecycle: (ctx) => ctx.memo('pv:lifecycle', () => runLifecycle(factory, ctx)),
    adopt: (ctx) => ctx.memo('pv:adopt', () => runAdopt(factory, ctx)),
    bulk: (ctx) => ctx.memo('pv:bulk', () => runBulk(factory, ctx)),
    resilience: (ctx) => ctx.memo('pv:resilience', () => runResilience(factory, ctx)),
  };
}
