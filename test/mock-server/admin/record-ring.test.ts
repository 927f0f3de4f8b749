import { expect } from 'chai';

import { RecordRing } from '../../../mock-server/admin/record-ring.ts';

/** Writes `text` as one record and returns its sequence number. */
function put(ring: RecordRing, text: string, bound = text.length): number {
  const at = ring.reserve(bound);
  ring.bytes.write(text, at, 'latin1');
  return ring.commit(text.length);
}

function read(ring: RecordRing, seq: number): string | undefined {
  const bounds = ring.bounds(seq);
  return bounds && ring.bytes.toString('latin1', ...bounds);
}

function kept(ring: RecordRing): string[] {
  const texts: string[] = [];
  for (let seq = ring.firstSeq; seq < ring.nextSeq; seq++) texts.push(read(ring, seq)!);
  return texts;
}

describe('mock-server/admin/record-ring RecordRing', () => {
  it('numbers records from 1 and reads each back', () => {
    const ring = new RecordRing(10, 100);
    expect(put(ring, 'one')).to.equal(1);
    expect(put(ring, 'two')).to.equal(2);
    expect(kept(ring)).to.deep.equal(['one', 'two']);
  });

  it('drops the oldest record once the record limit is reached', () => {
    const ring = new RecordRing(3, 100);
    for (const text of ['a', 'b', 'c', 'd', 'e']) put(ring, text);
    expect(ring.firstSeq).to.equal(3);
    expect(kept(ring)).to.deep.equal(['c', 'd', 'e']);
    expect(read(ring, 2)).to.equal(undefined);
  });

  it('starts a record that does not fit before the end at 0, dropping records in its way', () => {
    const ring = new RecordRing(10, 10);
    for (const text of ['aaa', 'bbb', 'ccc']) put(ring, text); // 9 of 10 bytes
    put(ring, 'dd'); // does not fit at 9: written at 0 over 'aaa'
    expect(kept(ring)).to.deep.equal(['bbb', 'ccc', 'dd']);
    put(ring, 'eeee'); // at 2..5: overlaps 'bbb' (3..5), not 'ccc' (6..8)
    expect(kept(ring)).to.deep.equal(['ccc', 'dd', 'eeee']);
  });

  it('drops the records left at the end first when it wraps again', () => {
    const ring = new RecordRing(10, 10);
    put(ring, 'aaaa'); // 0..3
    put(ring, 'bbbb'); // 4..7
    put(ring, 'cc'); // 8..9
    put(ring, 'ddd'); // wraps: 0..2, drops aaaa
    put(ring, 'eeeeeee'); // does not fit at 3 (3+7 = 10 fits exactly): drops bbbb and cc
    expect(kept(ring)).to.deep.equal(['ddd', 'eeeeeee']);
    put(ring, 'ff'); // head at 10: wraps to 0; nothing of the newest two may be lost but ddd
    expect(kept(ring)).to.deep.equal(['eeeeeee', 'ff']);
  });

  it('reserves by an upper bound and keeps only the bytes committed', () => {
    const ring = new RecordRing(10, 12);
    put(ring, 'ab', 12); // reserves the whole ring, uses 2 bytes
    put(ring, 'cd', 4); // at 2..3: 'ab' stays
    expect(kept(ring)).to.deep.equal(['ab', 'cd']);
  });

  it('refuses a record larger than the ring and a commit past the reservation', () => {
    const ring = new RecordRing(10, 8);
    expect(() => ring.reserve(9)).to.throw(RangeError, /exceeds/);
    ring.reserve(2);
    expect(() => ring.commit(3)).to.throw(RangeError, /reservation/);
  });

  it('keeps numbering after clear and writes again from the start', () => {
    const ring = new RecordRing(10, 10);
    put(ring, 'aaaaaaa');
    ring.clear();
    expect(kept(ring)).to.deep.equal([]);
    expect(put(ring, 'bbbbbbbbbb')).to.equal(2);
    expect(kept(ring)).to.deep.equal(['bbbbbbbbbb']);
  });

  it('agrees with a simple model over many records of random sizes', () => {
    const ring = new RecordRing(50, 1_000);
    let state = 7;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const written: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const text = String.fromCharCode(97 + (i % 26)).repeat(1 + Math.floor(random() * 120));
      written.push(text);
      put(ring, text, text.length + Math.floor(random() * 40));
      const texts = kept(ring);
      // What is kept is always the newest records, whole, within both limits.
      expect(texts).to.deep.equal(written.slice(written.length - texts.length));
      expect(texts.length).to.be.within(1, 50);
      expect(texts.join('').length).to.be.at.most(1_000);
    }
  });
});
