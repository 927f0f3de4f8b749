// The runner end to end on a small suite of its own against the scimmy server: outcomes from
// mocha's events, exchanges with the token redacted, cleanup after failures, selection.
import { expect } from 'chai';

import type { Check, SuiteDefinition } from '../../../suites/runner/check.ts';
import { runSuites, type RunOptions } from '../../../suites/runner/run.ts';
import { startScimmyServer, type ScimmyServer } from '../scimmy-server.ts';

const created: string[] = [];

const CHECKS: Check[] = [
  {
    id: 'T-PASS',
    area: 'a',
    title: 'reads the config',
    level: 'MUST',
    references: ['RFC 7644 §4'],
    profiles: ['rfc7644'],
    readOnly: true,
    run: async (ctx) => {
      const response = await ctx.http.get('/ServiceProviderConfig');
      if (response.status !== 200) throw new Error(`status ${response.status}`);
    },
  },
  {
    id: 'T-FAIL-AFTER-CREATE',
    area: 'a',
    title: 'creates a user, then fails',
    level: 'SHOULD',
    references: ['RFC 7644 §3.3'],
    profiles: ['rfc7644'],
    run: async (ctx) => {
      const response = await ctx.http.post('/Users', {
        userName: `${ctx.namePrefix}runner@example.test`,
      });
      created.push(String(response.body?.id));
      ctx.cleanup.trackResource(`/Users/${String(response.body?.id)}`);
      throw new Error('deliberate failure after a create');
    },
  },
  {
    id: 'T-NEEDS-ETAG',
    area: 'b',
    title: 'needs etag',
    level: 'MAY',
    references: ['RFC 7644 §3.14'],
    profiles: ['rfc7644'],
    requires: ['etag'],
    readOnly: true,
    run: () => Promise.reject(new Error('must not run')),
  },
  {
    id: 'T-SKIPS-ITSELF',
    area: 'b',
    title: 'finds itself not applicable',
    level: 'MAY',
    references: [],
    profiles: ['rfc7644'],
    readOnly: true,
    run: (ctx) => Promise.resolve(ctx.notApplicable('no hook here')),
  },
  {
    id: 'T-AWS-ONLY',
    area: 'b',
    title: 'only for aws',
    level: 'MUST',
    references: [],
    profiles: ['aws'],
    run: () => Promise.resolve(),
  },
];

const SUITE: SuiteDefinition = {
  name: 'service-provider',
  title: 'runner self-test',
  checks: CHECKS,
};

