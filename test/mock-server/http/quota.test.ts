import { expect } from 'chai';

import { PROFILES } from '../../../mock-server/profile.ts';
import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ScimTestClient, startTestMock, userBody } from '../scim-test-client.ts';

describe('mock-server/http quota', () => {
  let mock: RunningMock;
  let client: ScimTestClient;

  before(async () => {
    mock = await startTestMock({ profileOverrides: { maxUsers: 2, maxGroups: 1 } });
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());

  it('AWS-QUOTA-USERS-GROUPS: a create past the quota gets 400 and stores nothing', async () => {
    expect((await client.post('/Users', userBody('q1'))).status).to.equal(201);
    const second = await client.post('/Users', userBody('q2'));
    expect(second.status).to.equal(201);
    const third = await client.post('/Users', userBody('q3'));
    expect(third.status).to.equal(400);
    expect(third.body).to.include({ status: '400', detail: AWS_DETAIL.invalidRequest });
    expect((await client.get('/Users')).body.totalResults).to.equal(2);

    expect((await client.post('/Groups', { displayName: 'g1' })).status).to.equal(201);
    expect((await client.post('/Groups', { displayName: 'g2' })).status).to.equal(400);

    // A delete makes room again; a duplicate is still a 409, not a quota refusal.
    expect((await client.call('DELETE', `/Users/${second.body.id}`)).status).to.equal(204);
    expect((await client.post('/Users', userBody('q1'))).status).to.equal(409);
    expect((await client.post('/Users', userBody('q3'))).status).to.equal(201);
  });

  it('AWS-QUOTA-USERS-GROUPS: ships the documented 100,000 users and 100,000 groups', () => {
    for (const profile of Object.values(PROFILES)) {
      expect(profile).to.include({ maxUsers: 100_000, maxGroups: 100_000 });
    }
  });
});
