import { expect } from 'chai';

import { KeyIndex } from '../../../mock-server/store/key-index.ts';

describe('mock-server/store/key-index', () => {
  it('holds one or many ids per key and tells whether another id holds it', () => {
    const index = new KeyIndex(true);
    index.add('Ann', 'u1');
    expect(index.get('ANN')).to.deep.equal(['u1']);
    expect(index.takenByOther('ann', 'u1')).to.equal(false);
    expect(index.takenByOther('ann', 'u2')).to.equal(true);
    expect(index.takenByOther('ann')).to.equal(true);
    index.add('ann', 'u2');
    expect(index.get('ann')).to.deep.equal(['u1', 'u2']);
    expect(index.takenByOther('ann', 'u1')).to.equal(true);
    index.delete('ANN', 'u1');
    expect(index.get('ann')).to.deep.equal(['u2']);
    expect(index.takenByOther('ann', 'u2')).to.equal(false);
    index.delete('ann', 'u2');
    expect(index.get('ann')).to.deep.equal([]);
    expect(index.takenByOther('ann')).to.equal(false);
  });

  it('compares exactly when case-sensitive and ignores undefined keys', () => {
    const index = new KeyIndex(false);
    index.add('X1', 'u1');
    index.add(undefined, 'u2');
    expect(index.get('x1')).to.deep.equal([]);
    expect(index.get('X1')).to.deep.equal(['u1']);
    index.delete('X1', 'other');
    expect(index.get('X1')).to.deep.equal(['u1']);
  });
});
