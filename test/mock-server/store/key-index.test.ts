import { expect } from 'chai';

import { KeyIndex } from '../../../mock-server/store/key-index.ts';

const held = (id: string, version = 1) => ({ id, version });
const ids = (holders: { id: string }[]) => holders.map((holder) => holder.id);

describe('mock-server/store/key-index', () => {
  it('holds one or many resources per key and tells whether another id holds it', () => {
    const index = new KeyIndex(true);
    index.add('Ann', held('u1'));
    expect(ids(index.get('ANN'))).to.deep.equal(['u1']);
    expect(index.takenByOther('ann', 'u1')).to.equal(false);
    expect(index.takenByOther('ann', 'u2')).to.equal(true);
    expect(index.takenByOther('ann')).to.equal(true);
    index.add('ann', held('u2'));
    expect(ids(index.get('ann'))).to.deep.equal(['u1', 'u2']);
    expect(index.takenByOther('ann', 'u1')).to.equal(true);
    index.delete('ANN', 'u1');
    expect(ids(index.get('ann'))).to.deep.equal(['u2']);
    expect(index.takenByOther('ann', 'u2')).to.equal(false);
    index.delete('ann', 'u2');
    expect(index.get('ann')).to.deep.equal([]);
    expect(index.takenByOther('ann')).to.equal(false);
  });

  it('returns the resource it holds, and the newer one after the same id is added again', () => {
    const index = new KeyIndex<{ id: string; version: number }>(false);
    index.add('X1', held('u1', 1));
    index.add('X1', held('u1', 2));
    expect(index.get('X1')).to.deep.equal([held('u1', 2)]);
    index.add('X1', held('u2'));
    index.add('X1', held('u1', 3));
    expect(index.get('X1')).to.deep.equal([held('u2'), held('u1', 3)]);
  });

  it('compares exactly when case-sensitive and ignores undefined keys', () => {
    const index = new KeyIndex(false);
    index.add('X1', held('u1'));
    index.add(undefined, held('u2'));
    expect(index.get('x1')).to.deep.equal([]);
    expect(ids(index.get('X1'))).to.deep.equal(['u1']);
    index.delete('X1', 'other');
    expect(ids(index.get('X1'))).to.deep.equal(['u1']);
  });
});
