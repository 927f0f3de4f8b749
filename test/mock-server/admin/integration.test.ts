import { expect } from 'chai';

import { AdminRequestError } from '../../../mock-server/admin/client.ts';
import { startMockServer, type RunningMock } from '../../../mock-server/server.ts';
import { ERROR_URN } from '../../../scim/urns.ts';

const USER = {
  userName: 'ana@example.com',
  displayName: 'Ana Silva',
  name: { givenName: 'Ana', familyName: 'Silva' },
  emails: [{ value: 'ana@example.com', type: 'work', primary: true }],
};

describe('mock-server/admin through startMockServer', () => {
  let mock: RunningMock;
  let scim: (path: string, init?: RequestInit) => Promise<Response>;

  beforeEach(async () => {
    mock = await startMockServer({ logLevel: 'silent' });
    scim = (path, init = {}) =>
      fetch(`${mock.scimBaseUrl()}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${mock.token}`,
          'content-type': 'application/scim+json',
          ...(init.headers as Record<string, string> | undefined),
        },
      });
  });
  afterEach(async () => mock.stop());

  it('journals what a client sent, with the token redacted everywhere', async () => {
    const created = await scim('/Users', { method: 'POST', body: JSON.stringify(USER) });
    expect(created.status).to.equal(201);
    const [entry] = await mock.admin.journal({ method: 'POST', path: '/Users' });
    expect(entry).to.deep.include({
      tenantId: mock.tenantId,
      status: 201,
      requestBody: USER,
      requestId: created.headers.get('x-amzn-requestid'),
    });
    expect((entry.responseBody as { id: string }).id).to.be.a('string');
    expect(entry.requestHeaders.authorization).to.equal('Bearer [redacted]');
    const everything = JSON.stringify(await mock.admin.journal());
    expect(everything).to.not.include(mock.token).and.not.include(mock.adminToken);
  });

  it('does not journal admin calls', async () => {
    await mock.admin.listTenants();
    await mock.admin.getFaults();
    expect(await mock.admin.journal()).to.deep.equal([]);
  });

  it('hits roughly 30% of requests with a 30% 503 rule and a fixed seed, as the journal shows', async () => {
    await mock.admin.setFaults({
      rules: [{ id: 'flaky', kind: 'status', status: 503, rate: 0.3, path: '/Users' }],
      seed: 2026,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await scim('/Users?count=1')).status);
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed / statuses.length).to.be.within(0.22, 0.38);
    expect(statuses.filter((status) => status !== 503).every((s) => s === 200)).to.equal(true);
    const journalled = await mock.admin.journal({ status: 503, limit: 1000 });
    expect(journalled).to.have.length(failed);
    expect(journalled.every((entry) => entry.fault === 'flaky')).to.equal(true);
  });

  it('AWS-THROTTLE-429: answers requests above the rate limit with 429 in AWS form', async () => {
    await mock.admin.setFaults({ rateLimit: 5 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => scim('/Users?count=1')));
    const throttled = answers.filter((response) => response.status === 429);
    expect(throttled.length).to.be.within(6, 7);
    const body = (await throttled[0].json()) as Record<string, unknown>;
    expect(body).to.deep.include({ schemas: [ERROR_URN], status: '429', detail: 'Rate exceeded.' });
    expect(body.exceptionRequestId).to.equal(throttled[0].headers.get('x-amzn-requestid'));
    expect(throttled[0].headers.get('retry-after')).to.equal(null);
  });

  it('closes the connection without an answer for a drop rule', async () => {
    await mock.admin.setFaults({ rules: [{ kind: 'drop', method: 'GET', times: 1 }] });
    const failure = await scim('/Users').then(
      () => null,
      (error: Error) => error,
    );
    expect(failure).to.be.instanceOf(TypeError);
    expect((await scim('/Users')).status).to.equal(200);
    const [dropped] = await mock.admin.journal({ status: 0 });
    expect(dropped).to.include({ fault: 'drop', method: 'GET' });
  });

  it('refuses the SCIM token on the admin side and the admin token on the SCIM side', async () => {
    const onAdmin = await fetch(`${mock.origin}/_admin/v1/tenants`, {
      headers: { authorization: `Bearer ${mock.token}` },
    });
    expect(onAdmin.status).to.equal(401);
    const onScim = await scim('/Users', {
      headers: { authorization: `Bearer ${mock.adminToken}` },
    });
    expect(onScim.status).to.equal(401);
  });

  it('AWS-AUTH-TOKEN-LIMIT: issues a second token that works, refuses a third, and revokes', async () => {
    const second = await mock.admin.issueToken(mock.tenantId);
    const withSecond = { headers: { authorization: `Bearer ${second.token}` } };
    expect((await scim('/Users', withSecond)).status).to.equal(200);
    const third = await mock.admin.issueToken(mock.tenantId).catch((e: unknown) => e);
    expect(third).to.be.instanceOf(AdminRequestError).and.include({ status: 409 });
    await mock.admin.revokeToken(mock.tenantId, second.id);
    expect((await scim('/Users', withSecond)).status).to.equal(401);
  });

  it('restores exported state after a reset', async () => {
    await scim('/Users', { method: 'POST', body: JSON.stringify(USER) });
    const saved = await mock.admin.exportState();
    await mock.admin.reset();
    expect(await (await scim('/Users')).json()).to.include({ totalResults: 0 });
    await mock.admin.importState(saved);
    const listed = (await (await scim('/Users')).json()) as { totalResults: number };
    expect(listed.totalResults).to.equal(1);
  });
});
