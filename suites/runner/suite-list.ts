// The suites `scim-harness test` knows; adding a suite is one line here. Loaded lazily so a
// run of one suite does not import the others.
import type { SuiteName } from '../model.ts';
import type { SuiteDefinition } from './check.ts';

/** What a suite may take from the command line. */
export interface SuiteOptions {
  /** The provisioner suite's driver: `builtin`, `shell:CONFIG` or `module:FILE`. */
  driver?: string;
}

export const SUITE_LOADERS: Partial<
  Record<SuiteName, (options: SuiteOptions) => Promise<SuiteDefinition>>
> = {
  'service-provider': async () =>
    (await import('../service-provider/index.ts')).SERVICE_PROVIDER_SUITE,
  provisioner: async (options) =>
    (await import('../provisioner/index.ts')).provisionerSuite(options.driver),
  flow: async () => (await import('../flow/index.ts')).FLOW_SUITE,
};

export function knownSuiteNames(): SuiteName[] {
  return Object.keys(SUITE_LOADERS) as SuiteName[];
}
