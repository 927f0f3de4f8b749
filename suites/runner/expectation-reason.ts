// The reason written for a new entry by --update-expectations: the AWS departures from the RFC
// the check references (scim/behaviours/), else what the run observed. Users may reword it.
import { AWS_BEHAVIOURS } from '../../scim/behaviours/index.ts';
import type { CheckResult } from '../model.ts';

const DEPARTURES = new Map(
  AWS_BEHAVIOURS.filter((entry) => entry.departsFromRfc).map((entry) => [entry.id, entry.summary]),
);

export function defaultReason(result: CheckResult): string {
  const departures = result.references.filter((reference) => DEPARTURES.has(reference));
  if (result.suite === 'service-provider' && departures.length > 0) {
    return departures.map((id) => `${id}: ${DEPARTURES.get(id)}`).join(' ');
  }
  return `observed: ${result.message ?? 'failed'}`;
}
