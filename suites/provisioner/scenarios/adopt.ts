// A user that already exists on AWS (made by an admin or an earlier tool) is handed to the
// provisioner as new: it should find that user rather than create a second one.
import { USER_URN } from '../../../scim/urns.ts';
import type { CheckContext } from '../../runner/check.ts';
import type { ScimResource } from '../aws-view.ts';
import type { DriverFactory, DriverUser } from '../driver.ts';
import { Scenario } from '../scenario.ts';
import { driverUser } from './users.ts';

export interface Adopt {
  scenario: Scenario;
  carol: DriverUser;
  /** The user as seeded on the AWS side before the step, or undefined when seeding failed. */
  seeded?: ScimResource;
}

export async function runAdopt(factory: DriverFactory, ctx: CheckContext): Promise<Adopt> {
  const scenario = await Scenario.start(factory, ctx);
  const carol = driverUser(ctx, 3);
  const story: Adopt = { scenario, carol };
  if (scenario.ready) story.seeded = await scenario.view.seedUser(awsBody(carol));
  await scenario.act(
    'create-existing',
    (d) => d.createUser(carol),
    (view) => view.usersNamed(carol.userName),
  );
  return story;
}

function awsBody(user: DriverUser): object {
  return {
    schemas: [USER_URN],
    userName: user.userName,
    displayName: user.displayName,
    name: { givenName: user.givenName, familyName: user.familyName },
    emails: [{ value: user.email, type: 'work', primary: true }],
  };
}
