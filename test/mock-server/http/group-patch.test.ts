import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { PATCH_OP_URN } from '../../../scim/urns.ts';
import { ScimTestClient, filterQuery, startTestMock } from '../scim-test-client.ts';

const patchOf = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });
const values = (ids: string[]) => ids.map((value) => ({ value }));

describe('mock-server/http group PATCH', () => {
  let mock: RunningMock;
  let client: ScimTestClient;
  let group: string;
  let users: string[];

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());
  beforeEach(async () => {
    mock.context.store.reset();
    group = await client.createGroup('Team');
    users = [await client.createUser('a'), await client.createUser('b')];
  });

  const members = () => [...mock.context.store.tenant('t1').memberships.membersOf(group).values()];

  async function expect400(body: unknown, detail: string = AWS_DETAIL.invalidRequest) {
    const answer = await client.patch(`/Groups/${group}`, body);
    expect(answer.status, answer.text).to.equal(400);
    expect(answer.body.detail).to.equal(detail);
  }

  it('AWS-PATCH-GROUP-204: adds 2 members and answers 204 with no body', async () => {
    const answer = await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'add', path: 'members', value: values(users) }),
    );
    expect(answer.status).to.equal(204);
    expect(answer.text).to.equal('');
    expect(members()).to.deep.equal(users);
  });

  it('AWS-USER-FORBIDDEN-CHARS: refuses <>;:% in displayName or externalId', async () => {
    await expect400(patchOf({ op: 'replace', path: 'displayName', value: 'Team>' }));
    await expect400(patchOf({ op: 'replace', path: 'externalId', value: 'ext:1' }));
    await expect400(patchOf({ op: 'replace', value: { externalId: 'ext%1' } }));
    const answer = await client.get(`/Groups/${group}`);
    expect(answer.body.displayName).to.equal('Team');
    expect(answer.body).not.to.have.property('externalId');
  });

  it('AWS-PATCH-GROUP-204: removes through path members and through members[value eq]', async () => {
    await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'add', path: 'members', value: values(users) }),
    );
    const first = await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'remove', path: 'members', value: values([users[0]]) }),
    );
    expect(first.status).to.equal(204);
    const second = await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'remove', path: `members[value eq "${users[1]}"]` }),
    );
    expect(second.status).to.equal(204);
    expect(members()).to.deep.equal([]);
  });

  it('AWS-PATCH-MEMBER-IDEMPOTENT: adding a member twice or removing a non-member is no error', async () => {
    const add = patchOf({ op: 'add', path: 'members', value: values([users[0]]) });
    expect((await client.patch(`/Groups/${group}`, add)).status).to.equal(204);
    expect((await client.patch(`/Groups/${group}`, add)).status).to.equal(204);
    const remove = patchOf({ op: 'remove', path: 'members', value: values([users[1]]) });
    expect((await client.patch(`/Groups/${group}`, remove)).status).to.equal(204);
    expect(members()).to.deep.equal([users[0]]);
  });

  it('AWS-GROUP-MEMBER-UNKNOWN-404: adding a member that is no user gets 404 and changes nothing', async () => {
    const answer = await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'add', path: 'members', value: values([users[0], 'ghost']) }),
    );
    expect(answer.status).to.equal(404);
    expect(members()).to.deep.equal([]);
  });

  it('AWS-PATCH-MEMBERS-MAX: refuses 101 membership changes', async () => {
    const many = Array.from({ length: 101 }, (_, index) => `u${index}`);
    await expect400(patchOf({ op: 'add', path: 'members', value: values(many) }));
  });

  it('AWS-PATCH-NO-REPLACE-MEMBERS: refuses replace on members', async () => {
    await expect400(
      patchOf({ op: 'replace', path: 'members', value: values(users) }),
      AWS_DETAIL.replaceMembers,
    );
  });

  it('AWS-PATCH-NO-REMOVE-ALL: refuses remove on members without a value', async () => {
    await expect400(patchOf({ op: 'remove', path: 'members' }));
  });

  it('AWS-PATCH-GROUP-ATTRS: refuses a path such as description', async () => {
    await expect400(patchOf({ op: 'replace', path: 'description', value: 'x' }));
  });

  it('AWS-PATCH-NO-PATH-SINGLE: takes a no-path replace {id, displayName} and renames the group', async () => {
    const answer = await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'replace', value: { id: group, displayName: 'New' } }),
    );
    expect(answer.status).to.equal(204);
    expect((await client.get(`/Groups/${group}`)).body.displayName).to.equal('New');
    const old = await client.get(`/Groups?${filterQuery('displayName eq "Team"')}`);
    expect(old.body.totalResults).to.equal(0);
  });

  it("AWS-GROUP-DISPLAYNAME-UNIQUE: a rename onto another group's name gets 409", async () => {
    await client.createGroup('Other');
    const answer = await client.patch(
      `/Groups/${group}`,
      patchOf({ op: 'replace', path: 'displayName', value: 'OTHER' }),
    );
    expect(answer.status).to.equal(409);
  });

  it('replaces displayName and externalId in one request, as ssosync sends it', async () => {
    const answer = await client.patch(
      `/Groups/${group}`,
      patchOf(
        { op: 'replace', path: 'displayName', value: 'Renamed' },
        { op: 'replace', path: 'externalId', value: 'ext-9' },
      ),
    );
    expect(answer.status).to.equal(204);
    expect((await client.get(`/Groups/${group}`)).body).to.include({
      displayName: 'Renamed',
      externalId: 'ext-9',
    });
  });
});
