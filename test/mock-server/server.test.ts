import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { startMockServer } from '../../mock-server/server.ts';
import { ConfigError } from '../../scim/errors.ts';
import { ScimTestClient, startTestMock } from './scim-test-client.ts';

describe('mock-server/server', () => {
  it('starts on 127.0.0.1 with a generated AWS-like tenant and a generated token', async () => {
    const mock = await startMockServer({ logLevel: 'silent' });
    try {
      expect(mock.origin).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(mock.tenantId).to.match(/^[0-9a-z]{11}-[0-9a-f]{4}-/);
      expect(mock.scimBaseUrl()).to.equal(`${mock.origin}/${mock.tenantId}/scim/v2`);
      expect(mock.token).not.to.equal(mock.adminToken);
      const answer = await new ScimTestClient(mock.scimBaseUrl(), mock.token).get('/Users');
      expect(answer.status).to.equal(200);
      expect(await mock.admin.journal()).to.be.an('array');
    } finally {
      await mock.stop();
      await mock.stop();
    }
  });

  it('keeps users, groups and tokens across a restart with a state file', async () => {
    const statePath = join(await mkdtemp(join(tmpdir(), 'scim-mock-')), 'state.json');
    const first = await startTestMock({ statePath });
    const client = ScimTestClient.of(first);
    const user = await client.createUser('kept');
    const group = await client.createGroup('Kept', [user]);
    await first.stop();
    expect((await stat(statePath)).mode & 0o777).to.equal(0o600);
    expect(await readFile(statePath, 'utf8')).not.to.contain(first.token);

    const second = await startTestMock({ statePath });
    try {
      const again = ScimTestClient.of(second);
      expect((await again.get(`/Users/${user}`)).body.userName).to.equal('kept@example.com');
      const filter = encodeURIComponent(`id eq "${group}" and members eq "${user}"`);
      expect((await again.get(`/Groups?filter=${filter}`)).body.totalResults).to.equal(1);
      expect(second.context.tenants.listTokens('t1')).to.have.length(1);
    } finally {
      await second.stop();
    }
  });

  it('AWS-AUTH-TOKEN-LIMIT: a restart without --token fails once the tenant holds two tokens', async () => {
    const statePath = join(await mkdtemp(join(tmpdir(), 'scim-mock-')), 'state.json');
    const options = { logLevel: 'silent', tenantId: 't1', statePath };
    await (await startMockServer(options)).stop();
    await (await startMockServer(options)).stop();
    let caught: unknown;
    await startMockServer(options).catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(ConfigError);
    expect((caught as Error).message).to.contain('--token');
  });

  it('refuses a SCIM token equal to the admin token, and unknown profiles', async () => {
    let caught: unknown;
    await startMockServer({ logLevel: 'silent', token: 'same', adminToken: 'same' }).catch(
      (error: unknown) => (caught = error),
    );
    expect(caught).to.be.instanceOf(ConfigError);
    caught = undefined;
    await startMockServer({ logLevel: 'silent', profile: 'gcp' }).catch(
      (error: unknown) => (caught = error),
    );
    expect(caught).to.be.instanceOf(ConfigError);
  });

  it('AWS-THROTTLE-429: answers 429 ThrottlingException in AWS form above the rate limit', async () => {
    const mock = await startTestMock({ rateLimit: 1 });
    try {
      const client = ScimTestClient.of(mock);
      const answers = [
        await client.get('/Users'),
        await client.get('/Users'),
        await client.get('/Users'),
      ];
      const throttled = answers.find((answer) => answer.status === 429);
      expect(throttled, 'one of three requests in a burst is throttled').not.to.equal(undefined);
      expect(throttled!.body).to.include({ status: '429' });
      expect(throttled!.body.exceptionRequestId).to.equal(
        throttled!.headers.get('x-amzn-requestid'),
      );
      expect(throttled!.headers.get('retry-after')).to.equal(null);
    } finally {
      await mock.stop();
    }
  });
});
