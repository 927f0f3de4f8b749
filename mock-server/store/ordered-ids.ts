// An id set kept in insertion order with a monotonic position per id, so list pages can resume
// after a position in O(log n + page) and stay stable while items are added or removed.

export interface IdPage {
  ids: string[];
  /** Position of the last id returned; resume after it. */
  lastPosition: number;
  /** True when ids follow the page. */
  more: boolean;
}

export class OrderedIds {
  private readonly positions: number[] = [];
  private readonly ids: string[] = [];
  private readonly positionById = new Map<string, number>();
  private nextPosition = 1;

  get size(): number {
    return this.ids.length;
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
    this.ids.push(id);
    this.positionById.set(id, at);
  }

  delete(id: string): boolean {
    const position = this.positionById.get(id);
    if (position === undefined) return false;
    const index = this.indexAfter(position - 1);
    this.positions.splice(index, 1);
    this.ids.splice(index, 1);
    this.positionById.delete(id);
    return true;
  }

  /** Up to `limit` ids whose position is greater than `afterPosition`, in order. */
  page(afterPosition: number, limit: number): IdPage {
    const start = this.indexAfter(afterPosition);
    const end = Math.min(start + Math.max(limit, 0), this.ids.length);
    const ids = this.ids.slice(start, end);
    const lastPosition = end > start ? this.positions[end - 1] : afterPosition;
    return { ids, lastPosition, more: end < this.ids.length };
  }

  values(): IterableIterator<string> {
    return this.ids.values();
  }

  clear(): void {
    this.positions.length = 0;
    this.ids.length = 0;
    this.positionById.clear();
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
