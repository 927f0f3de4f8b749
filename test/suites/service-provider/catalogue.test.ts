// The check catalogue as data: unique ids, real references, a level and a profile for each,
// and enough checks to cover the areas issue 4 names.
import { expect } from 'chai';

import { AWS_BEHAVIOURS } from '../../../scim/behaviours/index.ts';
import { SERVICE_PROVIDER_CHECKS } from '../../../suites/service-provider/index.ts';

const KNOWN_BEHAVIOURS = new Set(AWS_BEHAVIOURS.map((entry) => entry.id));

describe('service-provider check catalogue', () => {
  it('holds at least 110 checks with unique SP- ids', () => {
    const ids = SERVICE_PROVIDER_CHECKS.map((check) => check.id);
    expect(ids.length).to.be.at.least(110);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^SP-[A-Z0-9-]+$/);
  });

  it('references only AWS behaviour ids that exist in the registry', () => {
    for (const check of SERVICE_PROVIDER_CHECKS) {
      for (const reference of check.references.filter((entry) => entry.startsWith('AWS-'))) {
        expect(KNOWN_BEHAVIOURS.has(reference), `${check.id} → ${reference}`).to.equal(true);
      }
    }
  });

  it('gives every check a reference, a profile and, for aws checks, an AWS behaviour', () => {
    for (const check of SERVICE_PROVIDER_CHECKS) {
      expect(check.references, check.id).to.not.be.empty;
      expect(check.profiles, check.id).to.not.be.empty;
      if (check.profiles.includes('aws')) {
        expect(
          check.references.some((entry) => entry.startsWith('AWS-')),
          check.id,
        ).to.equal(true);
      }
      if (check.profiles.includes('rfc7644')) {
        expect(
          check.references.some((entry) => entry.startsWith('RFC ')),
          check.id,
        ).to.equal(true);
      }
    }
  });

  it('covers every area issue 4 names', () => {
    const areas = new Set(SERVICE_PROVIDER_CHECKS.map((check) => check.area));
    for (const area of [
      'discovery',
      'auth',
      'http',
      'users',
      'groups',
      'patch',
      'filters',
      'lists',
      'cursor',
      'errors',
    ]) {
      expect(areas.has(area), area).to.equal(true);
    }
  });

  it('tests every AWS behaviour that departs from the RFC under the rfc7644 profile', () => {
    const covered = new Set(
      SERVICE_PROVIDER_CHECKS.filter((check) => check.profiles.includes('rfc7644')).flatMap(
        (check) => check.references,
      ),
    );
    const missing = AWS_BEHAVIOURS.filter(
      (entry) => entry.departsFromRfc && !covered.has(entry.id),
    ).map((entry) => entry.id);
    expect(missing).to.deep.equal([]);
  });
});
