import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { FakeClock } from '../fake-clock.ts';
import { ScimTestClient, startTestMock } from '../scim-test-client.ts';

describe('mock-server/http auth', () => {
  let mock: RunningMock;
  const clock = new FakeClock();

  before(async () => {
    mock = await startTestMock({ clock });
  });
  after(async () => mock.stop());

  it('AWS-AUTH-BEARER-401: refuses a missing, wrong or revoked bearer token with 401', async () => {
    expect((await new ScimTestClient(mock.scimBaseUrl(), null).get('/Users')).status).to.equal(401);
    const wrong = await new ScimTestClient(mock.scimBaseUrl(), 'nope').get('/Users');
    expect(wrong.status).to.equal(401);
    expect(wrong.body).to.include({ status: '401', detail: AWS_DETAIL.unauthorized });
    const basic = await ScimTestClient.of(mock).call('GET', '/Users', undefined, {
      authorization: 'Basic dGVzdA==',
    });
    expect(basic.status).to.equal(401);
    const extra = mock.context.tenants.issueToken('t1', 'second');
    expect((await new ScimTestClient(mock.scimBaseUrl(), 'second').get('/Users')).status).to.equal(
      200,
    );
    mock.context.tenants.revokeToken('t1', extra.record.id);
    expect((await new ScimTestClient(mock.scimBaseUrl(), 'second').get('/Users')).status).to.equal(
      401,
    );
  });

  it('AWS-AUTH-BEARER-401: answers 401 before reading the body, whatever the body is', async () => {
    const bodies: [string, string][] = [
      ['application/scim+json', '{broken'],
      ['text/plain', 'userName=ann'],
      ['application/scim+json', `{"userName":"${'a'.repeat(1_100_000)}"}`],
    ];
    for (const base of [mock.scimBaseUrl(), mock.scimBaseUrl('nobody')]) {
      for (const [type, body] of bodies) {
        const answer = await fetch(`${base}/Users`, {
          method: 'POST',
          headers: { 'content-type': type },
          body,
        });
        expect(answer.status, `${type}, ${body.length} bytes`).to.equal(401);
        expect(await answer.json()).to.include({ status: '401' });
      }
    }
  });

  it('AWS-AUTH-TOKEN-EXPIRY: answers 401 once the token is a calendar year old', async () => {
    // From June 2027 the year spans Feb 29, 2028: the token lives 366 days.
    const clock = new FakeClock(new Date('2027-06-01T00:00:00.000Z'));
    const other = await startTestMock({ clock, tenantId: 't9' });
    try {
      const client = ScimTestClient.of(other);
      expect((await client.get('/Users')).status).to.equal(200);
      clock.advanceDays(365);
      expect((await client.get('/Users')).status).to.equal(200);
      clock.advanceDays(1);
      expect((await client.get('/Users')).status).to.equal(401);
    } finally {
      await other.stop();
    }
  });

  it('AWS-AUTH-UNKNOWN-TENANT: answers 401 for an unknown tenant by default', async () => {
    const client = new ScimTestClient(mock.scimBaseUrl('nobody'));
    const answer = await client.get('/Users');
    expect(answer.status).to.equal(401);
    expect(answer.body.status).to.equal('401');
  });

  it('AWS-AUTH-UNKNOWN-TENANT: 404 "TENANT does not exist." when the profile says so', async () => {
    const other = await startTestMock({ profileOverrides: { unknownTenantStatus: 404 } });
    try {
      const answer = await new ScimTestClient(other.scimBaseUrl('nobody')).get('/Users');
      expect(answer.status).to.equal(404);
      expect(answer.body.detail).to.equal(AWS_DETAIL.tenantMissing);
    } finally {
      await other.stop();
    }
  });

  it('AWS-AUTH-BEARER-401: refuses the admin token on the SCIM side', async () => {
    const answer = await new ScimTestClient(mock.scimBaseUrl(), mock.adminToken).get('/Users');
    expect(answer.status).to.equal(401);
  });

  it('AWS-AUTH-BEARER-401: keeps one tenant token out of another tenant', async () => {
    mock.context.tenants.createTenant('t2');
    mock.context.tenants.issueToken('t2', 'other-tenant-token');
    const answer = await new ScimTestClient(mock.scimBaseUrl('t2')).get('/Users');
    expect(answer.status).to.equal(401);
    const own = await new ScimTestClient(mock.scimBaseUrl('t2'), 'other-tenant-token').get(
      '/Users',
    );
    expect(own.status).to.equal(200);
  });
});
