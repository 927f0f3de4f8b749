// The provisioner suite end to end: the built-in provisioner and a flawless module driver pass,
// and a driver that replaces members and skips lookups fails exactly the checks about that.
import { expect } from 'chai';

import { outcomes, resultOf, runProvisionerSuite, FIXTURES } from './run-suite.ts';

const FLAW_CHECKS =
  /^PV-(GROUP-NO-REPLACE|GROUP-BATCH-MAX|USER-LOOKUP-FIRST|USER-ADOPT-NO-CONFLICT|USER-CREATE|GROUP-CREATE-MAX)$/;
const FLAW_GREP = `/${FLAW_CHECKS.source.slice(1, -1)}:/`;

describe('provisioner suite', function () {
  this.timeout(240_000);

  it('passes every check for the built-in provisioner, with no token in the results', async () => {
    const report = await runProvisionerSuite('builtin');
    const failed = report.results.filter((result) => result.outcome !== 'passed');
    expect(failed.map((result) => `${result.id}: ${result.message}`)).to.deep.equal([]);
    expect(report.results.length).to.be.at.least(25);
    expect(JSON.stringify(report)).to.include('"authorization":"Bearer [redacted]"');
    expect(JSON.stringify(report)).not.to.match(/"authorization":"(?!Bearer \[redacted\]")/i);
    expect(resultOf(report, 'PV-GROUP-BATCH-MAX').exchanges.length).to.be.greaterThan(0);
  });

  it('fails a driver that replaces members and skips the lookup, on exactly those checks', async () => {
    const report = await runProvisionerSuite(`module:${FIXTURES}replacing-driver.ts`, FLAW_GREP);
    expect(outcomes(report)).to.deep.equal({
      'PV-GROUP-BATCH-MAX': 'failed',
      'PV-GROUP-CREATE-MAX': 'passed',
      'PV-GROUP-NO-REPLACE': 'failed',
      'PV-USER-ADOPT-NO-CONFLICT': 'failed',
      'PV-USER-CREATE': 'passed',
      'PV-USER-LOOKUP-FIRST': 'failed',
    });
    expect(resultOf(report, 'PV-GROUP-NO-REPLACE').message).to.match(
      /PATCHes that replace members/,
    );
    expect(resultOf(report, 'PV-USER-LOOKUP-FIRST').message).to.match(
      /without a GET \/Users lookup/,
    );
  });

  it('passes the same checks for the flawless module driver', async () => {
    const report = await runProvisionerSuite(`module:${FIXTURES}good-driver.ts`, FLAW_GREP);
    expect(Object.values(outcomes(report))).to.deep.equal(Array(6).fill('passed'));
  });

  it('fails a driver that deletes instead of deactivating, on the deprovisioning checks', async () => {
    const report = await runProvisionerSuite(
      `module:${FIXTURES}deleting-driver.ts`,
      'deprovisioning',
    );
    expect(outcomes(report)).to.deep.equal({
      'PV-DEACTIVATE': 'failed',
      'PV-DEACTIVATE-NO-DELETE': 'failed',
      'PV-DEACTIVATE-PATCH': 'failed',
      'PV-DELETE-AFTER-DEACTIVATE': 'failed',
      'PV-DELETE-DEPROVISIONED': 'passed',
    });
  });

  it('drives a provisioner through shell commands, each reading its action from stdin', async () => {
    const report = await runProvisionerSuite(`shell:${FIXTURES}shell-driver.json`, 'PV-USER-ADOPT');
    expect(outcomes(report)).to.deep.equal({
      'PV-USER-ADOPT-EXISTING': 'passed',
      'PV-USER-ADOPT-NO-CONFLICT': 'passed',
    });
  });

  it('marks checks not applicable when the shell config lacks their action', async () => {
    const report = await runProvisionerSuite(
      `shell:${FIXTURES}shell-driver.json`,
      'PV-UPDATE-APPLIED',
    );
    expect(outcomes(report)).to.deep.equal({ 'PV-UPDATE-APPLIED': 'not-applicable' });
    expect(resultOf(report, 'PV-UPDATE-APPLIED').reason).to.match(/no 'updateUser' action/);
  });
});
