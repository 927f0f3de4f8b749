import { expect } from 'chai';
import express from 'express';

import { faultMiddleware } from '../../../mock-server/admin/faults.ts';
import { journalMiddleware } from '../../../mock-server/admin/journal.ts';
import { ERROR_URN } from '../../../scim/urns.ts';
import {
  TENANT,
  makeContext,
  requestIds,
  serve,
  type Served,
  type TestContext,
} from './helpers.ts';

function appFor(ctx: TestContext): express.Express {
  const app = express();
  app.use(requestIds());
  app.use(journalMiddleware(ctx));
  app.use(faultMiddleware(ctx));
  app.all('/{*rest}', (_req, res) => {
    res.json({ reached: true });
  });
  return app;
}

describe('mock-server/admin/faults faultMiddleware', () => {
  let ctx: TestContext;
  let server: Served;
  let users: string;

  beforeEach(async () => {
    ctx = makeContext();
    server = await serve(appFor(ctx));
    users = `${server.origin}/${TENANT}/scim/v2/Users`;
  });
  afterEach(async () => server.close());

  it('answers a status rule in AWS error form with the request id', async () => {
    ctx.faults.configure({ rules: [{ id: 'down', kind: 'status', status: 503 }] });
    const response = await fetch(users);
    expect(response.status).to.equal(503);
    expect(response.headers.get('content-type')).to.equal('application/json');
    expect(response.headers.get('retry-after')).to.equal(null);
    expect(await response.json()).to.deep.equal({
      schema: [ERROR_URN],
      schemas: [ERROR_URN],
      detail: 'An internal error occurred.',
      status: '503',
      exceptionRequestId: 'req-1',
      timeStamp: '2026-01-02 03:04:05.678',
    });
    expect(ctx.journal.query()[0]).to.deep.include({ status: 503, fault: 'down' });
  });

  it('applies a rule to a base URL in another case, as the SCIM routes accept it', async () => {
    ctx.faults.configure({ rules: [{ id: 'down', kind: 'status', status: 503, path: '/Users' }] });
    const response = await fetch(`${server.origin}/${TENANT}/SCIM/V2/Users`);
    expect(response.status).to.equal(503);
    expect(ctx.journal.query()[0]).to.deep.include({ tenantId: TENANT, fault: 'down' });
  });

  it('journals the body of a request a fault answered, as the client sent it', async () => {
    ctx.faults.configure({ rules: [{ id: 'down', kind: 'status', status: 500 }] });
    const sent = { userName: 'ann@example.com', displayName: 'Ann' };
    const headers = { 'content-type': 'application/scim+json' };
    await fetch(users, { method: 'POST', headers, body: JSON.stringify(sent) });
    await fetch(users, { method: 'POST', headers, body: '{not json' });
    const entries = ctx.journal.query();
    expect(entries.map((entry) => entry.status)).to.deep.equal([500, 500]);
    expect(entries.map((entry) => entry.requestBody)).to.deep.equal([sent, '{not json']);
  });

  it('sends Retry-After when the rule asks for it', async () => {
    ctx.faults.configure({ rules: [{ kind: 'status', status: 503, retryAfter: 7 }] });
    expect((await fetch(users)).headers.get('retry-after')).to.equal('7');
  });

  it('AWS-THROTTLE-429: leaves the rate limit to the gate that runs after auth', async () => {
    // The throttling itself is tested through the whole mock (rate-limit.test.ts).
    ctx.faults.configure({ rules: [], rateLimit: 1 });
    const statuses = [await fetch(users), await fetch(users)].map((r) => r.status);
    expect(statuses).to.deep.equal([200, 200]);
    expect(ctx.journal.query().map((entry) => entry.fault)).to.deep.equal([undefined, undefined]);
  });

  it('closes the connection without an answer for a drop rule', async () => {
    ctx.faults.configure({ rules: [{ kind: 'drop', method: 'DELETE' }] });
    const failure = await fetch(`${users}/u1`, { method: 'DELETE' }).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure).to.be.instanceOf(TypeError);
    expect((await fetch(users)).status).to.equal(200);
  });

  it('delays a request by the latency of the rules that fire', async () => {
    ctx.faults.configure({ rules: [{ kind: 'latency', latencyMs: 150, path: '/Users' }] });
    const started = Date.now();
    const response = await fetch(users);
    expect(response.status).to.equal(200);
    expect(Date.now() - started).to.be.at.least(140);
    expect(ctx.journal.query()[0].fault).to.equal('latency');
  });

  it('leaves the admin side and paths outside a SCIM base alone', async () => {
    ctx.faults.configure({ rules: [{ kind: 'status', status: 500 }] });
    expect((await fetch(`${server.origin}/_admin/v1/scim/v2/x`)).status).to.equal(200);
    expect((await fetch(`${server.origin}/health`)).status).to.equal(200);
    expect((await fetch(users)).status).to.equal(500);
  });
});
