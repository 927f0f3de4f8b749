import { expect } from 'chai';

import { AWS_SERVICE_PROVIDER_CONFIG } from '../../../fixtures/aws-discovery.ts';
import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ENTERPRISE_USER_URN, ERROR_URN, GROUP_URN, USER_URN } from '../../../scim/urns.ts';
import { ScimTestClient, startTestMock } from '../scim-test-client.ts';

// The documented body (aws-scim-behaviour.md §8, DG-SPC), the same data the suites compare with.
const DOCUMENTED_SPC = AWS_SERVICE_PROVIDER_CONFIG;

describe('mock-server/http discovery', () => {
  let mock: RunningMock;
  let client: ScimTestClient;

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());

  it('AWS-DISCOVERY-SPC: answers the documented ServiceProviderConfig exactly, without meta', async () => {
    const answer = await client.get('/ServiceProviderConfig');
    expect(answer.status).to.equal(200);
    expect(answer.body).to.deep.equal(DOCUMENTED_SPC);
    expect(answer.headers.get('content-type')).to.equal('application/json');
  });

  it('AWS-DISCOVERY-RESOURCE-TYPES: lists User with the enterprise extension, and Group', async () => {
    const answer = await client.get('/ResourceTypes');
    expect(answer.body.totalResults).to.equal(2);
    const [user, group] = answer.body.Resources;
    expect(user).to.include({ id: 'User', endpoint: '/Users', schema: USER_URN });
    expect(user.schemaExtensions).to.deep.equal([{ schema: ENTERPRISE_USER_URN, required: true }]);
    expect(group).to.include({ id: 'Group', endpoint: '/Groups', schema: GROUP_URN });
  });

  it('AWS-DISCOVERY-SCHEMAS: lists 3 schemas and answers one by URN with userName caseExact:false', async () => {
    const list = await client.get('/Schemas');
    expect(list.body.totalResults).to.equal(3);
    expect(list.body.Resources.map((schema: { id: string }) => schema.id)).to.deep.equal([
      USER_URN,
      GROUP_URN,
      ENTERPRISE_USER_URN,
    ]);
    const user = await client.get(`/Schemas/${USER_URN}`);
    expect(user.status).to.equal(200);
    const userName = user.body.attributes.find(
      (attribute: { name: string }) => attribute.name === 'userName',
    );
    expect(userName).to.include({ required: true, caseExact: false, mutability: 'readWrite' });
    const manager = (await client.get(`/Schemas/${ENTERPRISE_USER_URN}`)).body.attributes.find(
      (attribute: { name: string }) => attribute.name === 'manager',
    );
    expect(manager.subAttributes.map((sub: { name: string }) => sub.name)).to.deep.equal([
      'value',
      '$ref',
    ]);
    expect((await client.get('/Schemas/urn:nope')).status).to.equal(404);
  });

  it('AWS-DISCOVERY-SCHEMAS-LEGACY-404: aws-legacy answers /Schemas with 404', async () => {
    const legacy = await startTestMock({ profile: 'aws-legacy' });
    try {
      const old = ScimTestClient.of(legacy);
      for (const path of ['/Schemas', `/Schemas/${USER_URN}`, '/schemas/']) {
        const answer = await old.get(path);
        expect(answer.status, path).to.equal(404);
        expect(answer.body).to.include({ detail: AWS_DETAIL.notFound, status: '404' });
        expect(answer.body.schema).to.deep.equal([ERROR_URN]);
      }
      expect((await old.get('/ResourceTypes')).status).to.equal(200);
      expect((await old.get('/ServiceProviderConfig')).status).to.equal(200);
    } finally {
      await legacy.stop();
    }
  });

  it('AWS-DISCOVERY-SCHEMAS-LEGACY-404: follows the schemasEndpoint setting', async () => {
    const withSchemas = await startTestMock({
      profile: 'aws-legacy',
      profileOverrides: { schemasEndpoint: true },
    });
    const without = await startTestMock({ profileOverrides: { schemasEndpoint: false } });
    try {
      expect((await ScimTestClient.of(withSchemas).get('/Schemas')).status).to.equal(200);
      expect((await ScimTestClient.of(without).get('/Schemas')).status).to.equal(404);
    } finally {
      await Promise.all([withSchemas.stop(), without.stop()]);
    }
  });

  it('AWS-AUTH-BEARER-401: discovery needs the bearer token too', async () => {
    const answer = await new ScimTestClient(mock.scimBaseUrl(), null).get('/ServiceProviderConfig');
    expect(answer.status).to.equal(401);
  });
});
