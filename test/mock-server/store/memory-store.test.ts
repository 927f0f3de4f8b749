import { expect } from 'chai';

import type { StateSnapshot } from '../../../mock-server/context.ts';
import { MemoryStore } from '../../../mock-server/store/memory-store.ts';
import { MemoryTenantRegistry } from '../../../mock-server/tenants.ts';
import { ConfigError } from '../../../scim/errors.ts';
import { FakeClock } from '../fake-clock.ts';

function setup() {
  const clock = new FakeClock();
  const registry = new MemoryTenantRegistry(clock, {
    maxTokensPerTenant: 2,
    tokenLifetimeMonths: 1,
  });
  return { registry, store: new MemoryStore(registry, clock) };
}

function resource(id: string, doc: Record<string, unknown>) {
  return { id, created: '2026-01-01T00:00:00Z', lastModified: '2026-01-01T00:00:00Z', doc };
}

describe('mock-server/store/memory-store', () => {
  it('round-trips tenants, hashed tokens, users in order, groups and memberships', () => {
    const { registry, store } = setup();
    registry.createTenant('t1');
    registry.issueToken('t1', 'tok');
    const data = store.tenant('t1');
    data.users.insert(resource('u2', { userName: 'b' }));
    data.users.insert(resource('u1', { userName: 'a' }));
    data.groups.insert(resource('g1', { displayName: 'G' }));
    data.memberships.add('g1', 'u1');
    const snapshot = store.exportSnapshot();
    expect(JSON.stringify(snapshot)).not.to.contain('"tok"');

    const copy = setup();
    copy.store.importSnapshot(JSON.parse(JSON.stringify(snapshot)) as StateSnapshot);
    const restored = copy.store.tenant('t1');
    expect(restored.users.values().map((u) => u.id)).to.deep.equal(['u2', 'u1']);
    expect(restored.users.lookup('userName', 'A')[0].id).to.equal('u1');
    expect(restored.memberships.has('g1', 'u1')).to.equal(true);
    expect(copy.registry.authenticate('t1', 'Bearer tok').ok).to.equal(true);
  });

  it('refuses a malformed snapshot and keeps what it held', () => {
    const { registry, store } = setup();
    registry.createTenant('t1');
    store.tenant('t1').users.insert(resource('u1', { userName: 'a' }));
    const bad = { version: 1, savedAt: 'x', tenants: [{ tenantId: 't2', tokens: [] }] };
    expect(() => store.importSnapshot(bad as StateSnapshot)).to.throw(ConfigError, /users/);
    const repeated = store.exportSnapshot();
    const tenant = repeated.tenants[0] as { users: unknown[] };
    tenant.users.push(tenant.users[0]);
    expect(() => store.importSnapshot(repeated)).to.throw(ConfigError, /repeats user/);
    expect(store.tenant('t1').users.get('u1')).to.not.equal(undefined);
  });

  it('resets data but keeps tenants, and drops the data of a deleted tenant', () => {
    const { registry, store } = setup();
    registry.createTenant('t1');
    store.tenant('t1').users.insert(resource('u1', { userName: 'a' }));
    store.reset();
    expect(store.tenant('t1').users.size).to.equal(0);
    registry.deleteTenant('t1');
    expect(() => store.tenant('t1')).to.throw(/unknown tenant/);
  });
});
