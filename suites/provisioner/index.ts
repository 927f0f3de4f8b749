// The provisioner conformance suite: does a SCIM client send what AWS accepts? It starts the mock,
// makes the provisioner under test act through a driver, and judges the mock's state and journal.
import type { Check, SuiteDefinition } from '../runner/check.ts';
import { deprovisionChecks } from './checks/deprovision.ts';
import { groupChecks } from './checks/groups.ts';
import { httpChecks } from './checks/http.ts';
import { resilienceChecks } from './checks/resilience.ts';
import { updateChecks } from './checks/updates.ts';
import { userChecks } from './checks/users.ts';
import type { DriverFactory } from './driver.ts';
import { driverFactory } from './drivers/index.ts';
import { scenariosFor } from './scenarios/index.ts';

function provisionerChecks(factory: DriverFactory): Check[] {
  const scenarios = scenariosFor(factory);
  return [
    ...userChecks(scenarios),
    ...updateChecks(scenarios),
    ...groupChecks(scenarios),
    ...deprovisionChecks(scenarios),
    ...resilienceChecks(scenarios),
    ...httpChecks(scenarios),
  ];
}

/** The suite for a driver spec: `builtin`, `shell:CONFIG` or `module:FILE`. */
export async function provisionerSuite(spec = 'builtin'): Promise<SuiteDefinition> {
  return {
    name: 'provisioner',
    title: `provisioner conformance (${spec})`,
    checks: provisionerChecks(await driverFactory(spec)),
  };
}
