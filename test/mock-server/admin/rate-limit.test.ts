// The per-tenant rate limit (AWS-THROTTLE-429) as the whole mock applies it: after the token is
// checked, so only authenticated requests use up a tenant's bucket and the rest get their 401.
import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { ERROR_URN } from '../../../scim/urns.ts';
import { FakeClock } from '../fake-clock.ts';
import { ScimTestClient, TOKEN, startTestMock, userBody } from '../scim-test-client.ts';

describe('mock-server/admin rate limit', () => {
  let mock: RunningMock;
  let clock: FakeClock;
  let client: ScimTestClient;

  beforeEach(async () => {
    clock = new FakeClock();
    mock = await startTestMock({ clock, profileOverrides: { retryAfter: 2 } });
    client = ScimTestClient.of(mock);
  });
  afterEach(async () => mock.stop());

  const statuses = async (requests: (() => Promise<{ status: number }>)[]) => {
    const seen: number[] = [];
    for (const request of requests) seen.push((await request()).status);
    return seen;
  };

  it('AWS-THROTTLE-429: answers requests over the rate limit as ThrottlingException', async () => {
    await mock.admin.setFaults({ rateLimit: 2 });
    const get = () => client.get('/Users');
    expect(await statuses([get, get, get])).to.deep.equal([200, 200, 429]);
    const refused = await client.get('/Users');
    expect(refused.headers.get('retry-after')).to.equal('2');
    expect(refused.body).to.deep.include({
      schemas: [ERROR_URN],
      status: '429',
      detail: 'Rate exceeded.',
    });
    expect(refused.body.exceptionRequestId).to.equal(refused.headers.get('x-amzn-requestid'));
    const [journalled] = await mock.admin.journal({ status: 429 });
    expect(journalled.fault).to.equal('rate-limit');
    clock.advanceMs(1000);
    expect((await client.get('/Users')).status).to.equal(200);
  });

  it('AWS-THROTTLE-429: journals the body of a throttled request as it was sent', async () => {
    await mock.admin.setFaults({ rateLimit: 1 });
    const sent = userBody('ann');
    const post = () => client.post('/Users', sent);
    expect(await statuses([post, post])).to.deep.equal([201, 429]);
    const [throttled] = await mock.admin.journal({ status: 429 });
    expect(throttled).to.deep.include({ fault: 'rate-limit', requestBody: sent });
  });

  it('AWS-AUTH-BEARER-401: a request with no good token gets 401 and spends nothing', async () => {
    await mock.admin.setFaults({ rateLimit: 2 });
    const anonymous = new ScimTestClient(mock.scimBaseUrl(), null);
    const wrong = new ScimTestClient(mock.scimBaseUrl(), `${TOKEN}-wrong`);
    const refused = [
      () => anonymous.get('/Users'),
      () => wrong.get('/Users'),
      () => wrong.post('/Users', userBody('x')),
      () => anonymous.get('/Users'),
    ];
    expect(await statuses(refused)).to.deep.equal([401, 401, 401, 401]);
    const get = () => client.get('/Users');
    expect(await statuses([get, get, get])).to.deep.equal([200, 200, 429]);
  });

  it('AWS-AUTH-UNKNOWN-TENANT: an unknown tenant gets 401 however fast it calls', async () => {
    await mock.admin.setFaults({ rateLimit: 1 });
    const stranger = new ScimTestClient(mock.scimBaseUrl('nobody'));
    const get = () => stranger.get('/Users');
    expect(await statuses([get, get, get])).to.deep.equal([401, 401, 401]);
    expect(await mock.admin.journal({ status: 429 })).to.deep.equal([]);
  });
});
