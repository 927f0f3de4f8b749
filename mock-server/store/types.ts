// The shapes the store keeps: a SCIM document without id, meta and schemas, plus its id and
// timestamps. The HTTP layer renders them into AWS's wire shape.

/** A user or group as SCIM JSON, minus `id`, `meta` and `schemas` (the server owns those). */
export type ScimDoc = Record<string, unknown>;

export interface StoredResource {
  id: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`, as AWS renders meta timestamps. */
  created: string;
  lastModified: string;
  doc: ScimDoc;
}

/** One page of a list, plus where to resume. */
export interface ResourcePage {
  resources: StoredResource[];
  /** Where to resume; read only when `more` is true. */
  lastPosition: number;
  more: boolean;
}
