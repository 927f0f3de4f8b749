// The suite against our own mock: the aws profile passes every check, and the rfc7644 profile
// fails exactly the checked-in deviations, each one an AWS departure from the RFC in the registry.
import { readFile } from 'node:fs/promises';

import { expect } from 'chai';

import { startMockServer, type RunningMock } from '../../../mock-server/server.ts';
import { AWS_BEHAVIOURS } from '../../../scim/behaviours/index.ts';
import { parseExpectations, type Expectations } from '../../../suites/runner/expectations.ts';
import { mockTarget } from '../../../suites/runner/mock-target.ts';
import { runSuites, type RunOutcome } from '../../../suites/runner/run.ts';
import { SERVICE_PROVIDER_SUITE } from '../../../suites/service-provider/index.ts';

const EXPECTATIONS = new URL('../../../suites/expectations/mock-rfc7644.json', import.meta.url);
const DEPARTURES = new Set(
  AWS_BEHAVIOURS.filter((entry) => entry.departsFromRfc).map((entry) => entry.id),
);

async function runAgainstMock(
  profile: 'aws' | 'rfc7644',
  expectations?: Expectations,
): Promise<RunOutcome> {
  const mock: RunningMock = await startMockServer({ port: 0, logLevel: 'silent' });
  try {
    return await runSuites({
      suites: [SERVICE_PROVIDER_SUITE],
      profile,
      target: mockTarget(mock),
      seed: 7644,
      expectations,
    });
  } finally {
    await mock.stop();
  }
}

function differing(outcome: RunOutcome): string[] {
  return outcome.report.results
    .filter((result) => result.outcome === 'failed' || result.outcome === 'fixed-deviation')
    .map((result) => `${result.id} (${result.outcome}): ${result.message ?? ''}`);
}

describe('service-provider suite against the built-in mock', function () {
  this.timeout(120_000);

  it('passes every check of the aws profile, with none left not applicable', async () => {
    const outcome = await runAgainstMock('aws');
    expect(differing(outcome)).to.deep.equal([]);
    expect(outcome.report.summary.notApplicable).to.equal(0);
    expect(outcome.report.summary.total).to.be.greaterThan(180);
    expect(outcome.cleanupFailures).to.deep.equal([]);
  });

  describe('under the rfc7644 profile', () => {
    let expectations: Expectations;
    let outcome: RunOutcome;

    before(async () => {
      expectations = parseExpectations(await readFile(EXPECTATIONS, 'utf8'), EXPECTATIONS.pathname);
      outcome = await runAgainstMock('rfc7644', expectations);
    });

    it('fails exactly the checks the expectations file records', () => {
      expect(differing(outcome)).to.deep.equal([]);
      const deviations = outcome.report.results.filter(
        (result) => result.outcome === 'known-deviation',
      );
      expect(deviations.map((result) => result.id).sort()).to.deep.equal(
        Object.keys(expectations).sort(),
      );
    });

    it('records only AWS departures from the RFC, each named in its reason', () => {
      for (const result of outcome.report.results.filter(
        (entry) => entry.outcome === 'known-deviation',
      )) {
        const named = result.references.filter((reference) => DEPARTURES.has(reference));
        expect(named, result.id).to.not.be.empty;
        expect(
          named.some((id) => expectations[result.id].reason.startsWith(id)),
          result.id,
        ).to.equal(true);
      }
    });
  });

  it('changes nothing in read-only mode: no write succeeds, and every write check is not applicable', async () => {
    const mock = await startMockServer({ port: 0, logLevel: 'silent' });
    try {
      const outcome = await runSuites({
        suites: [SERVICE_PROVIDER_SUITE],
        profile: 'aws',
        target: mockTarget(mock),
        seed: 7644,
        readOnly: true,
      });
      expect(differing(outcome)).to.deep.equal([]);
      expect(outcome.report.summary.passed).to.be.greaterThan(25);
      const writes = (await mock.admin.journal({ tenantId: mock.tenantId })).filter(
        (entry) => entry.method !== 'GET' && entry.status < 300 && !entry.path.endsWith('/.search'),
      );
      expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).to.deep.equal(
        [],
      );
    } finally {
      await mock.stop();
    }
  });
});
