// The rfc7644 profile against an independent server (SCIMMY + scimmy-routers): results match the
// checked-in expectations, so every deviation from the RFC there carries a reason.
import { readFile } from 'node:fs/promises';

import { expect } from 'chai';

import { parseExpectations } from '../../../suites/runner/expectations.ts';
import { runSuites, type RunOutcome } from '../../../suites/runner/run.ts';
import { SERVICE_PROVIDER_SUITE } from '../../../suites/service-provider/index.ts';
import { startScimmyServer, type ScimmyServer } from '../scimmy-server.ts';

const EXPECTATIONS = new URL('../expectations/scimmy-rfc7644.json', import.meta.url);

describe('service-provider suite against the scimmy server (rfc7644)', function () {
  this.timeout(120_000);
  let server: ScimmyServer;
  let outcome: RunOutcome;

  before(async () => {
    server = await startScimmyServer();
    const expectations = parseExpectations(
      await readFile(EXPECTATIONS, 'utf8'),
      EXPECTATIONS.pathname,
    );
    outcome = await runSuites({
      suites: [SERVICE_PROVIDER_SUITE],
      profile: 'rfc7644',
      target: { baseUrl: server.baseUrl, token: server.token, kind: 'remote', hooks: {} },
      seed: 7644,
      expectations,
    });
  });

  after(async () => server.stop());

  it('differs from the expectations file in no check', () => {
    const differing = outcome.report.results
      .filter((result) => result.outcome === 'failed' || result.outcome === 'fixed-deviation')
      .map((result) => `${result.id} (${result.outcome}): ${result.message ?? ''}`);
    expect(differing).to.deep.equal([]);
    expect(outcome.differs).to.equal(false);
  });

  it('records every known deviation it expects, and passes most checks', () => {
    expect(outcome.report.summary.knownDeviation).to.equal(14);
    expect(outcome.report.summary.passed).to.be.greaterThan(120);
  });

  it('leaves nothing behind: every resource the run created is deleted', async () => {
    expect(outcome.cleanupFailures).to.deep.equal([]);
    const answer = await fetch(`${server.baseUrl}/Users`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    const body = (await answer.json()) as { totalResults: number };
    expect(body.totalResults).to.equal(0);
  });
});
