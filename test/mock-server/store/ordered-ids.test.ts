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
});
