// Answers a provisioner must cope with: 429 with and without Retry-After, a passing 500, and a
// 400 for a user AWS refuses (a reserved userName the provisioner cannot know about).
import type { FaultRule } from '../../../mock-server/context.ts';
import type { CheckContext } from '../../runner/check.ts';
import type { ScimResource } from '../aws-view.ts';
import type { DriverFactory, DriverUser, ProvisionerDriver } from '../driver.ts';
import { Scenario } from '../scenario.ts';
import { driverUser } from './users.ts';

/** Seconds the throttled answer asks the client to wait. */
export const RETRY_AFTER_SECONDS = 1;

export interface Resilience {
  scenario: Scenario;
  dave: DriverUser;
  erin: DriverUser;
  /** A user whose userName this mock refuses with 400, as AWS refuses its reserved names. */
  refused: DriverUser;
  frank: DriverUser;
  newGivenName: string;
}

export async function runResilience(
  factory: DriverFactory,
  ctx: CheckContext,
): Promise<Resilience> {
  const refused = driverUser(ctx, 5);
  // AWS-USER-RESERVED-NAMES: the mock refuses this name as AWS refuses 'Administrator'; the
  // provisioner's own pre-flight cannot know it, so the 400 really reaches it.
  const reservedNames = ['Administrator', 'AWSAdministrators', refused.userName];
  const scenario = await Scenario.start(factory, ctx, { profileOverrides: { reservedNames } });
  const story: Resilience = {
    scenario,
    dave: driverUser(ctx, 4),
    erin: driverUser(ctx, 6),
    refused,
    frank: driverUser(ctx, 7),
    newGivenName: 'Retried-Givenname',
  };
  const { dave, erin, frank } = story;
  const find = (user: DriverUser) => (view: Scenario['view']) => view.userNamed(user.userName);
  const throttle: FaultRule = { kind: 'status', status: 429, method: 'POST', path: '/Users' };
  await withFaults(
    scenario,
    [{ ...throttle, times: 1, retryAfter: RETRY_AFTER_SECONDS }],
    'create-throttled',
    (d) => d.createUser(dave),
    find(dave),
  );
  await withFaults(
    scenario,
    [{ ...throttle, times: 2 }],
    'create-backoff',
    (d) => d.createUser(erin),
    find(erin),
  );
  const error500: FaultRule = {
    kind: 'status',
    status: 500,
    method: 'PATCH',
    path: '/Users',
    times: 1,
  };
  await withFaults(
    scenario,
    [error500],
    'update-after-500',
    (d) => d.updateUser(dave.userName, { givenName: story.newGivenName }),
    find(dave),
  );
  await scenario.act('create-refused', (d) => d.createUser(refused), find(refused));
  await scenario.act('create-after-refused', (d) => d.createUser(frank), find(frank));
  return story;
}

async function withFaults(
  scenario: Scenario,
  rules: FaultRule[],
  name: string,
  action: (driver: ProvisionerDriver) => Promise<void>,
  observe: (view: Scenario['view']) => Promise<ScimResource | undefined>,
): Promise<void> {
  if (scenario.ready) await scenario.mock.admin.setFaults({ rules });
  try {
    await scenario.act(name, action, observe);
  } finally {
    if (scenario.ready) await scenario.mock.admin.clearFaults();
  }
}
