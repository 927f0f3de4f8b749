// A secondary index from an attribute value to the ids holding it; case-folded when the
// attribute compares case-insensitively (userName, email, group displayName). A key held by one
// id (the usual case) stores the id itself, not a one-element set, to keep 100k users small.

type Holders = string | Set<string>;

export class KeyIndex {
  private readonly holdersByKey = new Map<string, Holders>();

  constructor(private readonly caseInsensitive: boolean) {}

  add(key: string | undefined, id: string): void {
    if (key === undefined) return;
    const folded = this.fold(key);
    const holders = this.holdersByKey.get(folded);
    if (holders === undefined || holders === id) this.holdersByKey.set(folded, id);
    else if (typeof holders === 'string') this.holdersByKey.set(folded, new Set([holders, id]));
    else holders.add(id);
  }

  delete(key: string | undefined, id: string): void {
    if (key === undefined) return;
    const folded = this.fold(key);
    const holders = this.holdersByKey.get(folded);
    if (holders === id) {
      this.holdersByKey.delete(folded);
      return;
    }
    if (typeof holders !== 'object') return;
    holders.delete(id);
    if (holders.size === 1) this.holdersByKey.set(folded, holders.values().next().value!);
  }

  /** The ids holding `key`, in the order they were indexed. */
  get(key: string): string[] {
    const holders = this.holdersByKey.get(this.fold(key));
    if (holders === undefined) return [];
    return typeof holders === 'string' ? [holders] : [...holders];
  }

  /** True when an id other than `exceptId` holds `key`. */
  takenByOther(key: string | undefined, exceptId?: string): boolean {
    if (key === undefined) return false;
    const holders = this.holdersByKey.get(this.fold(key));
    if (holders === undefined) return false;
    if (typeof holders === 'string') return holders !== exceptId;
    return holders.size > 1 || !holders.has(exceptId ?? '');
  }

  clear(): void {
    this.holdersByKey.clear();
  }

  private fold(key: string): string {
    return this.caseInsensitive ? key.toLowerCase() : key;
  }
}
