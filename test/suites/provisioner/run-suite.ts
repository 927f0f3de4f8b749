// Test helper: runs the provisioner suite for a driver spec through the shared runner, against a
// mock target (the suite starts its own mocks per scenario).
import { startMockServer } from '../../../mock-server/server.ts';
import type { CheckResult, RunReport } from '../../../suites/model.ts';
import { provisionerSuite } from '../../../suites/provisioner/index.ts';
import { mockTarget } from '../../../suites/runner/mock-target.ts';
import { runSuites } from '../../../suites/runner/run.ts';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

export async function runProvisionerSuite(spec: string, grep?: string): Promise<RunReport> {
  const mock = await startMockServer({ logLevel: 'silent' });
  try {
    const suite = await provisionerSuite(spec);
    const outcome = await runSuites({
      suites: [suite],
      profile: 'aws',
      target: mockTarget(mock),
      seed: 11,
      grep,
    });
    return outcome.report;
  } finally {
    await mock.stop();
  }
}

/** Outcome by check id. */
export function outcomes(report: RunReport): Record<string, CheckResult['outcome']> {
  return Object.fromEntries(report.results.map((result) => [result.id, result.outcome]));
}

export function resultOf(report: RunReport, id: string): CheckResult {
  const result = report.results.find((entry) => entry.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}
