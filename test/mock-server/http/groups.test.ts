import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { GROUP_URN } from '../../../scim/urns.ts';
import { ScimTestClient, filterQuery, startTestMock } from '../scim-test-client.ts';

describe('mock-server/http groups', () => {
  let mock: RunningMock;
  let client: ScimTestClient;

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());
  beforeEach(() => mock.context.store.reset());

  const isMember = async (groupId: string, userId: string) => {
    const filter = filterQuery(`id eq "${groupId}" and members eq "${userId}"`);
    return (await client.get(`/Groups?${filter}`)).body.totalResults === 1;
  };

  it('AWS-GROUP-CREATE-201: answers 201 without members even when 3 were sent', async () => {
    const members = [
      await client.createUser('a'),
      await client.createUser('b'),
      await client.createUser('c'),
    ];
    const answer = await client.post('/Groups', {
      schemas: [GROUP_URN],
      displayName: 'Engineers',
      externalId: 'eng',
      members: members.map((value) => ({ value })),
    });
    expect(answer.status).to.equal(201);
    expect(Object.keys(answer.body)).to.deep.equal([
      'id',
      'externalId',
      'meta',
      'schemas',
      'displayName',
    ]);
    expect(answer.body.meta).to.include({ resourceType: 'Group' });
    for (const member of members) expect(await isMember(answer.body.id, member)).to.equal(true);
  });

  it('AWS-GROUP-DISPLAYNAME-REQUIRED: refuses a group without displayName', async () => {
    const answer = await client.post('/Groups', { schemas: [GROUP_URN] });
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.equal(AWS_DETAIL.invalidRequest);
    expect((await client.post('/Groups', { displayName: '  ' })).status).to.equal(400);
  });

  it('AWS-GROUP-CREATE-MEMBERS-MAX: refuses 101 members on create', async () => {
    const members = Array.from({ length: 101 }, (_, index) => ({ value: `u${index}` }));
    const answer = await client.post('/Groups', { displayName: 'Big', members });
    expect(answer.status).to.equal(400);
  });

  it('AWS-GROUP-DISPLAYNAME-UNIQUE: answers 409 for a duplicate displayName in any case', async () => {
    await client.createGroup('Admins-Team');
    const answer = await client.post('/Groups', { displayName: 'admins-team' });
    expect(answer.status).to.equal(409);
    expect(answer.body.detail).to.equal(AWS_DETAIL.duplicate);
  });

  it('AWS-USER-RESERVED-NAMES: refuses a group named Administrator', async () => {
    expect((await client.post('/Groups', { displayName: 'Administrator' })).status).to.equal(400);
  });

  it('AWS-USER-FORBIDDEN-CHARS: refuses <>;:% in a group displayName or externalId', async () => {
    for (const body of [
      { displayName: 'R<D' },
      { displayName: 'Team: Ops' },
      { displayName: 'Ops', externalId: 'ext;1' },
    ]) {
      const answer = await client.post('/Groups', body);
      expect(answer.status, JSON.stringify(body)).to.equal(400);
      expect(answer.body.detail).to.equal(AWS_DETAIL.invalidRequest);
    }
    const group = await client.createGroup('Ops');
    const put = await client.put(`/Groups/${group}`, { displayName: 'Ops', externalId: '50%' });
    expect(put.status).to.equal(400);
  });

  it('AWS-GROUP-GET-NO-MEMBERS: GET /Groups/{id} omits members', async () => {
    const group = await client.createGroup('Readers', [await client.createUser('r')]);
    const answer = await client.get(`/Groups/${group}`);
    expect(answer.status).to.equal(200);
    expect(answer.body).not.to.have.property('members');
    expect(answer.body.displayName).to.equal('Readers');
  });

  it('AWS-GROUP-LIST-EMPTY-MEMBERS: GET /Groups shows members: [] on every group', async () => {
    await client.createGroup('Listed', [await client.createUser('l')]);
    const answer = await client.get('/Groups');
    expect(answer.body.Resources).to.have.length(1);
    expect(answer.body.Resources[0].members).to.deep.equal([]);
  });

  it('AWS-GROUP-MEMBER-SUBATTRS: refuses display in a member', async () => {
    const user = await client.createUser('s');
    const body = { displayName: 'Sub', members: [{ value: user, display: 'S' }] };
    expect((await client.post('/Groups', body)).status).to.equal(400);
    const typed = { displayName: 'Sub', members: [{ value: user, type: 'User', $ref: 'x' }] };
    expect((await client.post('/Groups', typed)).status).to.equal(201);
  });

  it('AWS-GROUP-MEMBER-SUBATTRS: refuses a group as a member (no nesting)', async () => {
    const inner = await client.createGroup('Inner');
    const answer = await client.post('/Groups', {
      displayName: 'Outer',
      members: [{ value: inner }],
    });
    expect(answer.status).to.equal(404);
  });

  it('AWS-GROUP-MEMBER-UNKNOWN-404: answers 404 for a member that is no user, and creates nothing', async () => {
    const answer = await client.post('/Groups', {
      displayName: 'Ghosts',
      members: [{ value: 'nobody' }],
    });
    expect(answer.status).to.equal(404);
    expect(
      (await client.get(`/Groups?${filterQuery('displayName eq "Ghosts"')}`)).body.totalResults,
    ).to.equal(0);
  });

  it('AWS-GROUP-PUT: refuses members with "Replacing group memberships is not supported."', async () => {
    const group = await client.createGroup('Put');
    const answer = await client.put(`/Groups/${group}`, {
      displayName: 'Put',
      members: [{ value: await client.createUser('p') }],
    });
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.equal(AWS_DETAIL.replaceMembers);
  });

  it('AWS-GROUP-PUT: replaces displayName and externalId and answers 200 without members', async () => {
    const user = await client.createUser('keep');
    const group = await client.createGroup('Before', [user]);
    const answer = await client.put(`/Groups/${group}`, { displayName: 'After', externalId: 'x' });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({ id: group, displayName: 'After', externalId: 'x' });
    expect(answer.body).not.to.have.property('members');
    expect(await isMember(group, user)).to.equal(true);
  });

  it('AWS-GROUP-GET-404: answers 404 for an unknown group on GET, PUT, PATCH and DELETE', async () => {
    expect((await client.get('/Groups/none')).status).to.equal(404);
    expect((await client.put('/Groups/none', { displayName: 'x' })).status).to.equal(404);
    expect((await client.patch('/Groups/none', { Operations: [] })).status).to.equal(404);
    expect((await client.delete('/Groups/none')).status).to.equal(404);
  });

  it('AWS-GROUP-DELETE-204: answers 204 with no body, then GET answers 404', async () => {
    const user = await client.createUser('d');
    const group = await client.createGroup('Doomed', [user]);
    const answer = await client.delete(`/Groups/${group}`);
    expect(answer.status).to.equal(204);
    expect(answer.text).to.equal('');
    expect((await client.get(`/Groups/${group}`)).status).to.equal(404);
    expect(mock.context.store.tenant('t1').memberships.groupsOf(user).size).to.equal(0);
  });
});
