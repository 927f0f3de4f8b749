import { expect } from 'chai';
import express from 'express';
import request from 'supertest';

import { isLoopback } from '../../../mock-server/admin/admin-auth.ts';
import { adminRouter } from '../../../mock-server/admin/router.ts';
import { ADMIN_TOKEN, SCIM_TOKEN, TENANT, makeContext, type TestContext } from './helpers.ts';

function appFor(ctx: TestContext, options: { remote?: string; allowRemote?: boolean } = {}) {
  const app = express();
  if (options.remote !== undefined) {
    // Stands in for a caller on another host: the socket reports its address.
    app.use((req, _res, next) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: options.remote });
      next();
    });
  }
  app.use('/_admin/v1', adminRouter(ctx, { allowRemote: options.allowRemote }));
  return app;
}

const admin = `Bearer ${ADMIN_TOKEN}`;

describe('mock-server/admin/router adminRouter', () => {
  let ctx: TestContext;
  let app: express.Express;

  beforeEach(() => {
    ctx = makeContext();
    app = appFor(ctx);
  });

  it('refuses a request without a token, with a SCIM token, or with another scheme', async () => {
    for (const authorization of [undefined, `Bearer ${SCIM_TOKEN}`, `Basic ${ADMIN_TOKEN}`]) {
      const call = request(app).get('/_admin/v1/tenants');
      const response = await (authorization ? call.set('authorization', authorization) : call);
      expect(response.status, String(authorization)).to.equal(401);
      expect(response.body).to.include({ error: 'ADMIN_UNAUTHORIZED' });
      expect(response.headers['www-authenticate']).to.match(/^Bearer/);
      expect(response.text).to.not.include(ADMIN_TOKEN);
    }
  });

  it('answers callers off loopback with 403 unless allowRemote is set', async () => {
    const refused = await request(appFor(ctx, { remote: '10.1.2.3' }))
      .get('/_admin/v1/tenants')
      .set('authorization', admin);
    expect(refused.status).to.equal(403);
    const allowed = await request(appFor(ctx, { remote: '10.1.2.3', allowRemote: true }))
      .get('/_admin/v1/tenants')
      .set('authorization', admin);
    expect(allowed.status).to.equal(200);
  });

  it('treats 127.0.0.0/8, ::1 and IPv4-mapped loopback as loopback', () => {
    expect(['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1'].map(isLoopback)).to.deep.equal([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '::2', '', undefined].map(isLoopback)).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses invalid fault settings with 400 and a message naming the field', async () => {
    const response = await request(app)
      .put('/_admin/v1/faults')
      .set('authorization', admin)
      .send({ rules: [{ kind: 'status', status: 418 }] });
    expect(response.status).to.equal(400);
    expect(response.body).to.deep.equal({
      error: 'CONFIG_ERROR',
      message: "rules[0]: 'status' must be 429, 500 or 503, got 418",
    });
    expect(ctx.faults.settings().rules).to.deep.equal([]);
  });

  it('refuses a body that is not JSON, or none where one is needed, with 400', async () => {
    const broken = await request(app)
      .put('/_admin/v1/faults')
      .set('authorization', admin)
      .set('content-type', 'application/json')
      .send('{"rules": [');
    expect(broken.status).to.equal(400);
    expect(broken.body.error).to.equal('ADMIN_BAD_BODY');
    const missing = await request(app).put('/_admin/v1/faults').set('authorization', admin);
    expect(missing.status).to.equal(400);
    expect(missing.body.message).to.match(/JSON body/);
  });

  it('refuses a malformed state with 400 and changes nothing', async () => {
    const before = ctx.store.exportSnapshot();
    const bad = [
      [],
      { version: 2, savedAt: 'x', tenants: [] },
      { version: 1, savedAt: 'x', tenants: [{ tenantId: 'z', tokens: 'no' }] },
    ];
    for (const body of bad) {
      const response = await request(app)
        .put('/_admin/v1/state')
        .set('authorization', admin)
        .send(body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
    }
    expect(ctx.store.exportSnapshot().tenants).to.deep.equal(before.tenants);
    expect(ctx.tenants.authenticate(TENANT, `Bearer ${SCIM_TOKEN}`).ok).to.equal(true);
  });

  it('refuses bad journal queries with 400', async () => {
    for (const query of ['status=abc', 'limit=0', 'sinceSeq=-1', 'path=/(/', 'method=a&method=b']) {
      const response = await request(app)
        .get(`/_admin/v1/journal?${query}`)
        .set('authorization', admin);
      expect(response.status, query).to.equal(400);
    }
  });

  it('AWS-AUTH-TOKEN-LIMIT: answers a third live token with 409', async () => {
    const issue = () =>
      request(app).post(`/_admin/v1/tenants/${TENANT}/tokens`).set('authorization', admin).send({});
    expect((await issue()).status).to.equal(201);
    const third = await issue();
    expect(third.status).to.equal(409);
    expect(third.body.error).to.equal('TOKEN_LIMIT');
  });

  it('refuses a token equal to the admin token, and malformed tenant ids and tokens', async () => {
    const cases: [string, object][] = [
      [`/_admin/v1/tenants/${TENANT}/tokens`, { token: ADMIN_TOKEN }],
      [`/_admin/v1/tenants/${TENANT}/tokens`, { token: 'has space in it 0123456789' }],
      ['/_admin/v1/tenants', { tenantId: '../etc' }],
    ];
    for (const [path, body] of cases) {
      const response = await request(app).post(path).set('authorization', admin).send(body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect(response.text).to.not.include(ADMIN_TOKEN);
    }
  });

  it('answers unknown tenants, tokens and endpoints with 404', async () => {
    const calls = [
      request(app).get('/_admin/v1/tenants/nope/tokens'),
      request(app).post('/_admin/v1/tenants/nope/tokens').send({}),
      request(app).delete('/_admin/v1/tenants/nope'),
      request(app).delete(`/_admin/v1/tenants/${TENANT}/tokens/tok-nope`),
      request(app).post(`/_admin/v1/tenants/${TENANT}/tokens/tok-nope/expire`),
      request(app).get('/_admin/v1/nothing-here'),
    ];
    for (const call of calls) {
      const response = await call.set('authorization', admin);
      expect(response.status, response.text).to.equal(404);
    }
  });

  it('answers an existing tenant id with 409', async () => {
    const response = await request(app)
      .post('/_admin/v1/tenants')
      .set('authorization', admin)
      .send({ tenantId: TENANT });
    expect(response.status).to.equal(409);
  });
});
