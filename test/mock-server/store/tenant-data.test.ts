import { expect } from 'chai';

import { TenantData } from '../../../mock-server/store/tenant-data.ts';
import type { ScimDoc } from '../../../mock-server/store/types.ts';

function user(id: string, doc: ScimDoc) {
  return { id, created: 'c', lastModified: 'c', doc };
}

describe('mock-server/store/tenant-data', () => {
  it('indexes userName and email case-insensitively and externalId exactly', () => {
    const data = new TenantData('t1');
    data.users.insert(
      user('u1', { userName: 'Ann@Example.com', externalId: 'X1', emails: [{ value: 'A@x.io' }] }),
    );
    expect(data.users.lookup('userName', 'ann@example.COM').map((u) => u.id)).to.deep.equal(['u1']);
    expect(data.users.lookup('email', 'a@X.IO')).to.have.length(1);
    expect(data.users.lookup('externalId', 'x1')).to.have.length(0);
    expect(data.users.taken('userName', { userName: 'ANN@example.com' })).to.equal(true);
    expect(data.users.taken('userName', { userName: 'ann@example.com' }, 'u1')).to.equal(false);
  });

  it('re-indexes a replaced document and keeps its place in the order', () => {
    const data = new TenantData('t1');
    data.users.insert(user('u1', { userName: 'a' }));
    data.users.insert(user('u2', { userName: 'b' }));
    data.users.replace(user('u1', { userName: 'c' }));
    expect(data.users.lookup('userName', 'a')).to.have.length(0);
    expect(data.users.lookup('userName', 'c')).to.have.length(1);
    expect(data.users.values().map((u) => u.id)).to.deep.equal(['u1', 'u2']);
  });

  it('AWS-USER-DELETE-MEMBERSHIPS: deleting a user drops it from every group, both ways', () => {
    const data = new TenantData('t1');
    data.users.insert(user('u1', { userName: 'a' }));
    data.groups.insert(user('g1', { displayName: 'G1' }));
    data.groups.insert(user('g2', { displayName: 'G2' }));
    data.memberships.add('g1', 'u1');
    data.memberships.add('g2', 'u1');
    expect(data.deleteUser('u1')).to.deep.equal(['g1', 'g2']);
    expect(data.memberships.membersOf('g1').size).to.equal(0);
    expect(data.memberships.groupsOf('u1').size).to.equal(0);
    expect(data.deleteUser('u1')).to.equal(undefined);
  });

  it('AWS-PATCH-MEMBER-IDEMPOTENT: adding twice or removing a non-member changes nothing', () => {
    const data = new TenantData('t1');
    expect(data.memberships.add('g1', 'u1')).to.equal(true);
    expect(data.memberships.add('g1', 'u1')).to.equal(false);
    expect(data.memberships.remove('g1', 'u2')).to.equal(false);
    expect([...data.memberships.membersOf('g1').values()]).to.deep.equal(['u1']);
  });
});
