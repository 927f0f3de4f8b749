// One resource type of one tenant: documents by id in insertion order, with secondary indexes
// kept in step on every write so that each AWS filter is a lookup, never a scan.
import { KeyIndex } from './key-index.ts';
import { OrderedIds } from './ordered-ids.ts';
import type { ResourcePage, ScimDoc, StoredResource } from './types.ts';

export interface IndexSpec<Name extends string> {
  name: Name;
  caseInsensitive: boolean;
  key(doc: ScimDoc): string | undefined;
}

export class ResourceTable<Name extends string> {
  private readonly byId = new Map<string, StoredResource>();
  private readonly order = new OrderedIds();
  private readonly indexes = new Map<
    Name,
    { spec: IndexSpec<Name>; index: KeyIndex<StoredResource> }
  >();

  constructor(specs: readonly IndexSpec<Name>[]) {
    for (const spec of specs) {
      this.indexes.set(spec.name, { spec, index: new KeyIndex(spec.caseInsensitive) });
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredResource | undefined {
    return this.byId.get(id);
  }

  positionOf(id: string): number | undefined {
    return this.order.positionOf(id);
  }

  /** Adds a new resource at the end of the order (or at `position` when restoring a snapshot). */
  insert(resource: StoredResource, position?: number): void {
    this.byId.set(resource.id, resource);
    this.order.add(resource.id, position);
    this.indexDoc(resource);
  }

  /** Swaps the stored document of an existing resource; its place in the order stays. */
  replace(resource: StoredResource): void {
    const previous = this.byId.get(resource.id);
    if (!previous) throw new Error(`[scim-harness] store: replace of unknown id ${resource.id}`);
    this.unindexDoc(previous);
    this.byId.set(resource.id, resource);
    this.indexDoc(resource);
  }

  delete(id: string): StoredResource | undefined {
    const previous = this.byId.get(id);
    if (!previous) return undefined;
    this.unindexDoc(previous);
    this.byId.delete(id);
    this.order.delete(id);
    return previous;
  }

  /** The resources whose indexed attribute equals `key`, in insertion order. */
  lookup(name: Name, key: string): StoredResource[] {
    const found = this.indexOf(name).get(key);
    // Most keys are held once (userName and externalId are unique): nothing to sort.
    if (found.length <= 1) return found;
    return found.sort((left, right) => this.positionOf(left.id)! - this.positionOf(right.id)!);
  }

  /** True when a resource other than `exceptId` holds `key` in the named index. */
  taken(name: Name, doc: ScimDoc, exceptId?: string): boolean {
    const entry = this.indexes.get(name);
    if (!entry) throw new Error(`[scim-harness] store: no index '${name}'`);
    return entry.index.takenByOther(entry.spec.key(doc), exceptId);
  }

  page(afterPosition: number, limit: number): ResourcePage {
    const page = this.order.page(afterPosition, limit);
    return {
      resources: page.ids.map((id) => this.byId.get(id)!),
      lastPosition: page.lastPosition,
      more: page.more,
    };
  }

  values(): StoredResource[] {
    return [...this.order.values()].map((id) => this.byId.get(id)!);
  }

  clear(): void {
    this.byId.clear();
    this.order.clear();
    for (const { index } of this.indexes.values()) index.clear();
  }

  private indexOf(name: Name): KeyIndex<StoredResource> {
    const entry = this.indexes.get(name);
    if (!entry) throw new Error(`[scim-harness] store: no index '${name}'`);
    return entry.index;
  }

  private indexDoc(resource: StoredResource): void {
    for (const { spec, index } of this.indexes.values())
      index.add(spec.key(resource.doc), resource);
  }

  private unindexDoc(resource: StoredResource): void {
    for (const { spec, index } of this.indexes.values()) {
      index.delete(spec.key(resource.doc), resource.id);
    }
  }
}
