import { expect } from 'chai';

import { AWS_BEHAVIOURS, behaviour } from '../../../scim/behaviours/index.ts';

describe('AWS behaviour registry', () => {
  it('gives every behaviour a unique AWS- id', () => {
    const ids = AWS_BEHAVIOURS.map((entry) => entry.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^AWS-[A-Z0-9-]+$/);
  });

  it('cites an RFC clause or a source for every departure from the RFC', () => {
    const departures = AWS_BEHAVIOURS.filter((entry) => entry.departsFromRfc);
    expect(departures.length).to.be.greaterThan(10);
    for (const entry of departures) expect(entry.rfc ?? entry.source).to.be.a('string');
  });

  it('looks a behaviour up by id and refuses an unknown id', () => {
    expect(behaviour('AWS-PATCH-GROUP-204').summary).to.contain('204');
    expect(() => behaviour('AWS-NOPE')).to.throw(/unknown AWS behaviour id/);
  });
});
