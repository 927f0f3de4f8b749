import { expect } from 'chai';

import { OrderedIds } from '../../../mock-server/store/ordered-ids.ts';

describe('mock-server/store/ordered-ids', () => {
  it('pages in insertion order and resumes after a position', () => {
    const ids = new OrderedIds();
    for (const id of ['a', 'b', 'c', 'd', 'e']) ids.add(id);
    const first = ids.page(0, 2);
    expect(first.ids).to.deep.equal(['a', 'b']);
    expect(first.more).to.equal(true);
    const second = ids.page(first.lastPosition, 2);
    expect(second.ids).to.deep.equal(['c', 'd']);
    const last = ids.page(second.lastPosition, 2);
    expect(last).to.deep.include({ ids: ['e'], more: false });
  });

  it('keeps a resume position stable when earlier or resumed-at ids are deleted', () => {
    const ids = new OrderedIds();
    for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
    const first = ids.page(0, 2);
    ids.delete('a');
    ids.delete('b');
    ids.add('e');
    expect(ids.page(first.lastPosition, 10).ids).to.deep.equal(['c', 'd', 'e']);
    expect(ids.size).to.equal(3);
    expect(ids.has('a')).to.equal(false);
  });

  it('ignores a second add of the same id and restores explicit positions', () => {
    const ids = new OrderedIds();
    ids.add('x', 10);
    ids.add('x');
    ids.add('y');
    expect([...ids.values()]).to.deep.equal(['x', 'y']);
    expect(ids.positionOf('y')).to.equal(11);
  });

  it('skips deleted ids, answers more:false over trailing holes and survives compaction', () => {
    const ids = new OrderedIds();
    for (let index = 0; index < 3000; index++) ids.add(`u${index}`);
    for (let index = 0; index < 2990; index++) ids.delete(`u${index}`);
    expect(ids.size).to.equal(10);
    const first = ids.page(0, 4);
    expect(first).to.deep.include({ ids: ['u2990', 'u2991', 'u2992', 'u2993'], more: true });
    ids.delete('u2999');
    ids.delete('u2998');
    const rest = ids.page(first.lastPosition, 10);
    expect(rest.ids).to.deep.equal(['u2994', 'u2995', 'u2996', 'u2997']);
    expect(rest.more).to.equal(false);
    expect(ids.page(first.lastPosition, 4).more).to.equal(false);
    expect([...ids.values()]).to.have.length(8);
  });
});
