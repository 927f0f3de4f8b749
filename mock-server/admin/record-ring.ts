// A bounded log of variable-length byte records in one buffer allocated up front, oldest dropped
// first. The journal keeps every request here rather than as JavaScript objects: an object kept
// for thousands of requests is promoted to V8's old generation and collected there, and at
// 100,000 users that cost each request more than the rest of the journal did (README,
// Performance). Bytes in a buffer are outside the heap the collector walks.

/**
 * Records numbered by contiguous sequence numbers from 1, in a circular byte buffer. A record
 * never wraps around the buffer's end: one that does not fit before the end starts again at 0.
 * Live records always lie in circular order from the oldest to `head`, the next write position.
 */
export class RecordRing {
  readonly bytes: Buffer;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  /** Slot of the oldest record; slot of sequence number s is (s - 1) % maxRecords. */
  private oldest = 0;
  private count = 0;
  private head = 0;
  private next = 1;
  private reserved = -1;

  constructor(
    readonly maxRecords: number,
    maxBytes: number,
  ) {
    // Not zero-filled: pages are taken from the system only as records first reach them, and a
    // reader sees only the bytes of records written.
    this.bytes = Buffer.allocUnsafeSlow(maxBytes);
    this.starts = new Uint32Array(maxRecords);
    this.ends = new Uint32Array(maxRecords);
  }

  get size(): number {
    return this.count;
  }

  /** The sequence number of the oldest record kept (of the next one when none is kept). */
  get firstSeq(): number {
    return this.next - this.count;
  }

  /** The sequence number the next record will get. */
  get nextSeq(): number {
    return this.next;
  }

  /**
   * Makes room for a record of at most `bound` bytes, dropping the oldest records in its way,
   * and returns the offset to write it at. `commit` then says how many bytes it took.
   */
  reserve(bound: number): number {
    if (bound > this.bytes.length) {
      throw new RangeError(`record of ${bound} bytes exceeds the ring's ${this.bytes.length}`);
    }
    if (this.count === this.maxRecords) this.dropOldest();
    if (this.count === 0) this.head = 0;
    if (this.head + bound > this.bytes.length) this.wrap();
    while (this.count > 0 && this.oldestOverlaps(this.head, this.head + bound)) this.dropOldest();
    this.reserved = bound;
    return this.head;
  }

  /** Keeps the record written at the reserved offset; returns its sequence number. */
  commit(length: number): number {
    if (this.reserved < 0 || length > this.reserved) {
      throw new RangeError(`commit of ${length} bytes without a reservation that holds them`);
    }
    const slot = (this.oldest + this.count) % this.maxRecords;
    this.starts[slot] = this.head;
    this.ends[slot] = this.head + length;
    this.head += length;
    this.count += 1;
    this.reserved = -1;
    return this.next++;
  }

  /** Start and end offsets of a kept record, or undefined once it was dropped. */
  bounds(seq: number): [number, number] | undefined {
    if (seq < this.firstSeq || seq >= this.next) return undefined;
    const slot = (this.oldest + (seq - this.firstSeq)) % this.maxRecords;
    return [this.starts[slot], this.ends[slot]];
  }

  /** Drops every record; numbering goes on, so a reader's last sequence number stays valid. */
  clear(): void {
    this.oldest = 0;
    this.count = 0;
    this.head = 0;
  }

  /** Records between `head` and the buffer's end are the oldest; they go before writing at 0. */
  private wrap(): void {
    const end = this.head;
    while (this.count > 0 && this.starts[this.oldest] >= end) this.dropOldest();
    this.head = 0;
  }

  private oldestOverlaps(from: number, to: number): boolean {
    return this.starts[this.oldest] < to && this.ends[this.oldest] > from;
  }

  private dropOldest(): void {
    this.oldest = (this.oldest + 1) % this.maxRecords;
    this.count -= 1;
  }
}
