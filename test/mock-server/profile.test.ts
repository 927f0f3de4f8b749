import { expect } from 'chai';

import { PROFILES, resolveProfile } from '../../mock-server/profile.ts';
import { ConfigError } from '../../scim/errors.ts';

describe('mock-server/profile', () => {
  it('ships aws (100 a list, cursors, /Schemas, uuid ids) and aws-legacy (none of those)', () => {
    expect(resolveProfile()).to.deep.equal(PROFILES.aws);
    expect(resolveProfile()).to.include({ schemasEndpoint: true });
    expect(resolveProfile('aws-legacy')).to.include({
      listCap: 50,
      cursorPaging: false,
      schemasEndpoint: false,
      idStyle: 'legacy',
    });
  });

  it('applies overrides of known settings, including null retryAfter and reservedNames', () => {
    const profile = resolveProfile('aws', {
      unknownTenantStatus: 404,
      retryAfter: 2,
      reservedNames: ['root'],
    });
    expect(profile).to.include({ unknownTenantStatus: 404, retryAfter: 2 });
    expect(profile.reservedNames).to.deep.equal(['root']);
    expect(resolveProfile('aws', { retryAfter: null }).retryAfter).to.equal(null);
  });

  it('AWS-USER-FORBIDDEN-CHARS: both profiles forbid <>;:%, and "" turns the rule off', () => {
    expect(resolveProfile('aws').forbiddenCharacters).to.equal('<>;:%');
    expect(resolveProfile('aws-legacy').forbiddenCharacters).to.equal('<>;:%');
    expect(resolveProfile('aws', { forbiddenCharacters: '' }).forbiddenCharacters).to.equal('');
  });

  it('AWS-AUTH-TOKEN-EXPIRY: tokens live 12 months; the old day count is refused clearly', () => {
    expect(resolveProfile('aws').tokenLifetimeMonths).to.equal(12);
    expect(resolveProfile('aws-legacy').tokenLifetimeMonths).to.equal(12);
    expect(resolveProfile('aws', { tokenLifetimeMonths: 1 }).tokenLifetimeMonths).to.equal(1);
    expect(() => resolveProfile('aws', { tokenLifetimeDays: 365 })).to.throw(
      ConfigError,
      /'tokenLifetimeDays' was replaced by 'tokenLifetimeMonths'/,
    );
    expect(() => resolveProfile('aws', { tokenLifetimeMonths: 0 })).to.throw(
      ConfigError,
      /'tokenLifetimeMonths' must be a whole number of calendar months from 1 to 1200.*got 0/,
    );
  });

  it('AWS-LIST-CAP: a listCap of 50 alone is the pre-2025 endpoint, without cursor paging', () => {
    expect(resolveProfile('aws', { listCap: 50 })).to.include({ listCap: 50, cursorPaging: false });
    expect(resolveProfile('aws-legacy', { listCap: 100 })).to.include({ cursorPaging: true });
    expect(resolveProfile('aws', { cursorPaging: false })).to.include({ listCap: 100 });
    expect(() => resolveProfile('aws', { listCap: 50, cursorPaging: true })).to.throw(
      ConfigError,
      /needs 'listCap' 100/,
    );
  });

  it('refuses unknown profiles, unknown settings, wrong types and values out of range', () => {
    const refused: [string, Record<string, unknown>][] = [
      ['gcp', {}],
      ['aws', { colour: 'blue' }],
      ['aws', { name: 'x' }],
      ['aws', { listCap: '100' }],
      ['aws', { listCap: 75 }],
      ['aws', { unknownTenantStatus: 403 }],
      ['aws', { idStyle: 'ulid' }],
      ['aws', { reservedNames: [1] }],
      ['aws', { retryAfter: [] }],
      ['aws', { retryAfter: -1 }],
      ['aws', { maxBodyBytes: 0 }],
      ['aws', { tokenLifetimeMonths: 1.5 }],
      ['aws', { tokenLifetimeMonths: 0 }],
      ['aws', { tokenLifetimeMonths: 1201 }],
      ['aws', { forbiddenCharacters: ['<'] }],
    ];
    for (const [name, overrides] of refused) {
      expect(() => resolveProfile(name, overrides), JSON.stringify(overrides)).to.throw(
        ConfigError,
      );
    }
  });
});
