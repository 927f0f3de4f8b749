// The registry of AWS IAM Identity Center behaviours: one id per behaviour, shared by the mock,
// the project's tests and the suites' reports. Source: ../shared/aws-scim-behaviour.md.
import { DISCOVERY_BEHAVIOURS } from './discovery.ts';
import { GROUP_BEHAVIOURS } from './groups.ts';
import { HTTP_BEHAVIOURS } from './http.ts';
import { LIST_BEHAVIOURS } from './lists.ts';
import { PATCH_BEHAVIOURS } from './patch.ts';
import type { AwsBehaviour } from './types.ts';
import { USER_BEHAVIOURS } from './users.ts';

export type { AwsBehaviour, Evidence } from './types.ts';

export const AWS_BEHAVIOURS: readonly AwsBehaviour[] = [
  ...HTTP_BEHAVIOURS,
  ...USER_BEHAVIOURS,
  ...GROUP_BEHAVIOURS,
  ...LIST_BEHAVIOURS,
  ...PATCH_BEHAVIOURS,
  ...DISCOVERY_BEHAVIOURS,
];

const byId = new Map(AWS_BEHAVIOURS.map((behaviour) => [behaviour.id, behaviour]));

/** Looks a behaviour up by id; an unknown id is a programming error, so it throws. */
export function behaviour(id: string): AwsBehaviour {
  const found = byId.get(id);
  if (!found) throw new Error(`[scim-harness] unknown AWS behaviour id '${id}'`);
  return found;
}