describe('runSuites', function () {
  this.timeout(30_000);
  let server: ScimmyServer;
  const run = (options: Partial<RunOptions> = {}) =>
    runSuites({
      suites: [SUITE],
      profile: 'rfc7644',
      target: { baseUrl: server.baseUrl, token: server.token, kind: 'remote', hooks: {} },
      seed: 1,
      ...options,
    });

  before(async () => {
    server = await startScimmyServer();
  });
  after(async () => server.stop());

  it('turns passes, failures and skips into outcomes, leaving out other profiles', async () => {
    const { report, differs } = await run();
    const outcomes = Object.fromEntries(
      report.results.map((result) => [result.id, result.outcome]),
    );
    expect(outcomes).to.deep.equal({
      'T-FAIL-AFTER-CREATE': 'failed',
      'T-NEEDS-ETAG': 'not-applicable',
      'T-PASS': 'passed',
      'T-SKIPS-ITSELF': 'not-applicable',
    });
    expect(differs).to.equal(true);
    expect(report.summary).to.include({ total: 4, passed: 1, failed: 1, notApplicable: 2 });
    const failed = report.results.find((result) => result.id === 'T-FAIL-AFTER-CREATE')!;
    expect(failed.message).to.equal('deliberate failure after a create');
    expect(report.results.find((result) => result.id === 'T-SKIPS-ITSELF')!.reason).to.equal(
      'no hook here',
    );
    expect(report.results.find((result) => result.id === 'T-NEEDS-ETAG')!.reason).to.match(
      /does not advertise 'etag'/,
    );
  });

  it('records exchanges with the Authorization header and the token redacted', async () => {
    const { report } = await run();
    const exchanges = report.results.flatMap((result) => result.exchanges);
    expect(exchanges).to.not.be.empty;
    expect(exchanges[0].requestHeaders.authorization).to.equal('Bearer [redacted]');
    expect(JSON.stringify(report)).to.not.include(server.token);
  });

  it('deletes what a failing check created', async () => {
    created.length = 0;
    const { cleanupFailures } = await run();
    expect(cleanupFailures).to.deep.equal([]);
    const answer = await fetch(`${server.baseUrl}/Users/${created[0]}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(answer.status).to.equal(404);
  });

  it('marks writing checks not applicable in read-only mode, and runs only grep matches', async () => {
    const readOnly = await run({ readOnly: true, grep: 'T-FAIL' });
    expect(
      readOnly.report.results.map((result) => [result.id, result.outcome, result.reason]),
    ).to.deep.equal([
      ['T-FAIL-AFTER-CREATE', 'not-applicable', 'not run: --read-only touches nothing'],
    ]);
    const regex = await run({ grep: '/^service-provider b/' });
    expect(regex.report.results.map((result) => result.id)).to.deep.equal([
      'T-NEEDS-ETAG',
      'T-SKIPS-ITSELF',
    ]);
  });

  it('applies expectations: a recorded failure is a known deviation, a recorded pass a fixed one', async () => {
    const expectations = {
      'T-FAIL-AFTER-CREATE': { outcome: 'fail' as const, reason: 'known' },
      'T-PASS': { outcome: 'fail' as const, reason: 'was broken' },
    };
    const { report, differs } = await run({ expectations });
    const byId = new Map(report.results.map((result) => [result.id, result]));
    expect(byId.get('T-FAIL-AFTER-CREATE')).to.include({
      outcome: 'known-deviation',
      reason: 'known',
    });
    expect(byId.get('T-PASS')).to.include({ outcome: 'fixed-deviation', reason: 'was broken' });
    expect(differs).to.equal(true);
  });

  it('fails every check when the target cannot be reached for setup', async () => {
    const { report } = await run({
      target: { baseUrl: 'http://127.0.0.1:9/scim/v2', token: 't', kind: 'remote', hooks: {} },
      grep: 'T-PASS',
    });
    expect(report.results).to.have.length(1);
    expect(report.results[0]).to.include({ id: 'T-PASS', outcome: 'failed' });
    expect(report.results[0].message).to.match(/^suite setup failed/);
  });

  it('stops after the check in progress when aborted, and still deletes what it created', async () => {
    const controller = new AbortController();
    let createdId = '';
    const abortingSuite: SuiteDefinition = {
      name: 'service-provider',
      title: 'abort self-test',
      checks: [
        {
          id: 'T-CREATE-THEN-ABORT',
          area: 'a',
          title: 'creates, then the user presses Ctrl-C',
          level: 'MUST',
          references: [],
          profiles: ['rfc7644'],
          run: async (ctx) => {
            const response = await ctx.http.post('/Users', {
              userName: `${ctx.namePrefix}abort@example.test`,
            });
            createdId = String(response.body?.id);
            ctx.cleanup.trackResource(`/Users/${createdId}`);
            controller.abort();
          },
        },
        { ...CHECKS[0], id: 'T-NEVER-RUN' },
      ],
    };
    const { report, cleanupFailures } = await run({
      suites: [abortingSuite],
      signal: controller.signal,
    });
    expect(report.results.map((result) => result.id)).to.deep.equal(['T-CREATE-THEN-ABORT']);
    expect(cleanupFailures).to.deep.equal([]);
    const answer = await fetch(`${server.baseUrl}/Users/${createdId}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(answer.status).to.equal(404);
  });
});
