import { expect } from 'chai';
import fc from 'fast-check';

import type { RunningMock } from '../../../mock-server/server.ts';
import { GROUP_URN, PATCH_OP_URN, USER_URN } from '../../../scim/urns.ts';
import { ScimTestClient, filterQuery, startTestMock, userBody } from '../scim-test-client.ts';

/** JSON values shaped a little like SCIM bodies, so the checks get past the first door. */
const scimish = fc.oneof(
  fc.jsonValue(),
  fc.record({ schemas: fc.constant([USER_URN]), userName: fc.jsonValue(), name: fc.jsonValue() }),
  fc.record({ displayName: fc.jsonValue(), members: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
  fc.record({
    schemas: fc.constant([PATCH_OP_URN]),
    Operations: fc.array(
      fc.record({
        op: fc.string(),
        path: fc.oneof(fc.string(), fc.constant('members')),
        value: fc.jsonValue(),
      }),
      { maxLength: 3 },
    ),
  }),
);

describe('mock-server/http robustness', () => {
  let mock: RunningMock;
  let client: ScimTestClient;
  let userId: string;
  let groupId: string;

  before(async () => {
    mock = await startTestMock();
    client = ScimTestClient.of(mock);
    userId = await client.createUser('fixed');
    groupId = (await client.post('/Groups', { schemas: [GROUP_URN], displayName: 'Fixed' })).body
      .id;
  });
  after(async () => mock.stop());

  it('AWS-ERROR-INTERNAL-500: answers below 500 for any request body', async () => {
    const targets = () => [
      ['POST', '/Users'],
      ['PUT', `/Users/${userId}`],
      ['PATCH', `/Users/${userId}`],
      ['POST', '/Groups'],
      ['PUT', `/Groups/${groupId}`],
      ['PATCH', `/Groups/${groupId}`],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets()), scimish, async ([method, path], body) => {
        const answer = await client.call(method, path, body);
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).to.be.below(500);
      }),
      { numRuns: 150 },
    );
  });

  it('AWS-ERROR-INTERNAL-500: answers below 500 for any filter, cursor, count or malformed path', async () => {
    const query = fc.record({
      filter: fc.oneof(fc.string(), fc.constant('id eq "x" and members eq "y"')),
      cursor: fc.oneof(fc.string(), fc.base64String()),
      count: fc.oneof(fc.string(), fc.integer().map(String)),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/Users', '/Groups'), query, async (path, params) => {
        const search = [
          filterQuery(params.filter),
          `cursor=${encodeURIComponent(params.cursor)}`,
          `count=${encodeURIComponent(params.count)}`,
        ].join('&');
        const answer = await client.get(`${path}?${search}`);
        expect(answer.status, `${path}?${search}`).to.be.below(500);
      }),
      { numRuns: 150 },
    );
    for (const path of ['/Users/%E0%A4%A', '/Users/%', '/Groups/%zz']) {
      expect((await client.get(path)).status, path).to.equal(400);
    }
    expect((await client.post('/Users', userBody('still-fine'))).status).to.equal(201);
  });

  it('AWS-USER-ATTR-TYPES: refuses a number for userName and the string "true" for active on POST and PUT', async () => {
    expect((await client.post('/Users', userBody('t1', { userName: 42 }))).status).to.equal(400);
    expect((await client.post('/Users', userBody('t2', { active: 'true' }))).status).to.equal(400);
    expect(
      (await client.put(`/Users/${userId}`, userBody('fixed', { active: 'true' }))).status,
    ).to.equal(400);
  });

  it('AWS-GROUP-ATTRS: refuses a group with description or a non-string displayName', async () => {
    expect((await client.post('/Groups', { displayName: 'D', description: 'x' })).status).to.equal(
      400,
    );
    expect((await client.post('/Groups', { displayName: 7 })).status).to.equal(400);
  });

  it('AWS-PATCH-MEMBER-VALUE: refuses a member without a non-empty string value', async () => {
    for (const value of [[{ value: '' }], [{ value: 3 }], ['plain-string'], [{}]]) {
      const answer = await client.patch(`/Groups/${groupId}`, {
        schemas: [PATCH_OP_URN],
        Operations: [{ op: 'add', path: 'members', value }],
      });
      expect(answer.status, JSON.stringify(value)).to.equal(400);
    }
  });
});
