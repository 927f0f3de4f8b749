// Issue 5, security: a token of one tenant never reaches another tenant's data, through the
// base URL, list filters, cursors, resource ids or member ids; refusals change no state.
import { expect } from 'chai';

import type { StateSnapshot } from '../../mock-server/context.ts';
import { filterQuery } from './list-query.ts';
import { patchOp } from './generators/bad-request.ts';
import { scim, startTwoTenants, userBody, type TwoTenants } from './two-tenants.ts';

const withoutSavedAt = ({ savedAt: _savedAt, ...rest }: StateSnapshot) => rest;

describe('reliability: no cross-tenant reach', function () {
  this.timeout(30_000);
  let setup: TwoTenants;
  let before: StateSnapshot;
  /** A request of tenant A, with tenant A's token, naming things of tenant B. */
  const asA = (method: string, path: string, body?: unknown) =>
    scim(setup.mock, setup.target.tenantId, setup.target.token, method, path, body);

  beforeEach(async () => {
    setup = await startTwoTenants();
    before = await setup.mock.admin.exportState();
  });
  afterEach(async () => {
    expect(withoutSavedAt(await setup.mock.admin.exportState())).to.deep.equal(
      withoutSavedAt(before),
    );
    await setup.mock.stop();
  });

  it("AWS-AUTH-BEARER-401: refuses A's token on B's base URL, for reads and writes", async () => {
    const { mock, target } = setup;
    const asAOnB = (method: string, path: string, body?: unknown) =>
      scim(mock, target.otherTenantId, target.token, method, path, body);
    expect((await asAOnB('GET', '/Users')).status).to.equal(401);
    expect((await asAOnB('GET', `/Users/${target.otherUserIds[0]}`)).status).to.equal(401);
    expect((await asAOnB('POST', '/Users', userBody('intruder'))).status).to.equal(401);
    expect((await asAOnB('DELETE', `/Groups/${target.otherGroupIds[0]}`)).status).to.equal(401);
    expect((await asAOnB('GET', '/ServiceProviderConfig')).status).to.equal(401);
  });

  it("finds none of B's resources through A's list filters", async () => {
    const [bUser] = setup.target.otherUserIds;
    const [bGroup] = setup.target.otherGroupIds;
    const empty = [
      `/Users?${filterQuery(`id eq "${bUser}"`)}`,
      `/Users?${filterQuery('userName eq "b-u0@example.com"')}`,
      `/Users?${filterQuery(`groups.value eq "${bGroup}"`)}`,
      `/Groups?${filterQuery(`id eq "${bGroup}"`)}`,
      `/Groups?${filterQuery('displayName eq "b group 0"')}`,
    ];
    for (const path of empty) {
      const answer = await asA('GET', path);
      expect(answer.status, path).to.equal(200);
      expect(answer.body.Resources, path).to.deep.equal([]);
    }
    // AWS-FILTER-MEMBER-UNKNOWN-404: B's user is no user of A, in either member filter.
    for (const filter of [
      `members.value eq "${bUser}"`,
      `id eq "${bGroup}" and members eq "${bUser}"`,
    ]) {
      expect((await asA('GET', `/Groups?${filterQuery(filter)}`)).status, filter).to.equal(404);
    }
  });

  it("AWS-CURSOR-INVALID: refuses B's cursor on A's list with 400", async () => {
    const answer = await asA(
      'GET',
      `/Users?cursor=${encodeURIComponent(setup.target.cursors.otherUsers)}`,
    );
    expect(answer.status).to.equal(400);
    expect(answer.body.status).to.equal('400');
  });

  it("answers 404 for B's ids on every method under A's base", async () => {
    const [bUser] = setup.target.otherUserIds;
    const [bGroup] = setup.target.otherGroupIds;
    const calls: [string, string, unknown?][] = [
      ['GET', `/Users/${bUser}`],
      ['PUT', `/Users/${bUser}`, userBody('replaced')],
      ['PATCH', `/Users/${bUser}`, patchOp([{ op: 'replace', path: 'displayName', value: 'x' }])],
      ['DELETE', `/Users/${bUser}`],
      ['GET', `/Groups/${bGroup}`],
      ['PUT', `/Groups/${bGroup}`, { displayName: 'replaced' }],
      ['PATCH', `/Groups/${bGroup}`, patchOp([{ op: 'replace', path: 'displayName', value: 'x' }])],
      ['DELETE', `/Groups/${bGroup}`],
    ];
    for (const [method, path, body] of calls) {
      expect((await asA(method, path, body)).status, `${method} ${path}`).to.equal(404);
    }
  });

  it("refuses B's users as members of A's groups, on create and on PATCH", async () => {
    const [bUser] = setup.target.otherUserIds;
    const create = await asA('POST', '/Groups', {
      displayName: 'mixed',
      members: [{ value: bUser }],
    });
    expect(create.status).to.equal(404);
    const add = patchOp([{ op: 'add', path: 'members', value: [{ value: bUser }] }]);
    expect((await asA('PATCH', `/Groups/${setup.target.groupIds[2]}`, add)).status).to.equal(404);
  });

  it("refuses A's token on B's tenant routes of the admin side", async () => {
    const url = `${setup.mock.origin}/_admin/v1/tenants/${setup.target.otherTenantId}/tokens`;
    const answer = await fetch(url, { headers: { authorization: `Bearer ${setup.target.token}` } });
    expect(answer.status).to.equal(401);
    expect(await answer.text()).not.to.include('sha256');
  });
});
