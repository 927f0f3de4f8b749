import { expect } from 'chai';

import type { RunningMock } from '../../../mock-server/server.ts';
import { AWS_DETAIL } from '../../../scim/errors.ts';
import { ENTERPRISE_USER_URN, USER_URN } from '../../../scim/urns.ts';
import { ScimTestClient, startTestMock, userBody } from '../scim-test-client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('mock-server/http users', () => {
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

  it('AWS-USER-CREATE-201: creates a user and answers 201 with it', async () => {
    const answer = await client.post('/Users', userBody('ann'));
    expect(answer.status).to.equal(201);
    expect(answer.body).to.include({ userName: 'ann@example.com', displayName: 'User ann' });
    expect((await client.get(`/Users/${answer.body.id}`)).body).to.deep.equal(answer.body);
  });

  it('AWS-USER-META: meta has resourceType, created == lastModified, no location or version', async () => {
    const { body } = await client.post('/Users', userBody('meta'));
    expect(Object.keys(body.meta)).to.deep.equal(['resourceType', 'created', 'lastModified']);
    expect(body.meta.resourceType).to.equal('User');
    expect(body.meta.created).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(body.meta.created).to.equal(body.meta.lastModified);
  });

  it('AWS-USER-META: orders keys id, externalId, meta, schemas, then the attributes', async () => {
    const { body } = await client.post('/Users', { ...userBody('order'), externalId: 'ext-1' });
    expect(Object.keys(body).slice(0, 5)).to.deep.equal([
      'id',
      'externalId',
      'meta',
      'schemas',
      'userName',
    ]);
  });

  it('AWS-ID-FORMAT: gives UUID-like ids, and the legacy shape under idStyle legacy', async () => {
    const { body } = await client.post('/Users', userBody('uuid'));
    expect(body.id).to.match(UUID);
    const legacy = await startTestMock({ profile: 'aws-legacy' });
    try {
      const id = await ScimTestClient.of(legacy).createUser('old');
      expect(id).to.match(/^[0-9a-f]{10}-[0-9a-f]{8}-[0-9a-f]{4}-/);
    } finally {
      await legacy.stop();
    }
  });

  it('AWS-USER-REQUIRED-ATTRS: refuses a user missing userName, displayName, givenName or familyName', async () => {
    const full = userBody('req');
    await expect400({ ...full, userName: undefined });
    await expect400({ ...full, displayName: undefined });
    await expect400({ ...full, name: { givenName: 'G' } });
    await expect400({ ...full, name: { familyName: 'F' } });
    await expect400({ ...full, userName: '' });
  });

  it('AWS-USER-REQUIRED-EMAIL: refuses a user without an email', async () => {
    await expect400({ ...userBody('noemail'), emails: undefined });
  });

  it('AWS-USER-SINGLE-VALUED: refuses two emails or two phone numbers', async () => {
    const twoEmails = [{ value: 'a@x.io' }, { value: 'b@x.io' }];
    await expect400({ ...userBody('two'), emails: twoEmails });
    const phones = [
      { value: '1', type: 'work' },
      { value: '2', type: 'home' },
    ];
    await expect400({ ...userBody('two'), phoneNumbers: phones });
  });

  it('AWS-USER-PRIMARY-EMAIL: refuses primary:false and takes an omitted primary as primary', async () => {
    await expect400({ ...userBody('p'), emails: [{ value: 'p@x.io', primary: false }] });
    const answer = await client.post('/Users', { ...userBody('p'), emails: [{ value: 'p@x.io' }] });
    expect(answer.status).to.equal(201);
    expect(answer.body.emails).to.deep.equal([{ value: 'p@x.io', primary: true }]);
  });

  it('AWS-USER-PRIMARY-EMAIL: with requirePrimaryEmail, refuses an email that omits primary', async () => {
    mock.context.profile.requirePrimaryEmail = true;
    try {
      await expect400({ ...userBody('q'), emails: [{ value: 'q@x.io' }] });
      const sent = { ...userBody('q'), emails: [{ value: 'q@x.io', primary: true }] };
      expect((await client.post('/Users', sent)).status).to.equal(201);
    } finally {
      mock.context.profile.requirePrimaryEmail = false;
    }
  });

  it('AWS-USER-UNSUPPORTED-ATTRS: refuses groups, password, photos and the other unsupported ones', async () => {
    await expect400({ ...userBody('u'), password: 'secret' });
    await expect400({ ...userBody('u'), groups: [{ value: 'g' }] });
    await expect400({ ...userBody('u'), photos: [{ value: 'https://x/p.png' }] });
    await expect400({ ...userBody('u'), entitlements: [{ value: 'e' }] });
  });

  it('AWS-USER-NO-DISPLAY-SUBATTR: refuses display in emails and manager.displayName', async () => {
    await expect400({ ...userBody('d'), emails: [{ value: 'd@x.io', display: 'D' }] });
    await expect400({
      ...userBody('d'),
      schemas: [USER_URN, ENTERPRISE_USER_URN],
      [ENTERPRISE_USER_URN]: { manager: { value: 'm', displayName: 'M' } },
    });
  });

  it('AWS-USER-USERNAME-UNIQUE: answers 409 for a duplicate userName in any case', async () => {
    await client.createUser('dup');
    const other = { emails: [{ value: 'other@x.io' }] };
    for (const userName of ['dup@example.com', 'DUP@Example.COM']) {
      const answer = await client.post('/Users', userBody('dup2', { ...other, userName }));
      expect(answer.status).to.equal(409);
      expect(answer.body.detail).to.equal('Refused to create a new, duplicate resource.');
      expect(answer.body).not.to.have.property('scimType');
    }
  });

  it('AWS-USER-EXTERNALID-UNIQUE: answers 409 for a duplicate externalId', async () => {
    await client.createUser('e1', { externalId: 'X-1' });
    const answer = await client.post('/Users', userBody('e2', { externalId: 'X-1' }));
    expect(answer.status).to.equal(409);
    expect((await client.post('/Users', userBody('e3', { externalId: 'x-1' }))).status).to.equal(
      201,
    );
  });

  it('AWS-USER-EMAIL-UNIQUE: answers 409 for a duplicate primary email', async () => {
    await client.createUser('m1');
    const emails = [{ value: 'M1@example.com', primary: true }];
    expect((await client.post('/Users', userBody('m2', { emails }))).status).to.equal(409);
  });

  it('AWS-USER-RESERVED-NAMES: refuses Administrator and AWSAdministrators as userName', async () => {
    await expect400(userBody('r', { userName: 'Administrator' }));
    await expect400(userBody('r', { userName: 'awsadministrators' }));
  });

  it('AWS-USER-LENGTH-LIMITS: refuses a 129-character userName and a 1025-character displayName', async () => {
    expect(
      (await client.post('/Users', userBody('l', { userName: 'a'.repeat(128) }))).status,
    ).to.equal(201);
    await expect400(userBody('l2', { userName: 'a'.repeat(129) }));
    await expect400(userBody('l3', { displayName: 'd'.repeat(1025) }));
  });

  it('AWS-USER-CONTROL-CHARS: refuses tabs and newlines in strings', async () => {
    await expect400(userBody('c', { displayName: 'a\tb' }));
    await expect400(userBody('c', { title: 'a\nb' }));
  });

  it('AWS-USER-FORBIDDEN-CHARS: refuses <>;:% on POST and PUT, but not in profileUrl', async () => {
    await expect400(userBody('f', { displayName: 'A <B>' }));
    await expect400(userBody('f', { title: 'VP: Sales' }));
    await expect400(userBody('f', { name: { givenName: 'Given', familyName: '100%' } }));
    const url = { profileUrl: 'https://example.com/people?id=f;v=1%20' };
    const created = await client.post('/Users', userBody('f', url));
    expect(created.status, created.text).to.equal(201);
    await expect400(userBody('f', { nickName: 'f;' }), `/Users/${created.body.id}`, 'PUT');
  });

  it('AWS-USER-FORBIDDEN-CHARS: accepts them all when forbiddenCharacters is ""', async () => {
    const open = await startTestMock({ profileOverrides: { forbiddenCharacters: '' } });
    try {
      const answer = await ScimTestClient.of(open).post(
        '/Users',
        userBody('o', { title: '<>;:%' }),
      );
      expect(answer.status, answer.text).to.equal(201);
    } finally {
      await open.stop();
    }
  });

  it('AWS-USER-SCHEMAS-ENTERPRISE: lists the enterprise URN only with enterprise data', async () => {
    const plain = await client.post('/Users', userBody('plain'));
    expect(plain.body.schemas).to.deep.equal([USER_URN]);
    const rich = await client.post('/Users', {
      ...userBody('rich'),
      schemas: [USER_URN, ENTERPRISE_USER_URN],
      [ENTERPRISE_USER_URN]: { department: 'Ops' },
    });
    expect(rich.body.schemas).to.deep.equal([USER_URN, ENTERPRISE_USER_URN]);
    expect(rich.body[ENTERPRISE_USER_URN]).to.deep.equal({ department: 'Ops' });
  });

  it('AWS-USER-MANAGER-VALUE-ONLY: answers 201 and drops manager.$ref', async () => {
    const boss = await client.createUser('boss');
    const answer = await client.post('/Users', {
      ...userBody('worker'),
      schemas: [USER_URN, ENTERPRISE_USER_URN],
      [ENTERPRISE_USER_URN]: { manager: { value: boss, $ref: `../Users/${boss}` } },
    });
    expect(answer.status).to.equal(201);
    expect(answer.body[ENTERPRISE_USER_URN].manager).to.deep.equal({ value: boss });
  });

  it('AWS-USER-ACTIVE-DEFAULT: takes an omitted active as true, or as the profile says', async () => {
    expect((await client.post('/Users', userBody('act'))).body.active).to.equal(true);
    const off = await startTestMock({ profileOverrides: { defaultActive: false } });
    try {
      const answer = await ScimTestClient.of(off).post('/Users', userBody('act'));
      expect(answer.body.active).to.equal(false);
    } finally {
      await off.stop();
    }
  });

  it("AWS-USER-PUT-200: refuses a PUT that takes another user's userName with 409", async () => {
    const first = await client.createUser('first');
    await client.createUser('second');
    const body = userBody('first', { userName: 'SECOND@example.com' });
    expect((await client.put(`/Users/${first}`, body)).status).to.equal(409);
    expect((await client.put(`/Users/${first}`, userBody('first'))).status).to.equal(200);
  });
});
