// An id set kept in insertion order with a monotonic position per id, so list pages can resume
// after a position in O(log n + page) and stay stable while items are added or removed.
// Deletes leave a hole that pages skip; the arrays are compacted once holes outnumber ids.

export interface IdPage {
  ids: string[];
  /** Position of the last id returned; resume after it. */
  lastPosition: number;
  /** True when ids follow the page. */
  more: boolean;
}

const MIN_HOLES_TO_COMPACT = 1024;

export class OrderedIds {
  private positions: number[] = [];
  private slots: (string | undefined)[] = [];
  private readonly positionById = new Map<string, number>();
  private holes = 0;
  private nextPosition = 1;

  get size(): number {
    return this.positionById.size;
  }

  has(id: string): boolean {
    return this.positionById.has(id);
  }

  positionOf(id: string): number | undefined {
    return this.positionById.get(id);
  }

  /** Appends an id; adding one already present keeps its place. */
  add(id: string, position?: number): void {
    if (this.positionById.has(id)) return;
    const at = Math.max(position ?? this.nextPosition, this.nextPosition);
    this.nextPosition = at + 1;
    this.positions.push(at);
    this.slots.push(id);
    this.positionById.set(id, at);
  }

  delete(id: string): boolean {
    const position = this.positionById.get(id);
    if (position === undefined) return false;
    this.slots[this.indexAfter(position - 1)] = undefined;
    this.positionById.delete(id);
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
    this.positionById.clear();
    this.holes = 0;
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
