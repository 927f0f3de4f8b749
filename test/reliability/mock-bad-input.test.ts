// Issue 5: 5,000 generated hostile requests; each gets an AWS-form 4xx, never a 5xx, the mock
// keeps answering, and its exported state is unchanged (savedAt aside).
import { Agent } from 'node:http';

import { expect } from 'chai';
import fc from 'fast-check';

import type { StateSnapshot } from '../../mock-server/context.ts';
import type { RunningMock } from '../../mock-server/server.ts';
import { answerProblem } from './aws-error-shape.ts';
import { fuzzSeed } from './fuzz-seed.ts';
import { badRequests, type BadRequest } from './generators/index.ts';
import { bodyBytes, runPool, sendRaw } from './raw-http.ts';
import { startTwoTenants, type TwoTenants } from './two-tenants.ts';

const COUNT = Number(process.env.BAD_INPUT_COUNT ?? 5_000);
const CONCURRENCY = 16;

function withoutSavedAt(snapshot: StateSnapshot): Omit<StateSnapshot, 'savedAt'> {
  const { savedAt: _savedAt, ...rest } = snapshot;
  return rest;
}

function describeRequest(sent: BadRequest, index: number): string {
  const body = bodyBytes(sent.body);
  const preview = body
    ? ` body(${body.length} B)=${JSON.stringify(body.subarray(0, 160).toString('utf8'))}`
    : '';
  return `#${index} [${sent.kind}] ${sent.method} ${sent.path.slice(0, 200)}${preview}`;
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('reliability: generated bad input to the mock', function () {
  this.timeout(180_000);
  let setup: TwoTenants;
  let mock: RunningMock;

  before(async () => {
    setup = await startTwoTenants();
    mock = setup.mock;
  });
  after(async () => mock.stop());

  it(`refuses ${COUNT} hostile requests with AWS 4xx errors, changing nothing`, async () => {
    const seed = fuzzSeed('mock-bad-input');
    const requests = fc.sample(badRequests(setup.target), { seed, numRuns: COUNT });
    const before = await mock.admin.exportState();
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const started = performance.now();
    const answers = await runPool(requests, CONCURRENCY, (sent) =>
      sendRaw(mock.origin, agent, sent),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();

    const kinds = tally(requests.map((sent) => sent.kind));
    const failures = answers.flatMap((answer, index) => {
      const problem = answerProblem(requests[index], answer);
      return problem ? [`${describeRequest(requests[index], index)}\n        → ${problem}`] : [];
    });
    console.log(
      `      ${COUNT} requests in ${seconds.toFixed(1)} s; kinds ${JSON.stringify(kinds)}`,
    );
    console.log(`      statuses ${JSON.stringify(tally(answers.map((a) => String(a.status))))}`);
    const shown = failures.slice(0, Number(process.env.SHOW ?? 15));
    expect(
      failures,
      `${failures.length} bad answers (seed ${seed}):\n${shown.join('\n')}`,
    ).to.deep.equal([]);

    const health = await fetch(`${mock.scimBaseUrl()}/ServiceProviderConfig`, {
      headers: { authorization: `Bearer ${setup.target.token}` },
    });
    expect(health.status, 'the mock still answers').to.equal(200);
    const after = await mock.admin.exportState();
    expect(withoutSavedAt(after), `state changed (seed ${seed})`).to.deep.equal(
      withoutSavedAt(before),
    );
  });
});
