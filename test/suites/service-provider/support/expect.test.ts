// The assertion helpers checks rely on: they fail with one short line naming what differs.
import { expect } from 'chai';

import {
  brief,
  expectStatus,
  firstDifference,
} from '../../../../suites/service-provider/support/expect.ts';

describe('check assertions', () => {
  it('finds the first differing path, ignoring key order', () => {
    expect(firstDifference({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).to.equal(
      undefined,
    );
    expect(firstDifference({ a: 1, b: { c: [1, 3] } }, { a: 1, b: { c: [1, 2] } })).to.equal(
      '$.b.c.1: expected 2, got 3',
    );
    expect(firstDifference({ a: 1, meta: {} }, { a: 1 })).to.equal(
      '$.meta: expected undefined, got {}',
    );
  });

  it('keeps long values to one short line', () => {
    expect(brief('x'.repeat(500))).to.have.length(158);
  });

  it('names the status expected and the detail received', () => {
    const response = { status: 400, headers: {}, body: { detail: 'bad filter' }, text: '' };
    expect(() => expectStatus(response, [200, 204], 'GET /Users')).to.throw(
      'GET /Users: expected status 200 or 204, got 400 (detail: bad filter)',
    );
  });
});
