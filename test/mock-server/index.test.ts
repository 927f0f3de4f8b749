import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { PROFILES, loadStateFile, startMockServer } from '../../mock-server/index.ts';
import { ConfigError } from '../../scim/errors.ts';

const user = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: 'ann@example.com',
  displayName: 'Ann Lee',
  name: { givenName: 'Ann', familyName: 'Lee' },
  emails: [{ value: 'ann@example.com', primary: true }],
};

describe('mock-server public API (mock-server/index.ts)', () => {
  it('starts a mock, serves a SCIM client, journals the request and stops', async () => {
    const mock = await startMockServer({ logLevel: 'silent' });
    try {
      expect(mock.origin).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = await fetch(`${mock.scimBaseUrl()}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(user),
      });
      expect(answer.status).to.equal(201);
      const [entry] = await mock.admin.journal({ method: 'POST' });
      expect(entry.requestBody).to.deep.include({ userName: 'ann@example.com' });
      expect(JSON.stringify(entry)).not.to.contain(mock.token);
    } finally {
      await mock.stop();
    }
    expect(Object.keys(PROFILES)).to.include.members(['aws', 'aws-legacy']);
  });

  it('saves its state to --state at stop, owner-only, and starts from it again', async () => {
    const statePath = join(await mkdtemp(join(tmpdir(), 'mock-state-')), 'state.json');
    const first = await startMockServer({
      logLevel: 'silent',
      tenantId: 't1',
      token: 'state-test-secret-token',
      statePath,
    });
    await fetch(`${first.scimBaseUrl()}/Users`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer state-test-secret-token',
        'content-type': 'application/scim+json',
      },
      body: JSON.stringify(user),
    });
    await first.stop();
    expect((await stat(statePath)).mode & 0o777).to.equal(0o600);
    expect(await readFile(statePath, 'utf8')).not.to.contain('state-test-secret-token');

    const second = await startMockServer({
      logLevel: 'silent',
      tenantId: 't1',
      token: 'state-test-secret-token',
      statePath,
    });
    try {
      const filter = encodeURIComponent('userName eq "ann@example.com"');
      const list = await fetch(`${second.scimBaseUrl()}/Users?filter=${filter}`, {
        headers: { authorization: 'Bearer state-test-secret-token' },
      });
      expect(((await list.json()) as { totalResults: number }).totalResults).to.equal(1);
    } finally {
      await second.stop();
    }
  });

  it('reports a missing state file as empty and a corrupt one as a config error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-state-'));
    expect(await loadStateFile(join(dir, 'absent.json'))).to.equal(null);
    await writeFile(join(dir, 'bad.json'), '{ half');
    let caught: unknown;
    try {
      await loadStateFile(join(dir, 'bad.json'));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ConfigError);
    expect((caught as ConfigError).message).to.match(/not valid JSON; fix or remove it/);
  });
});
