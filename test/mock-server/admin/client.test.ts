import { expect } from 'chai';
import express from 'express';

import { AdminClient, AdminRequestError } from '../../../mock-server/admin/client.ts';
import { journalMiddleware } from '../../../mock-server/admin/journal.ts';
import { adminRouter } from '../../../mock-server/admin/router.ts';
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

describe('mock-server/admin/client AdminClient', () => {
  let ctx: TestContext;
  let server: Served;
  let client: AdminClient;

  beforeEach(async () => {
    ctx = makeContext();
    const app = express();
    app.use(requestIds());
    app.use(journalMiddleware(ctx));
    app.use('/_admin/v1', adminRouter(ctx));
    app.get('/:tenantId/scim/v2/Users', (_req, res) => res.json({ Resources: [] }));
    server = await serve(app);
    client = new AdminClient(`${server.origin}/`, ADMIN_TOKEN);
  });
  afterEach(async () => server.close());

  it('creates, lists and deletes tenants', async () => {
    const made = await client.createTenant('tenant-b');
    const generated = await client.createTenant();
    expect(made).to.equal('tenant-b');
    expect(await client.listTenants()).to.deep.equal([TENANT, 'tenant-b', generated]);
    await client.deleteTenant('tenant-b');
    expect(await client.listTenants()).to.not.include('tenant-b');
  });

  it('issues, lists, expires and revokes tokens without ever listing a secret', async () => {
    const issued = await client.issueToken(TENANT);
    expect(issued.token).to.be.a('string').with.length.above(16);
    expect(ctx.tenants.authenticate(TENANT, `Bearer ${issued.token}`).ok).to.equal(true);
    const listed = await client.listTokens(TENANT);
    expect(listed.map((t) => t.id)).to.include(issued.id);
    expect(JSON.stringify(listed)).to.not.include(issued.token).and.not.include(SCIM_TOKEN);
    await client.expireToken(TENANT, issued.id);
    expect(ctx.tenants.authenticate(TENANT, `Bearer ${issued.token}`)).to.deep.include({
      reason: 'expired',
    });
    const [first] = await client.listTokens(TENANT);
    await client.revokeToken(TENANT, first.id);
    expect(ctx.tenants.authenticate(TENANT, `Bearer ${SCIM_TOKEN}`)).to.deep.include({
      reason: 'revoked',
    });
    const chosen = await client.issueToken(TENANT, 'chosen-secret-0123456789');
    expect(chosen.token).to.equal('chosen-secret-0123456789');
  });

  it('sets, reads and clears fault settings; a PUT replaces what was there', async () => {
    await client.setFaults({ rules: [{ kind: 'drop' }], rateLimit: 5, seed: 3 });
    const replaced = await client.setFaults({ rules: [{ kind: 'status', status: 429 }] });
    expect(replaced).to.deep.equal({
      rules: [{ kind: 'status', status: 429 }],
      rateLimit: null,
      seed: 3,
    });
    expect(await client.getFaults()).to.deep.equal(replaced);
    await client.clearFaults();
    expect((await client.getFaults()).rules).to.deep.equal([]);
  });

  it('reads the journal with a query and clears it', async () => {
    await fetch(`${server.origin}/${TENANT}/scim/v2/Users?filter=x`);
    await fetch(`${server.origin}/other/scim/v2/Users`);
    const entries = await client.journal({ tenantId: TENANT, method: 'GET', path: '/Users' });
    expect(entries.map((e) => [e.seq, e.query])).to.deep.equal([[1, { filter: 'x' }]]);
    expect(await client.journal({ sinceSeq: 1 })).to.have.length(1);
    await client.clearJournal();
    expect(await client.journal()).to.deep.equal([]);
  });

  it('exports, resets and imports state', async () => {
    const saved = await client.exportState();
    expect(saved.version).to.equal(1);
    await client.createTenant('later');
    await client.reset();
    await client.importState(saved);
    expect(await client.listTenants()).to.deep.equal([TENANT]);
  });

  it('throws AdminRequestError with the status and body, and no token in the message', async () => {
    const wrong = new AdminClient(server.origin, SCIM_TOKEN);
    const error = await wrong.listTenants().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AdminRequestError);
    const failure = error as AdminRequestError;
    expect(failure).to.include({ status: 401, method: 'GET', path: '/tenants' });
    expect(failure.code).to.equal('ADMIN_REQUEST_FAILED');
    expect(failure.body).to.include({ error: 'ADMIN_UNAUTHORIZED' });
    expect(failure.message).to.match(/^\[scim-harness\] admin GET \/tenants answered 401: /);
    expect(failure.message).to.not.include(SCIM_TOKEN);
  });
});
