import { expect } from 'chai';
import express from 'express';

import { journalMiddleware } from '../../../mock-server/admin/journal.ts';
import type { Journal, JournalEntry } from '../../../mock-server/context.ts';
import {
  ADMIN_TOKEN,
  SCIM_TOKEN,
  TENANT,
  makeContext,
  requestIds,
  serve,
  type Served,
  type TestContext,
} from './helpers.ts';

/** The core's order: request id, journal, body parsing, routes. */
function appFor(ctx: TestContext): express.Express {
  const app = express();
  app.set('query parser', 'simple');
  app.use(requestIds());
  app.use(journalMiddleware(ctx));
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.post('/:tenantId/scim/v2/Users', (req, res) => {
    res.status(201).json({ id: 'u1', echo: req.body as unknown });
  });
  app.get('/:tenantId/scim/v2/Faulty', (_req, res) => {
    res.locals.fault = 'rule-7';
    res.status(503).type('application/json').send('{"status":"503"}');
  });
  app.get('/:tenantId/scim/v2/Streamed', (_req, res) => {
    res.type('text/plain');
    res.write('part one, ');
    res.end(Buffer.from('part two'));
  });
  app.get('/:tenantId/scim/v2/Pieces', (_req, res) => {
    // As sendJsonParts writes a list page; the token is split across two pieces.
    res.type('application/json');
    res.write(`{"note":"Bearer ${SCIM_TOKEN.slice(0, 10)}`);
    res.write(`${SCIM_TOKEN.slice(10)}","items":[1,`);
    res.end('2]}');
  });
  app.get('/:tenantId/scim/v2/Hang', (req) => req.socket.destroy());
  app.get('/_admin/v1/state', (_req, res) => res.json({ ok: true }));
  return app;
}

describe('mock-server/admin/journal journalMiddleware', () => {
  let ctx: TestContext;
  let server: Served;

  beforeEach(async () => {
    ctx = makeContext();
    server = await serve(appFor(ctx));
  });
  afterEach(async () => server.close());

  it('records what the client sent and got, with the request id and tenant', async () => {
    const body = { userName: 'ana@example.com' };
    await fetch(`${server.origin}/${TENANT}/scim/v2/Users?x=1&x=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${SCIM_TOKEN}` },
      body: JSON.stringify(body),
    });
    const [entry] = ctx.journal.query();
    expect(entry).to.deep.include({
      seq: 1,
      requestId: 'req-1',
      at: '2026-01-02T03:04:05.678Z',
      tenantId: TENANT,
      method: 'POST',
      path: `/${TENANT}/scim/v2/Users`,
      query: { x: ['1', '2'] },
      requestBody: body,
      status: 201,
      responseBody: { id: 'u1', echo: body },
    });
    expect(entry.requestHeaders['content-type']).to.equal('application/scim+json');
    expect(entry.durationMs).to.be.a('number').and.at.least(0);
    expect(entry).to.not.have.property('fault');
  });

  it('redacts the bearer token in headers and anywhere else it appears', async () => {
    await fetch(`${server.origin}/${TENANT}/scim/v2/Users?leak=${SCIM_TOKEN}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${SCIM_TOKEN}`,
        'x-admin-token': ADMIN_TOKEN,
        'x-echo': `copy ${SCIM_TOKEN}`,
      },
      body: JSON.stringify({ note: `token ${SCIM_TOKEN} and ${ADMIN_TOKEN}` }),
    });
    const [entry] = ctx.journal.query();
    expect(entry.requestHeaders.authorization).to.equal('Bearer [redacted]');
    expect(entry.requestHeaders['x-admin-token']).to.equal('[redacted]');
    const text = JSON.stringify(entry);
    expect(text).to.not.include(SCIM_TOKEN);
    expect(text).to.not.include(ADMIN_TOKEN);
    expect(entry.requestBody).to.deep.equal({ note: 'token [redacted] and [redacted]' });
  });

  it('records the fault the fault middleware left in res.locals', async () => {
    await fetch(`${server.origin}/${TENANT}/scim/v2/Faulty`);
    const [entry] = ctx.journal.query();
    expect(entry).to.deep.include({
      status: 503,
      fault: 'rule-7',
      responseBody: { status: '503' },
    });
  });

  it('collects a response written in several chunks', async () => {
    await fetch(`${server.origin}/${TENANT}/scim/v2/Streamed`);
    expect(ctx.journal.query()[0].responseBody).to.equal('part one, part two');
  });

  it('reads a JSON answer written in pieces as one document, secrets scrubbed across pieces', async () => {
    await fetch(`${server.origin}/${TENANT}/scim/v2/Pieces?filter=x`, {
      headers: { authorization: `Bearer ${SCIM_TOKEN}` },
    });
    const [entry] = ctx.journal.query();
    expect(entry).to.deep.include({
      path: `/${TENANT}/scim/v2/Pieces`,
      query: { filter: 'x' },
      responseBody: { note: 'Bearer [redacted]', items: [1, 2] },
    });
  });

  it('records a connection closed without an answer with status 0', async () => {
    await fetch(`${server.origin}/${TENANT}/scim/v2/Hang`).catch(() => undefined);
    await waitFor(() => ctx.journal.query().length === 1);
    expect(ctx.journal.query()[0]).to.deep.include({ status: 0, responseBody: null });
  });

  it('skips admin requests and records other paths without a tenant', async () => {
    await fetch(`${server.origin}/_admin/v1/state`);
    await fetch(`${server.origin}/elsewhere`);
    const entries = ctx.journal.query();
    expect(entries.map((e) => [e.path, e.tenantId, e.status])).to.deep.equal([
      ['/elsewhere', null, 404],
    ]);
  });
});

describe('mock-server/admin/journal journalMiddleware with a journal of its own', () => {
  it('hands another Journal implementation entries already redacted and scrubbed', async () => {
    const ctx = makeContext();
    const recorded: Omit<JournalEntry, 'seq'>[] = [];
    const journal: Journal = {
      record: (entry) => {
        recorded.push(entry);
        return { ...entry, seq: recorded.length };
      },
      query: () => [],
      clear: () => undefined,
    };
    const server = await serve(appFor({ ...ctx, journal } as unknown as TestContext));
    try {
      await fetch(`${server.origin}/${TENANT}/scim/v2/Users?leak=${SCIM_TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SCIM_TOKEN}` },
        body: JSON.stringify({ note: `token ${SCIM_TOKEN}` }),
      });
      await waitFor(() => recorded.length === 1);
    } finally {
      await server.close();
    }
    const [entry] = recorded;
    expect(entry).to.deep.include({ method: 'POST', status: 201, tenantId: TENANT });
    expect(entry.requestHeaders.authorization).to.equal('Bearer [redacted]');
    expect(JSON.stringify(entry)).to.not.include(SCIM_TOKEN);
    expect(entry).to.not.have.property('fault');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
