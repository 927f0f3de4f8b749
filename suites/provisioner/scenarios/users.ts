// Seeded directory users for the scenarios, shaped as the driver interface takes them.
import { makeUser } from '../../../fixtures/index.ts';
import type { CheckContext } from '../../runner/check.ts';
import type { DriverUser } from '../driver.ts';

/** User number `index` of this run; the same seed gives the same people. */
export function driverUser(ctx: CheckContext, index: number): DriverUser {
  const fixture = makeUser(ctx.seed, index, ctx.namePrefix);
  return {
    userName: fixture.userName,
    givenName: fixture.name.givenName,
    familyName: fixture.name.familyName,
    displayName: fixture.displayName,
    email: fixture.emails[0].value,
  };
}

/** `count` users numbered from `first`. */
export function driverUsers(ctx: CheckContext, first: number, count: number): DriverUser[] {
  return Array.from({ length: count }, (_, offset) => driverUser(ctx, first + offset));
}
