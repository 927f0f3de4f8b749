// Keeps each stored resource's wire JSON beside it, so a read sends one string instead of
// rebuilding and serializing the document. At 100,000 users a rebuild touches some twenty small
// objects spread over the whole heap, each a likely cache miss; the text is one contiguous string.
//
// A write never edits a stored resource's document: it stores a new resource with a new document
// (ResourceTable.replace). The one field changed in place is a group's lastModified, when its
// membership changes. So a cached text is good while it was made from this very object and the
// same lastModified; anything else renders afresh. The check holds even when a resource is copied
// with object spread, which copies the cache's symbol property along with the fields.
import type { StoredResource } from '../store/types.ts';

interface Cached {
  of: StoredResource;
  lastModified: string;
  json: string;
}

type WithCache = StoredResource & Record<symbol, Cached | undefined>;

export class JsonCache {
  /** One property a renderer: a group renders one way alone and another way in a list. */
  private readonly key: symbol;

  constructor(
    name: string,
    private readonly render: (resource: StoredResource) => Record<string, unknown>,
  ) {
    this.key = Symbol(`${name} JSON`);
  }

  /** The resource as JSON text, rendered on first use after each write. */
  json(resource: StoredResource): string {
    const holder = resource as WithCache;
    const cached = holder[this.key];
    if (cached?.of === resource && cached.lastModified === resource.lastModified) {
      return cached.json;
    }
    const json = JSON.stringify(this.render(resource));
    holder[this.key] = { of: resource, lastModified: resource.lastModified, json };
    return json;
  }
}
