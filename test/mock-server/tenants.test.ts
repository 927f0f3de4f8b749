import { expect } from 'chai';

import { HarnessError } from '../../scim/errors.ts';
import { MemoryTenantRegistry } from '../../mock-server/tenants.ts';
import { FakeClock } from './fake-clock.ts';

function registry(clock = new FakeClock()) {
  return new MemoryTenantRegistry(clock, { maxTokensPerTenant: 2, tokenLifetimeDays: 365 });
}

describe('mock-server/tenants', () => {
  it('creates AWS-like tenant ids and accepts a given one once', () => {
    const tenants = registry();
    const generated = tenants.createTenant();
    expect(generated).to.match(/^[0-9a-z]{11}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(tenants.createTenant('t1')).to.equal('t1');
    expect(tenants.createTenant('t1')).to.equal('t1');
    expect(tenants.listTenants()).to.deep.equal([generated, 't1']);
    expect(() => tenants.createTenant('a/b')).to.throw(HarnessError, /not usable/);
  });

  it('AWS-AUTH-BEARER-401: accepts the issued bearer token only', () => {
    const tenants = registry();
    tenants.createTenant('t1');
    const { secret, record } = tenants.issueToken('t1');
    expect(secret).to.match(/^[0-9a-f-]{36}:[0-9a-f-]{36}:[A-Za-z0-9+/=]+$/);
    expect(tenants.authenticate('t1', `Bearer ${secret}`)).to.deep.equal({
      ok: true,
      tenantId: 't1',
      tokenId: record.id,
    });
    expect(tenants.authenticate('t1', `bearer ${secret}`).ok).to.equal(true);
    expect(tenants.authenticate('t1', undefined)).to.deep.equal({ ok: false, reason: 'no-token' });
    expect(tenants.authenticate('t1', `Basic ${secret}`)).to.include({ reason: 'no-token' });
    expect(tenants.authenticate('t1', 'Bearer nope')).to.include({ reason: 'bad-token' });
    expect(tenants.authenticate('t2', `Bearer ${secret}`)).to.include({
      reason: 'unknown-tenant',
    });
  });

  it('AWS-AUTH-TOKEN-LIMIT: counts an expired token until it is revoked', () => {
    const tenants = registry();
    tenants.createTenant('t1');
    const first = tenants.issueToken('t1', 'one');
    tenants.issueToken('t1', 'two');
    tenants.expireToken('t1', first.record.id);
    expect(tenants.authenticate('t1', 'Bearer one')).to.include({ reason: 'expired' });
    expect(() => tenants.issueToken('t1', 'three')).to.throw(HarnessError, /expired ones included/);
    tenants.revokeToken('t1', first.record.id);
    expect(tenants.issueToken('t1', 'three').secret).to.equal('three');
  });

  it('AWS-AUTH-TOKEN-LIMIT: refuses a third live token until one is revoked', () => {
    const tenants = registry();
    tenants.createTenant('t1');
    const first = tenants.issueToken('t1', 'one');
    tenants.issueToken('t1', 'two');
    expect(() => tenants.issueToken('t1', 'three')).to.throw(HarnessError, /AWS-AUTH-TOKEN-LIMIT/);
    expect(tenants.revokeToken('t1', first.record.id)).to.equal(true);
    expect(tenants.authenticate('t1', 'Bearer one')).to.include({ reason: 'revoked' });
    expect(tenants.issueToken('t1', 'three').secret).to.equal('three');
    expect(() => tenants.issueToken('t1', 'two')).to.throw(HarnessError);
  });

  it('AWS-AUTH-TOKEN-EXPIRY: a token expires after the profile lifetime, by the clock', () => {
    const clock = new FakeClock();
    const tenants = registry(clock);
    tenants.createTenant('t1');
    const { record } = tenants.issueToken('t1', 'tok');
    expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).to.equal(365 * 86_400_000);
    clock.advanceDays(364);
    expect(tenants.authenticate('t1', 'Bearer tok').ok).to.equal(true);
    clock.advanceDays(1);
    expect(tenants.authenticate('t1', 'Bearer tok')).to.include({ reason: 'expired' });
    tenants.issueToken('t1', 'tok2');
    expect(tenants.expireToken('t1', tenants.listTokens('t1')[1].id)).to.equal(true);
    expect(tenants.authenticate('t1', 'Bearer tok2')).to.include({ reason: 'expired' });
  });

  it('exports hashes, never secrets, and restores them', () => {
    const tenants = registry();
    tenants.createTenant('t1');
    tenants.issueToken('t1', 'secret-value');
    const exported = tenants.exportTokens('t1');
    expect(JSON.stringify(exported)).not.to.contain('secret-value');
    const other = registry();
    other.restoreTenant('t1', exported);
    expect(other.authenticate('t1', 'Bearer secret-value').ok).to.equal(true);
  });
});
