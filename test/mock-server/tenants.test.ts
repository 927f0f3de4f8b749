import { expect } from 'chai';

import { HarnessError } from '../../scim/errors.ts';
import { MemoryTenantRegistry, addUtcMonths } from '../../mock-server/tenants.ts';
import { FakeClock } from './fake-clock.ts';

function registry(clock = new FakeClock()) {
  return new MemoryTenantRegistry(clock, { maxTokensPerTenant: 2, tokenLifetimeMonths: 12 });
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

  it('AWS-AUTH-TOKEN-EXPIRY: a token expires a calendar year after it was made', () => {
    // A year that spans Feb 29, 2028: 366 days, so a 365-day token would die a day early.
    const clock = new FakeClock(new Date('2027-06-01T10:00:00.000Z'));
    const tenants = registry(clock);
    tenants.createTenant('t1');
    const { record } = tenants.issueToken('t1', 'tok');
    expect(record).to.include({
      createdAt: '2027-06-01T10:00:00.000Z',
      expiresAt: '2028-06-01T10:00:00.000Z',
    });
    clock.advanceDays(365);
    expect(tenants.authenticate('t1', 'Bearer tok').ok).to.equal(true);
    clock.advanceDays(1);
    expect(tenants.authenticate('t1', 'Bearer tok')).to.include({ reason: 'expired' });
    tenants.issueToken('t1', 'tok2');
    expect(tenants.expireToken('t1', tenants.listTokens('t1')[1].id)).to.equal(true);
    expect(tenants.authenticate('t1', 'Bearer tok2')).to.include({ reason: 'expired' });
  });

  it('AWS-AUTH-TOKEN-EXPIRY: a token made on Feb 29 expires on the last day of February', () => {
    const clock = new FakeClock(new Date('2028-02-29T23:30:00.000Z'));
    const tenants = registry(clock);
    const { record } = tenants.issueToken(tenants.createTenant('t1'), 'tok');
    expect(record.expiresAt).to.equal('2029-02-28T23:30:00.000Z');
  });

  it('AWS-AUTH-TOKEN-EXPIRY: counts calendar months in UTC, clamped to the month end', () => {
    const at = (iso: string, months: number) => addUtcMonths(new Date(iso), months).toISOString();
    expect(at('2026-01-31T00:00:00.000Z', 1)).to.equal('2026-02-28T00:00:00.000Z');
    expect(at('2028-01-31T12:00:00.000Z', 1)).to.equal('2028-02-29T12:00:00.000Z');
    expect(at('2026-08-31T08:00:00.000Z', 13)).to.equal('2027-09-30T08:00:00.000Z');
    expect(at('2026-12-15T05:06:07.089Z', 12)).to.equal('2027-12-15T05:06:07.089Z');
    expect(at('2026-11-30T00:00:00.000Z', 3)).to.equal('2027-02-28T00:00:00.000Z');
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
