// Expectations files: parsing, how they turn raw results into outcomes, and how an update
// rewrites them (failures kept with their reasons, passes dropped, unrun checks untouched).
import { expect } from 'chai';

import type { CheckResult } from '../../../suites/model.ts';
import {
  applyExpectation,
  differsFromExpectations,
  parseExpectations,
  updatedExpectations,
} from '../../../suites/runner/expectations.ts';
import { ConfigError } from '../../../scim/errors.ts';

function result(id: string, outcome: CheckResult['outcome'], message?: string): CheckResult {
  return {
    id,
    suite: 'service-provider',
    area: 'a',
    title: id,
    level: 'MUST',
    references: [],
    outcome,
    durationMs: 0,
    exchanges: [],
    message,
  };
}

describe('expectations', () => {
  it('applies an expected failure: failing is a known deviation, passing a fixed one', () => {
    const expected = { outcome: 'fail' as const, reason: 'r' };
    expect(applyExpectation('failed', expected)).to.equal('known-deviation');
    expect(applyExpectation('passed', expected)).to.equal('fixed-deviation');
    expect(applyExpectation('not-applicable', expected)).to.equal('not-applicable');
    expect(applyExpectation('failed', undefined)).to.equal('failed');
  });

  it('differs only on a new failure or a fixed deviation', () => {
    expect(
      differsFromExpectations([result('A', 'passed'), result('B', 'known-deviation')]),
    ).to.equal(false);
    expect(differsFromExpectations([result('A', 'fixed-deviation')])).to.equal(true);
    expect(differsFromExpectations([result('A', 'failed')])).to.equal(true);
  });

  it('refuses entries without outcome fail and a reason, naming the entry', () => {
    expect(() => parseExpectations('{"SP-X": {"outcome": "fail"}}', 'f.json'))
      .to.throw(ConfigError)
      .with.property('message')
      .that.includes("entry 'SP-X'");
    expect(() => parseExpectations('[]', 'f.json')).to.throw(ConfigError);
  });

  it('updates by keeping reasons, adding new failures, dropping passes and keeping unrun entries', () => {
    const previous = {
      'SP-KEEP': { outcome: 'fail' as const, reason: 'hand-written' },
      'SP-FIXED': { outcome: 'fail' as const, reason: 'old' },
      'SP-NOT-RUN': { outcome: 'fail' as const, reason: 'other' },
    };
    const next = updatedExpectations(
      previous,
      [
        result('SP-KEEP', 'known-deviation'),
        result('SP-FIXED', 'fixed-deviation'),
        result('SP-NEW', 'failed', 'boom'),
      ],
      (entry) => `observed: ${entry.message}`,
    );
    expect(next).to.deep.equal({
      'SP-KEEP': { outcome: 'fail', reason: 'hand-written' },
      'SP-NEW': { outcome: 'fail', reason: 'observed: boom' },
      'SP-NOT-RUN': { outcome: 'fail', reason: 'other' },
    });
    expect(Object.keys(next)).to.deep.equal(['SP-KEEP', 'SP-NEW', 'SP-NOT-RUN']);
  });
});
