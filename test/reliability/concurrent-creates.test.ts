// Issue 5: many concurrent creates of the same userName (in varying case) or group displayName
// give exactly one 201 and 409 for the rest, and the store ends with exactly one resource.
import { expect } from 'chai';

import { filterQuery } from './list-query.ts';
import { checkConsistency } from './consistency.ts';
import { scim, startTwoTenants, userBody, type TwoTenants } from './two-tenants.ts';

const N = 50;

/** `name` with the case of each letter flipped by the bits of `variant`. */
function caseVariant(name: string, variant: number): string {
  return [...name]
    .map((char, i) => ((variant >> (i % 16)) & 1 ? char.toUpperCase() : char.toLowerCase()))
    .join('');
}

function statuses(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('reliability: concurrent duplicate creates', function () {
  this.timeout(60_000);
  let setup: TwoTenants;
  const call = (method: string, path: string, body?: unknown) =>
    scim(setup.mock, setup.target.tenantId, setup.target.token, method, path, body);

  before(async () => {
    setup = await startTwoTenants();
  });
  after(async () => setup.mock.stop());

  it(`AWS-USER-USERNAME-UNIQUE: ${N} racing creates of one userName give one 201`, async () => {
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        // Distinct emails and externalIds, so that only the userName can clash.
        const body = {
          ...userBody(`race-user-${i}`),
          userName: caseVariant('Race.User@Example.com', i * 7919),
        };
        return call('POST', '/Users', body);
      }),
    );
    expect(statuses(answers)).to.deep.equal({ 201: 1, 409: N - 1 });
    const listed = await call(
      'GET',
      `/Users?${filterQuery('userName eq "race.user@example.com"')}`,
    );
    expect(listed.body.totalResults).to.equal(1);
    const created = answers.find((answer) => answer.status === 201)!;
    expect(listed.body.Resources[0].id).to.equal(created.body.id);
  });

  it(`AWS-GROUP-DISPLAYNAME-UNIQUE: ${N} racing group creates give one 201`, async () => {
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call('POST', '/Groups', {
          displayName: caseVariant('Race Group', i * 7919),
          externalId: `race-${i}`,
        }),
      ),
    );
    expect(statuses(answers)).to.deep.equal({ 201: 1, 409: N - 1 });
    const listed = await call('GET', `/Groups?${filterQuery('displayName eq "RACE GROUP"')}`);
    expect(listed.body.totalResults).to.equal(1);
  });

  it('leaves the indexes consistent after the races', () => {
    const { mock, target } = setup;
    expect(
      checkConsistency(mock.context.store, [target.tenantId, target.otherTenantId]),
    ).to.deep.equal([]);
  });
});
