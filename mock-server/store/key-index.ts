// A secondary index from an attribute value to the resources holding it; case-folded when the
// attribute compares case-insensitively (userName, email, group displayName). It holds the
// resources themselves, not their ids, so a filter is one map read: at 100,000 users each read
// of a large map costs the hot path a cache miss. A key held by one resource (the usual case)
// stores it alone, not in a one-element set, to keep 100k users small. The table swaps a
// resource's entries whenever it swaps the resource (ResourceTable.replace).

/** What an index holds: anything with an id (the store's StoredResource). */
export interface Identified {
  id: string;
}

type Holders<T> = T | Set<T>;

export class KeyIndex<T extends Identified = Identified> {
  private readonly holdersByKey = new Map<string, Holders<T>>();

  constructor(private readonly caseInsensitive: boolean) {}

  /** Indexes `holder` under `key`; a holder with the same id as one already there replaces it. */
  add(key: string | undefined, holder: T): void {
    if (key === undefined) return;
    const folded = this.fold(key);
    const holders = this.holdersByKey.get(folded);
    if (holders === undefined || (!(holders instanceof Set) && holders.id === holder.id)) {
      this.holdersByKey.set(folded, holder);
      return;
    }
    const set = holders instanceof Set ? holders : new Set([holders]);
    for (const held of set) if (held.id === holder.id) set.delete(held);
    set.add(holder);
    this.holdersByKey.set(folded, set);
  }

  /** Removes the holder with this id from `key`. */
  delete(key: string | undefined, id: string): void {
    if (key === undefined) return;
    const folded = this.fold(key);
    const holders = this.holdersByKey.get(folded);
    if (holders === undefined) return;
    if (!(holders instanceof Set)) {
      if (holders.id === id) this.holdersByKey.delete(folded);
      return;
    }
    for (const held of holders) if (held.id === id) holders.delete(held);
    if (holders.size === 1) this.holdersByKey.set(folded, holders.values().next().value!);
    else if (holders.size === 0) this.holdersByKey.delete(folded);
  }

  /** The holders of `key`, in the order they were indexed. */
  get(key: string): T[] {
    const holders = this.holdersByKey.get(this.fold(key));
    if (holders === undefined) return [];
    return holders instanceof Set ? [...holders] : [holders];
  }

  /** True when a holder other than the one with id `exceptId` holds `key`. */
  takenByOther(key: string | undefined, exceptId?: string): boolean {
    if (key === undefined) return false;
    const holders = this.holdersByKey.get(this.fold(key));
    if (holders === undefined) return false;
    if (!(holders instanceof Set)) return holders.id !== exceptId;
    for (const held of holders) if (held.id !== exceptId) return true;
    return false;
  }

  clear(): void {
    this.holdersByKey.clear();
  }

  private fold(key: string): string {
    return this.caseInsensitive ? key.toLowerCase() : key;
  }
}
