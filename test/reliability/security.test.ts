// Issue 5, security: constant-time token compares, revoked and expired tokens refused at once, an
// admin side for its own token and loopback callers only, and no token in journal or log.
import { readFile } from 'node:fs/promises';

import { expect } from 'chai';

import { adminAuth, isLoopback } from '../../mock-server/admin/admin-auth.ts';
import { AdminClient, AdminRequestError } from '../../mock-server/admin/client.ts';
import { capturedLogger, scim, startTwoTenants, type TwoTenants } from './two-tenants.ts';
import { recordTimingSafeEqual } from './timing-safe-spy.ts';

const source = (path: string) =>
  readFile(new URL(`../../mock-server/${path}`, import.meta.url), 'utf8');

/** The text of a top-level function declaration, up to the line that closes it. */
function functionText(text: string, name: string): string {
  const start = text.indexOf(`function ${name}(`);
  if (start < 0) throw new Error(`no function ${name}`);
  return text.slice(start, text.indexOf('\n}\n', start));
}

describe('reliability: security of tokens and the admin side', function () {
  this.timeout(30_000);
  const log = capturedLogger('debug');
  let setup: TwoTenants;
  const own = (token: string, method = 'GET', path = '/Users', body?: unknown) =>
    scim(setup.mock, setup.target.tenantId, token, method, path, body);

  before(async () => {
    setup = await startTwoTenants(log.logger);
  });
  after(async () => setup.mock.stop());

  it('AWS-AUTH-BEARER-401: compares tokens with timingSafeEqual on SHA-256 digests', async () => {
    const tenants = await source('tenants.ts');
    expect(tenants).to.match(/import \{[^}]*\btimingSafeEqual\b[^}]*\} from 'node:crypto'/);
    expect(tenants).to.match(/createHash\('sha256'\)/);
    expect(tenants).to.include('findToken(tokens, sha256(presented))');
    expect(functionText(tenants, 'findToken')).to.include('timingSafeEqual(token.hash, hash)');
    const admin = await source('admin/admin-auth.ts');
    expect(admin).to.match(/createHash\('sha256'\)/);
    expect(functionText(admin, 'sameSecret')).to.include(
      'timingSafeEqual(digest(given), digest(expected))',
    );
    for (const text of [functionText(tenants, 'findToken'), functionText(admin, 'sameSecret')]) {
      expect(text).not.to.match(/[^=!]==[^=]|===/);
    }
  });

  it('calls timingSafeEqual on two 32-byte digests, whatever the token length', async () => {
    const tokens = ['x', setup.target.token, 'y'.repeat(8_000), setup.target.otherToken];
    const calls = await recordTimingSafeEqual(async () => {
      for (const token of tokens) await own(token);
      await fetch(`${setup.mock.origin}/_admin/v1/tenants`, {
        headers: { authorization: 'Bearer short' },
      });
    });
    expect(calls.length).to.be.at.least(tokens.length + 1);
    for (const call of calls) expect(call).to.deep.equal({ leftBytes: 32, rightBytes: 32 });
  });

  it('refuses a revoked token and an expired token on their very next request', async () => {
    const { admin } = setup.mock;
    const { tenantId } = setup.target;
    const issued = await admin.issueToken(tenantId);
    expect((await own(issued.token)).status).to.equal(200);
    await admin.revokeToken(tenantId, issued.id);
    expect((await own(issued.token)).status).to.equal(401);

    const second = await admin.issueToken(tenantId);
    expect((await own(second.token)).status).to.equal(200);
    await admin.expireToken(tenantId, second.id);
    expect((await own(second.token)).status).to.equal(401);
    expect((await own(setup.target.token)).status, 'the start token still works').to.equal(200);
  });

  it('refuses SCIM tokens on the admin side and the admin token on the SCIM side', async () => {
    const adminCall = (token: string) =>
      fetch(`${setup.mock.origin}/_admin/v1/state`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await adminCall(setup.target.token)).status).to.equal(401);
    expect((await adminCall(setup.target.otherToken)).status).to.equal(401);
    expect((await adminCall(setup.target.adminToken)).status).to.equal(200);
    expect((await own(setup.target.adminToken)).status).to.equal(401);
    expect((await own(setup.target.adminToken, 'POST', '/Users', {})).status).to.equal(401);
  });

  it('binds to loopback by default and answers admin callers on loopback only', async () => {
    expect(new URL(setup.mock.origin).hostname).to.equal('127.0.0.1');
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.10'])
      expect(isLoopback(address), address).to.be.true;
    for (const address of [
      '10.0.0.5',
      '::ffff:10.0.0.5',
      '192.168.1.2',
      '::',
      '0.0.0.0',
      undefined,
      '1270.0.0.1',
    ]) {
      expect(isLoopback(address), String(address)).to.be.false;
    }
    const answer = await runAdminAuth('10.1.2.3', `Bearer ${setup.target.adminToken}`);
    expect(answer).to.deep.equal({ status: 403, passed: false });
    expect(await runAdminAuth('127.0.0.1', `Bearer ${setup.target.adminToken}`)).to.deep.equal({
      status: 200,
      passed: true,
    });
  });

  it('keeps every token out of the journal and the log, wherever the client put it', async () => {
    const { target, mock } = setup;
    const tokens = [target.token, target.otherToken, target.adminToken];
    for (const token of tokens) {
      await own(token);
      await own(token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${token}"`)}`);
      await own(token, 'POST', '/Users', { userName: token });
      await own(token, 'GET', `/Users/${token}`);
    }
    const issued = await mock.admin.issueToken(target.otherTenantId, 'rel-token-C-chosen-secret');
    await mock.admin.revokeToken(target.otherTenantId, issued.id);
    tokens.push(issued.token);
    const journal = JSON.stringify(await mock.admin.journal({ limit: 10_000 }));
    const logged = log.lines.join('');
    expect(logged.length, 'the log captured the requests').to.be.greaterThan(1000);
    for (const token of tokens) {
      expect(journal.includes(token), `journal holds ${token.slice(0, 12)}…`).to.be.false;
      expect(logged.includes(token), `log holds ${token.slice(0, 12)}…`).to.be.false;
    }
  });

  it('answers a wrong admin token with 401 through the client, never with data', async () => {
    const intruder = new AdminClient(setup.mock.origin, setup.target.token);
    const refusal = await intruder.exportState().catch((error: unknown) => error);
    expect(refusal).to.be.instanceOf(AdminRequestError);
    expect((refusal as AdminRequestError).status).to.equal(401);
  });

  /** Runs the admin guard on a request from `address`, as a remote caller would reach it. */
  async function runAdminAuth(address: string, authorization: string) {
    const guard = adminAuth(setup.mock.context);
    return new Promise<{ status: number; passed: boolean }>((resolve) => {
      const req = { socket: { remoteAddress: address }, headers: { authorization } };
      const res = {
        statusCode: 200,
        setHeader: () => res,
        status(code: number) {
          res.statusCode = code;
          return res;
        },
        json: () => resolve({ status: res.statusCode, passed: false }),
      };
      guard(req as never, res as never, () => resolve({ status: 200, passed: true }));
    });
  }
});
