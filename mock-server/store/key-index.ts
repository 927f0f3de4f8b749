// A secondary index from an attribute value to the ids holding it; case-folded when the
// attribute compares case-insensitively (userName, email, group displayName).

export class KeyIndex {
  private readonly idsByKey = new Map<string, Set<string>>();

  constructor(private readonly caseInsensitive: boolean) {}

  add(key: string | undefined, id: string): void {
    if (key === undefined) return;
    const folded = this.fold(key);
    const ids = this.idsByKey.get(folded);
    if (ids) ids.add(id);
    else this.idsByKey.set(folded, new Set([id]));
  }

  delete(key: string | undefined, id: string): void {
    if (key === undefined) return;
    const folded = this.fold(key);
    const ids = this.idsByKey.get(folded);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.idsByKey.delete(folded);
  }

  /** The ids holding `key`, in the order they were indexed. */
  get(key: string): string[] {
    return [...(this.idsByKey.get(this.fold(key)) ?? [])];
  }

  /** True when an id other than `exceptId` holds `key`. */
  takenByOther(key: string | undefined, exceptId?: string): boolean {
    if (key === undefined) return false;
    const ids = this.idsByKey.get(this.fold(key));
    if (!ids) return false;
    return ids.size > 1 || (exceptId === undefined ? ids.size === 1 : !ids.has(exceptId));
  }

  clear(): void {
    this.idsByKey.clear();
  }

  private fold(key: string): string {
    return this.caseInsensitive ? key.toLowerCase() : key;
  }
}
