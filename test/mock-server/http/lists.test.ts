import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ENTERPRISE_USER_URN, LIST_RESPONSE_URN, USER_URN } from '../../../scim/urns.ts';
import { ScimTestClient, filterQuery, seedUsers, startTestMock } from '../scim-test-client.ts';

describe('mock-server/http lists and filters', () => {
  let mock: RunningMock;
  let client: ScimTestClient;

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());
  beforeEach(() => mock.context.store.reset());

  const listUsers = (filter: string) => client.get(`/Users?${filterQuery(filter)}`);
  const listGroups = (filter: string) => client.get(`/Groups?${filterQuery(filter)}`);
  const createUsers = async (count: number) => {
    for (let index = 0; index < Math.min(count, 5); index++)
      await client.createUser(`http${index}`);
    seedUsers(mock, count - Math.min(count, 5));
  };

  it('AWS-LIST-ENVELOPE: answers totalResults, itemsPerPage, startIndex 1, schemas and Resources', async () => {
    await client.createUser('x');
    const answer = await listUsers('userName eq "x@example.com"');
    expect(answer.status).to.equal(200);
    expect(Object.keys(answer.body)).to.deep.equal([
      'totalResults',
      'itemsPerPage',
      'startIndex',
      'schemas',
      'Resources',
    ]);
    expect(answer.body).to.deep.include({
      totalResults: 1,
      startIndex: 1,
      schemas: [LIST_RESPONSE_URN],
    });
  });

  it('AWS-FILTER-USERNAME-CASE: matches userName eq case-insensitively', async () => {
    const id = await client.createUser('Case');
    const answer = await listUsers('userName eq "CASE@EXAMPLE.COM"');
    expect(answer.body.Resources.map((user: { id: string }) => user.id)).to.deep.equal([id]);
    expect((await listUsers('userName eq "nobody"')).body.totalResults).to.equal(0);
  });

  it('AWS-FILTER-USER-ATTRS: filters on externalId, id, and id with manager in either order', async () => {
    const boss = await client.createUser('boss', { externalId: 'B-1' });
    const worker = await client.createUser('worker', {
      schemas: [USER_URN, ENTERPRISE_USER_URN],
      [ENTERPRISE_USER_URN]: { manager: { value: boss } },
    });
    expect((await listUsers('externalId eq "B-1"')).body.Resources[0].id).to.equal(boss);
    expect((await listUsers(`id eq "${worker}"`)).body.totalResults).to.equal(1);
    expect(
      (await listUsers(`id eq "${worker}" and manager eq "${boss}"`)).body.totalResults,
    ).to.equal(1);
    expect(
      (await listUsers(`manager eq "${boss}" and id eq "${worker}"`)).body.totalResults,
    ).to.equal(1);
    expect(
      (await listUsers(`id eq "${boss}" and manager eq "${boss}"`)).body.totalResults,
    ).to.equal(0);
    expect((await listUsers('displayName eq "User boss"')).status).to.equal(400);
  });

  it('AWS-FILTER-EQ-ONLY: refuses co, emails.value eq and or, with the generic 400 and no scimType', async () => {
    await client.createUser('op');
    for (const filter of [
      'userName co "op"',
      'emails.value eq "op@example.com"',
      'userName eq "a" or userName eq "b"',
      'userName eq op',
    ]) {
      const answer = await listUsers(filter);
      expect(answer.status, filter).to.equal(400);
      expect(answer.body.detail).to.equal(AWS_DETAIL.invalidRequest);
      expect(answer.body).not.to.have.property('scimType');
    }
  });

  it('AWS-FILTER-USER-ATTRS: groups.value eq "<gid>" answers that group\'s members only', async () => {
    const [a, b, c] = [
      await client.createUser('a'),
      await client.createUser('b'),
      await client.createUser('c'),
    ];
    const group = await client.createGroup('G', [c, a]);
    const answer = await listUsers(`groups.value eq "${group}"`);
    expect(answer.body.Resources.map((user: { id: string }) => user.id)).to.deep.equal([c, a]);
    expect(answer.body.Resources.map((user: { id: string }) => user.id)).not.to.include(b);
    expect((await listUsers('groups.value eq "no-group"')).body.totalResults).to.equal(0);
  });

  it('AWS-FILTER-GROUP-ATTRS: filters groups on displayName (any case), externalId, id and members.value', async () => {
    const user = await client.createUser('m');
    const first = await client.createGroup('Alpha', [user]);
    await client.post('/Groups', { displayName: 'Beta', externalId: 'b-ext' });
    const third = await client.createGroup('Gamma', [user]);
    expect((await listGroups('displayName eq "ALPHA"')).body.Resources[0].id).to.equal(first);
    expect((await listGroups('externalId eq "b-ext"')).body.Resources[0].displayName).to.equal(
      'Beta',
    );
    expect((await listGroups(`id eq "${third}"`)).body.totalResults).to.equal(1);
    const memberOf = await listGroups(`members.value eq "${user}"`);
    expect(memberOf.body.Resources.map((group: { id: string }) => group.id)).to.deep.equal([
      first,
      third,
    ]);
    expect((await listGroups('description eq "x"')).status).to.equal(400);
  });

  it('AWS-FILTER-MEMBERSHIP-CHECK: id eq and members eq answers 1 for a member and 0 otherwise, in either order', async () => {
    const [member, outsider] = [await client.createUser('in'), await client.createUser('out')];
    const group = await client.createGroup('Check', [member]);
    const one = await listGroups(`id eq "${group}" and members eq "${member}"`);
    expect(one.body.totalResults).to.equal(1);
    expect(one.body.Resources[0]).to.include({ id: group });
    expect(
      (await listGroups(`members eq "${member}" and id eq "${group}"`)).body.totalResults,
    ).to.equal(1);
    expect(
      (await listGroups(`id eq "${group}" and members eq "${outsider}"`)).body.totalResults,
    ).to.equal(0);
  });

  it('AWS-FILTER-MEMBER-EMPTY: members eq "" gets the generic 400', async () => {
    const group = await client.createGroup('Empty');
    const answer = await listGroups(`id eq "${group}" and members eq ""`);
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.equal(AWS_DETAIL.invalidRequest);
  });

  it('AWS-FILTER-MEMBER-UNKNOWN-404: members.value eq naming no user gets 404', async () => {
    const answer = await listGroups('members.value eq "no-such-user"');
    expect(answer.status).to.equal(404);
    expect(answer.body.status).to.equal('404');
  });

  it('AWS-FILTER-MEMBER-UNKNOWN-404: id eq + members eq naming no user gets 404 too', async () => {
    const group = await client.createGroup('Probe');
    for (const filter of [
      `id eq "${group}" and members eq "no-such-user"`,
      `members eq "no-such-user" and id eq "${group}"`,
      'id eq "no-such-group" and members eq "no-such-user"',
    ]) {
      const answer = await listGroups(filter);
      expect(answer.status, filter).to.equal(404);
      expect(answer.body).to.include({ status: '404', detail: AWS_DETAIL.notFound });
    }
    // An unknown group with a real user is no error: the user is in no such group.
    const user = await client.createUser('probe');
    const none = await listGroups(`id eq "no-such-group" and members eq "${user}"`);
    expect(none.status).to.equal(200);
    expect(none.body.totalResults).to.equal(0);
  });

  it('AWS-LIST-CAP: without a cursor returns at most 100 resources, totalResults 100', async () => {
    await createUsers(105);
    const answer = await client.get('/Users');
    expect(answer.body.Resources).to.have.length(100);
    expect(answer.body).to.include({ totalResults: 100, itemsPerPage: 100 });
  });

  it('AWS-LIST-CAP: the legacy profile caps at 50 and ignores ?cursor', async () => {
    const legacy = await startTestMock({ profile: 'aws-legacy' });
    try {
      const legacyClient = ScimTestClient.of(legacy);
      await legacyClient.createUser('old');
      seedUsers(legacy, 54);
      const answer = await legacyClient.get('/Users?cursor&count=100');
      expect(answer.body).to.include({ totalResults: 50, startIndex: 1 });
      expect(answer.body).not.to.have.property('nextCursor');
    } finally {
      await legacy.stop();
    }
  });

  it('AWS-LIST-COUNT: honours count=10 and clamps a larger count to the cap', async () => {
    await createUsers(102);
    expect((await client.get('/Users?count=10')).body.Resources).to.have.length(10);
    expect((await client.get('/Users?count=500')).body.Resources).to.have.length(100);
    expect((await client.get('/Users?count=0')).body.totalResults).to.equal(0);
  });

  it('AWS-LIST-TOTAL-IS-PAGE: totalResults is the number returned, not the number stored', async () => {
    await createUsers(12);
    const answer = await client.get('/Users?count=5');
    expect(answer.body).to.include({ totalResults: 5, itemsPerPage: 5 });
  });

  it('sends a page of several users whole, its Content-Length in bytes of non-ASCII text', async () => {
    for (const name of ['zoë', 'åsa', 'jürgen']) {
      await client.createUser(name, { displayName: `${name} ✓ 名前` });
    }
    const answer = await client.get('/Users');
    expect(answer.headers.get('content-length')).to.equal(String(Buffer.byteLength(answer.text)));
    expect(
      answer.body.Resources.map((user: { displayName: string }) => user.displayName),
    ).to.deep.equal(['zoë ✓ 名前', 'åsa ✓ 名前', 'jürgen ✓ 名前']);
    const cursorPage = await client.get('/Users?cursor&count=2');
    expect(cursorPage.headers.get('content-length')).to.equal(
      String(Buffer.byteLength(cursorPage.text)),
    );
    expect(cursorPage.body.Resources).to.have.length(2);
    expect(cursorPage.body.nextCursor).to.be.a('string');
  });

  it('AWS-LIST-IGNORED-PARAMS: ignores startIndex, attributes, excludedAttributes and sortBy', async () => {
    await createUsers(3);
    const plain = await client.get('/Users');
    const tweaked = await client.get(
      '/Users?startIndex=3&attributes=userName&excludedAttributes=emails&sortBy=userName&sortOrder=descending',
    );
    expect(tweaked.status).to.equal(200);
    expect(tweaked.body).to.deep.equal(plain.body);
  });
});
