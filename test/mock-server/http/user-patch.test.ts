import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ENTERPRISE_USER_URN, PATCH_OP_URN } from '../../../scim/urns.ts';
import { ScimTestClient, startTestMock } from '../scim-test-client.ts';

const patchOf = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });

describe('mock-server/http user PATCH', () => {
  let mock: RunningMock;
  let client: ScimTestClient;
  let id: string;

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
  });
  after(async () => mock.stop());
  beforeEach(async () => {
    mock.context.store.reset();
    id = await client.createUser('pat');
  });

  async function expect400(body: unknown, detail: string = AWS_DETAIL.invalidRequest) {
    const answer = await client.patch(`/Users/${id}`, body);
    expect(answer.status, answer.text).to.equal(400);
    expect(answer.body.detail).to.equal(detail);
  }

  it('AWS-PATCH-USER-200: answers 200 with the full user', async () => {
    const answer = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'replace', path: 'active', value: false }),
    );
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({ id, active: false, userName: 'pat@example.com' });
    expect(answer.body.meta.resourceType).to.equal('User');
  });

  it('AWS-PATCH-STRING-BOOLEANS: takes active "false" as false', async () => {
    const answer = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'replace', path: 'active', value: 'false' }),
    );
    expect(answer.body.active).to.equal(false);
  });

  it('AWS-PATCH-OP-CASE: accepts "Replace"', async () => {
    const answer = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'Replace', path: 'displayName', value: 'Renamed' }),
    );
    expect(answer.status).to.equal(200);
    expect(answer.body.displayName).to.equal('Renamed');
  });

  it('AWS-USER-FORBIDDEN-CHARS: refuses a PATCH that adds one; the user is kept', async () => {
    await expect400(patchOf({ op: 'replace', path: 'displayName', value: 'Pat %' }));
    await expect400(patchOf({ op: 'add', value: { title: 'Lead: Ops' } }));
    const user = (await client.get(`/Users/${id}`)).body;
    expect(user.displayName).to.equal('User pat');
    expect(user).not.to.have.property('title');
  });

  it('AWS-PATCH-USERNAME-ACTIVE: refuses two ops on active and a remove of userName', async () => {
    await expect400(
      patchOf(
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'active', value: true },
      ),
    );
    await expect400(patchOf({ op: 'remove', path: 'userName' }));
  });

  it('AWS-PATCH-REMOVE-NEEDS-PATH: refuses a remove without path', async () => {
    await expect400(patchOf({ op: 'remove' }));
  });

  it('AWS-PATCH-VALUE-REQUIRED: refuses an add without value', async () => {
    await expect400(patchOf({ op: 'add', path: 'title' }));
  });

  it('AWS-PATCH-NO-PATH-SINGLE: takes a no-path {active:false}, refuses two attributes', async () => {
    const answer = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'replace', value: { active: false } }),
    );
    expect(answer.status).to.equal(200);
    expect(answer.body.active).to.equal(false);
    await expect400(
      patchOf({ op: 'replace', value: { displayName: 'A', title: 'B' } }),
      AWS_DETAIL.patchNoPath,
    );
  });

  it('AWS-PATCH-SHAPE: refuses a body without PatchOp schemas or Operations', async () => {
    await expect400({ Operations: [{ op: 'replace', path: 'title', value: 'x' }] });
    await expect400({ schemas: [PATCH_OP_URN] });
  });

  it('AWS-PATCH-USER-ATTRS: refuses a path outside the patchable attributes', async () => {
    await expect400(patchOf({ op: 'replace', path: 'id', value: 'other' }));
    await expect400(patchOf({ op: 'add', path: 'groups', value: [{ value: 'g' }] }));
  });

  it('AWS-PATCH-VALUE-FILTER: patches emails[type eq "work"].value and enterprise URN paths', async () => {
    const answer = await client.patch(
      `/Users/${id}`,
      patchOf(
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@example.com' },
        { op: 'add', path: `${ENTERPRISE_USER_URN}:department`, value: 'Ops' },
      ),
    );
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.emails[0].value).to.equal('new@example.com');
    expect(answer.body[ENTERPRISE_USER_URN]).to.deep.equal({ department: 'Ops' });
    expect(answer.body.schemas).to.include(ENTERPRISE_USER_URN);
  });

  it('AWS-PATCH-USER-SINGLE-VALUED: the patched user must still meet every create rule', async () => {
    await expect400(
      patchOf({ op: 'add', path: 'phoneNumbers', value: [{ value: '1' }, { value: '2' }] }),
    );
    await expect400(patchOf({ op: 'replace', path: 'displayName', value: 'tab\there' }));
    await expect400(patchOf({ op: 'replace', path: 'userName', value: 'Administrator' }));
    await expect400(patchOf({ op: 'remove', path: 'emails' }));
    expect((await client.get(`/Users/${id}`)).body.displayName).to.equal('User pat');
  });

  it("AWS-USER-USERNAME-UNIQUE: a PATCH onto another user's userName gets 409", async () => {
    await client.createUser('taken');
    const answer = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'replace', path: 'userName', value: 'TAKEN@example.com' }),
    );
    expect(answer.status).to.equal(409);
    const own = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'replace', path: 'userName', value: 'PAT@example.com' }),
    );
    expect(own.status).to.equal(200);
  });

  it('updates lastModified and keeps created', async () => {
    const before = (await client.get(`/Users/${id}`)).body.meta;
    const after = await client.patch(
      `/Users/${id}`,
      patchOf({ op: 'replace', path: 'title', value: 'Boss' }),
    );
    expect(after.body.meta.created).to.equal(before.created);
    expect(after.body.title).to.equal('Boss');
  });
});
