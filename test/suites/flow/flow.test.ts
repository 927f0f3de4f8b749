// The flow suite end to end: every step passes against the mock; a step the AWS side refuses fails
// with the view that depends on it; a check picked alone runs the steps before it first.
import { expect } from 'chai';

import { startMockServer } from '../../../mock-server/server.ts';
import type { MockOptions } from '../../../mock-server/server.ts';
import type { RunReport } from '../../../suites/model.ts';
import { flowSuite } from '../../../suites/flow/index.ts';
import { mockTarget } from '../../../suites/runner/mock-target.ts';
import { runSuites } from '../../../suites/runner/run.ts';

async function runFlow(mockOptions: MockOptions = {}, grep?: string): Promise<RunReport> {
  const mock = await startMockServer({ logLevel: 'silent' });
  try {
    const suites = [flowSuite(mockOptions)];
    return (await runSuites({ suites, profile: 'aws', target: mockTarget(mock), seed: 3, grep }))
      .report;
  } finally {
    await mock.stop();
  }
}

function outcomeOf(report: RunReport, id: string): string | undefined {
  return report.results.find((result) => result.id === id)?.outcome;
}

describe('flow suite', function () {
  this.timeout(120_000);

  it('passes every step from app set-up to deletion against the mock', async () => {
    const report = await runFlow();
    const failed = report.results.filter((result) => result.outcome !== 'passed');
    expect(failed.map((result) => `${result.id}: ${result.message}`)).to.deep.equal([]);
    expect(report.results.length).to.be.at.least(15);
    expect(report.results.every((result) => result.id.startsWith('FL-'))).to.equal(true);
  });

  it('fails the assignment, and the membership view after it, when AWS takes one change per PATCH', async () => {
    const report = await runFlow({ profileOverrides: { maxMembershipChanges: 1 } });
    expect(outcomeOf(report, 'FL-POLICY')).to.equal('passed');
    const assign = report.results.find((result) => result.id === 'FL-ASSIGN')!;
    expect(assign.outcome).to.equal('failed');
    expect(assign.message).to.match(/sync of aws-identity-center .*HTTP 400.*members/);
    expect(outcomeOf(report, 'FL-AWS-GROUPS')).to.equal('failed');
  });

  it('runs the earlier steps first when one check is picked alone', async () => {
    const report = await runFlow({}, 'FL-GROUP-REMOVAL');
    expect(report.results.map((result) => [result.id, result.outcome])).to.deep.equal([
      ['FL-GROUP-REMOVAL', 'passed'],
    ]);
  });
});
