// An id set kept in insertion order with a monotonic position per id, so list pages can resume
// after a position in O(log n + page) and stay stable while items are added or removed.
// Deletes leave a hole that pages skip; the arrays are compacted once holes outnumber ids.
// Most sets are tiny (a user's groups), so a small set has no id map: a scan is as fast there.

export interface IdPage {
  ids: string[];
  /** Position of the last id returned; resume after it. */
  lastPosition: number;
  /** True when ids follow the page. */
  more: boolean;
}

const MIN_HOLES_TO_COMPACT = 1024;
/** Sizes above this get an id-to-position map; 50,000 one-group users saved ~10 MB without. */
const SCAN_MAX = 8;

export class OrderedIds {
  private positions: number[] = [];
  private slots: (string | undefined)[] = [];
  private positionById: Map<string, number> | null = null;
  private count = 0;
  private holes = 0;
  private nextPosition = 1;

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.positionOf(id) !== undefined;
  }

  positionOf(id: string): number | undefined {
    if (this.positionById) return this.positionById.get(id);
    const index = this.slots.indexOf(id);
    return index === -1 ? undefined : this.positions[index];
  }

  /** Appends an id; adding one already present keeps its place. */
  add(id: string, position?: number): void {
    if (this.has(id)) return;
    const at = Math.max(position ?? this.nextPosition, this.nextPosition);
    this.nextPosition = at + 1;
    if (this.slots.length === 0) {
      // Literals are sized to fit; a first push would reserve room for 17.
      this.positions = [at];
      this.slots = [id];
    } else {
      this.positions.push(at);
      this.slots.push(id);
    }
    this.count += 1;
    if (this.positionById) this.positionById.set(id, at);
    else if (this.count > SCAN_MAX) this.indexIds();
  }

  delete(id: string): boolean {
    const position = this.positionOf(id);
    if (position === undefined) return false;
    this.slots[this.indexAfter(position - 1)] = undefined;
    this.positionById?.delete(id);
    this.count -= 1;
    this.holes += 1;
    if (this.holes >= MIN_HOLES_TO_COMPACT && this.holes > this.size) this.compact();
    return true;
  }

  /** Up to `limit` ids whose position is greater than `afterPosition`, in order. */
  page(afterPosition: number, limit: number): IdPage {
    const ids: string[] = [];
    let lastPosition = afterPosition;
    let index = this.indexAfter(afterPosition);
    for (; index < this.slots.length && ids.length < Math.max(limit, 0); index++) {
      const id = this.slots[index];
      if (id === undefined) continue;
      ids.push(id);
      lastPosition = this.positions[index];
    }
    while (index < this.slots.length && this.slots[index] === undefined) index++;
    return { ids, lastPosition, more: index < this.slots.length };
  }

  *values(): IterableIterator<string> {
    for (const id of this.slots) if (id !== undefined) yield id;
  }

  clear(): void {
    this.positions = [];
    this.slots = [];
    this.positionById = null;
    this.count = 0;
    this.holes = 0;
  }

  private indexIds(): void {
    this.positionById = new Map();
    this.slots.forEach((id, index) => {
      if (id !== undefined) this.positionById!.set(id, this.positions[index]);
    });
  }

  private compact(): void {
    const positions: number[] = [];
    const slots: string[] = [];
    this.slots.forEach((id, index) => {
      if (id === undefined) return;
      positions.push(this.positions[index]);
      slots.push(id);
    });
    this.positions = positions;
    this.slots = slots;
    this.holes = 0;
  }

  /** Index of the first position greater than `position` (binary search). */
  private indexAfter(position: number): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle] <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
