// checkConsistency() must pass on a store used through the API, and must name each kind of
// corruption it exists to catch; otherwise the load test's consistency check could not fail.
import { expect } from 'chai';

import type { KeyIndex } from '../../mock-server/store/key-index.ts';
import type { OrderedIds } from '../../mock-server/store/ordered-ids.ts';
import { checkConsistency } from './consistency.ts';
import { scim, startTwoTenants, type TwoTenants } from './two-tenants.ts';

describe('reliability: checkConsistency', () => {
  let setup: TwoTenants;
  const tenants = () => [setup.target.tenantId, setup.target.otherTenantId];
  const data = () => setup.mock.context.store.tenant(setup.target.tenantId);

  beforeEach(async () => {
    setup = await startTwoTenants();
  });
  afterEach(async () => setup.mock.stop());

  it('finds nothing wrong after creates, patches and deletes through the API', async () => {
    const { mock, target } = setup;
    await scim(mock, target.tenantId, target.token, 'DELETE', `/Users/${target.userIds[0]}`);
    await scim(mock, target.tenantId, target.token, 'DELETE', `/Groups/${target.groupIds[1]}`);
    expect(checkConsistency(mock.context.store, tenants())).to.deep.equal([]);
  });

  it('reports a user document missing behind its ordered id', () => {
    const byId = (data().users as unknown as { byId: Map<string, unknown> }).byId;
    byId.delete(setup.target.userIds[1]);
    const problems = checkConsistency(setup.mock.context.store, tenants());
    expect(problems.join('\n')).to.include(`ordered id ${setup.target.userIds[1]} has no document`);
  });

  it('reports an index entry pointing at a user that does not hold the key', () => {
    const indexes = (data().users as unknown as { indexes: Map<string, { index: KeyIndex }> })
      .indexes;
    const holder = data().users.get(setup.target.userIds[2])!;
    indexes.get('userName')!.index.add('ghost@example.com', holder);
    const problems = checkConsistency(setup.mock.context.store, tenants());
    expect(problems.join('\n')).to.include("'ghost@example.com'");
  });

  it('reports a membership kept on one side only, and one naming a deleted user', () => {
    const sides = data().memberships as unknown as { groupsByUser: Map<string, OrderedIds> };
    sides.groupsByUser.delete(setup.target.userIds[3]);
    (data().users as unknown as { byId: Map<string, unknown> }).byId.delete(
      setup.target.userIds[4],
    );
    const problems = checkConsistency(setup.mock.context.store, tenants()).join('\n');
    expect(problems).to.include(`→ ${setup.target.userIds[3]} has no reverse entry`);
    expect(problems).to.include(`→ ${setup.target.userIds[4]}, which does not exist`);
  });
});
