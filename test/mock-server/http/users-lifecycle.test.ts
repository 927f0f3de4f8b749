import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ScimTestClient, startTestMock, userBody } from '../scim-test-client.ts';

describe('mock-server/http users: read, replace, delete', () => {
  let mock: RunningMock;
  let client: ScimTestClient;

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());
  beforeEach(() => mock.context.store.reset());

  async function expect400(body: unknown, path = '/Users', method = 'POST') {
    const answer = await client.call(method, path, body);
    expect(answer.status, answer.text).to.equal(400);
    expect(answer.body.detail).to.equal(AWS_DETAIL.invalidRequest);
    expect(answer.body).not.to.have.property('scimType');
  }

  it('AWS-USER-INACTIVE-LISTED: returns disabled users in GET and list', async () => {
    const id = await client.createUser('off', { active: false });
    expect((await client.get(`/Users/${id}`)).body.active).to.equal(false);
    const list = await client.get('/Users');
    expect(list.body.Resources.map((user: { id: string }) => user.id)).to.include(id);
  });

  it('AWS-USER-GET-404: answers 404 for an unknown user id on GET and PATCH', async () => {
    expect((await client.get('/Users/unknown')).status).to.equal(404);
    const patch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [] };
    expect((await client.patch('/Users/unknown', patch)).status).to.equal(404);
  });

  it('AWS-USER-DELETE-204: answers 204 with an empty body, then 404', async () => {
    const id = await client.createUser('gone');
    const first = await client.delete(`/Users/${id}`);
    expect(first.status).to.equal(204);
    expect(first.text).to.equal('');
    expect((await client.delete(`/Users/${id}`)).status).to.equal(404);
    expect((await client.get(`/Users/${id}`)).status).to.equal(404);
  });

  it('AWS-USER-DELETE-MEMBERSHIPS: deleting a user removes it from its groups', async () => {
    const id = await client.createUser('member');
    const group = await client.createGroup('Team', [id]);
    const filter = encodeURIComponent(`id eq "${group}" and members eq "${id}"`);
    expect((await client.get(`/Groups?filter=${filter}`)).body.totalResults).to.equal(1);
    await client.delete(`/Users/${id}`);
    const recreated = await client.createUser('member');
    const again = encodeURIComponent(`id eq "${group}" and members eq "${recreated}"`);
    expect((await client.get(`/Groups?filter=${again}`)).body.totalResults).to.equal(0);
    expect(mock.context.store.tenant('t1').memberships.membersOf(group).size).to.equal(0);
  });

  it('AWS-USER-NEW-ID-ON-RECREATE: gives a deleted and re-created user a new id', async () => {
    const first = await client.createUser('again');
    await client.delete(`/Users/${first}`);
    expect(await client.createUser('again')).not.to.equal(first);
  });

  it('AWS-USER-PUT-200: replaces the user and answers 200; a PUT missing givenName gets 400', async () => {
    const id = await client.createUser('put', { title: 'Old', externalId: 'p-1' });
    const answer = await client.put(`/Users/${id}`, userBody('put', { displayName: 'New' }));
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({ id, displayName: 'New' });
    expect(answer.body).not.to.have.property('title');
    expect(answer.body).not.to.have.property('externalId');
    await expect400(userBody('put', { name: { familyName: 'F' } }), `/Users/${id}`, 'PUT');
  });

  it('AWS-USER-PUT-404: answers 404 for a PUT to an unknown id', async () => {
    expect((await client.put('/Users/unknown', userBody('x'))).status).to.equal(404);
  });
});
