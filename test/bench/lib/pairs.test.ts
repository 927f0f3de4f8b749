import { expect } from 'chai';

import { processesOf, quantile } from '../../../bench/lib/pairs.ts';

describe('bench/lib/pairs', () => {
  it('meets every couple of three processes a side once in nine pairs', () => {
    const couples = Array.from({ length: 9 }, (_, index) => processesOf(index, 3, 3).join(','));
    expect(new Set(couples).size).to.equal(9);
  });

  it('loads every process of each side as often as the others', () => {
    const counts = [0, 0, 0];
    for (let index = 0; index < 18; index++) counts[processesOf(index, 1, 3)[1]] += 1;
    expect(counts).to.deep.equal([6, 6, 6]);
    expect(processesOf(7, 1, 1)).to.deep.equal([0, 0]);
  });

  it('interpolates quantiles between ranks, the median of an even count being the mean', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).to.equal(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).to.equal(2);
    expect(quantile([], 0.5)).to.be.NaN;
  });
});
