import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect } from 'chai';

import { testConnection } from '../../../provisioner/apps/connection-test.ts';
import { SERVICE_PROVIDER_CONFIG_URN } from '../../../scim/urns.ts';

const TOKEN = 'secret-token-1234';
const SPC = {
  schemas: [SERVICE_PROVIDER_CONFIG_URN],
  patch: { supported: true },
  bulk: { supported: false },
};

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

describe('provisioner/apps/connection-test', () => {
  let server: Server;
  let endpoint: string;
  let reply: (authorization: string | undefined, url: string | undefined) => Reply;

  before(async () => {
    server = createServer((request, response) => {
      const { status, body, headers } = reply(request.headers.authorization, request.url);
      response.writeHead(status, { 'content-type': 'application/scim+json', ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body ?? {}));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/t1/scim/v2`;
  });
  after(() => server.close());

  function summary(report: Awaited<ReturnType<typeof testConnection>>): string[] {
    return report.checks.map((check) => `${check.name}: ${check.ok ? 'ok' : 'FAIL'}`);
  }

  it('AWS-DISCOVERY-SPC: passes all three checks when the token is accepted and SPC says PATCH', async () => {
    reply = (auth, url) =>
      auth === `Bearer ${TOKEN}` && url === '/t1/scim/v2/ServiceProviderConfig'
        ? { status: 200, body: SPC }
        : { status: 401 };
    const report = await testConnection({ endpoint, token: TOKEN });
    expect(report.ok).to.be.true;
    expect(summary(report)).to.deep.equal([
      'reachable: ok',
      'token accepted: ok',
      'discovery read: ok',
    ]);
    expect(report.checks[2].detail).to.equal(
      'ServiceProviderConfig read: PATCH supported, no bulk',
    );
  });

  it('says the token is refused on 401, without showing it', async () => {
    reply = () => ({ status: 401 });
    const report = await testConnection({ endpoint, token: TOKEN });
    expect(report.ok).to.be.false;
    expect(summary(report)).to.deep.equal([
      'reachable: ok',
      'token accepted: FAIL',
      'discovery read: FAIL',
    ]);
    expect(report.checks[1].detail).to.match(/^refused \(401\)/);
    expect(JSON.stringify(report)).not.to.include(TOKEN);
  });

  it('points at the base URL on 404 and at the Location on a redirect', async () => {
    reply = () => ({ status: 404 });
    expect((await testConnection({ endpoint, token: TOKEN })).checks[1].detail).to.match(
      /\/scim\/v2/,
    );
    reply = () => ({
      status: 301,
      headers: { location: 'https://elsewhere/scim/v2/ServiceProviderConfig' },
    });
    const report = await testConnection({ endpoint, token: TOKEN });
    expect(report.checks[0]).to.include({ ok: false });
    expect(report.checks[0].detail).to.include('https://elsewhere/');
  });

  it('fails discovery on a body that is not JSON, not an SPC, or without PATCH', async () => {
    const details: string[] = [];
    for (const body of ['<html>', { schemas: ['x'] }, { ...SPC, patch: { supported: false } }]) {
      reply = () => ({ status: 200, body });
      const report = await testConnection({ endpoint, token: TOKEN });
      expect(summary(report)[2]).to.equal('discovery read: FAIL');
      details.push(report.checks[2].detail);
    }
    expect(details[0]).to.match(/not JSON/);
    expect(details[1]).to.match(/not a ServiceProviderConfig/);
    expect(details[2]).to.match(/PATCH is not supported/);
  });

  it('reports an unreachable endpoint and a timeout as the first check failing', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const refused = await testConnection({
      endpoint: `http://127.0.0.1:${port}/scim/v2`,
      token: TOKEN,
    });
    expect(refused.checks[0].detail).to.match(/not reachable: ECONNREFUSED/);
    expect(summary(refused)).to.deep.equal([
      'reachable: FAIL',
      'token accepted: FAIL',
      'discovery read: FAIL',
    ]);

    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const silentPort = (silent.address() as AddressInfo).port;
    const slow = await testConnection(
      { endpoint: `http://127.0.0.1:${silentPort}/scim/v2`, token: TOKEN },
      { timeoutMs: 100 },
    );
    silent.closeAllConnections();
    silent.close();
    expect(slow.checks[0].detail).to.equal('no answer within 100 ms');
  });
});
