// The suites `scim-harness test` knows; adding a suite is one line here. Loaded lazily so a
// run of one suite does not import the others.
import type { SuiteName } from '../model.ts';
import type { SuiteDefinition } from './check.ts';

export const SUITE_LOADERS: Partial<Record<SuiteName, () => Promise<SuiteDefinition>>> = {
  'service-provider': async () =>
    (await import('../service-provider/index.ts')).SERVICE_PROVIDER_SUITE,
};

export function knownSuiteNames(): SuiteName[] {
  return Object.keys(SUITE_LOADERS) as SuiteName[];
}
