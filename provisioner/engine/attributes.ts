// A user payload as a flat map of PATCH paths (`title`, `name.givenName`, `urn:…:User:department`,
// `emails`) to values: the unit the engine stores per pushed user and diffs into PATCH operations.
import { createHash } from 'node:crypto';

import type { ScimUserPayload } from '../model.ts';

export type Attributes = Record<string, unknown>;

/** Keys the engine owns itself or the target assigns; never part of a mapped payload's diff. */
const NOT_MAPPED = new Set(['schemas', 'id', 'meta', 'active', 'groups', 'password']);

/** Flattens one level of complex attributes; multi-valued ones stay whole (AWS keeps one item). */
export function flatten(payload: ScimUserPayload): Attributes {
  const flat: Attributes = {};
  for (const [key, value] of Object.entries(payload)) {
    if (NOT_MAPPED.has(key) || value === undefined || value === null) continue;
    if (!isPlainObject(value)) flat[key] = value;
    else {
      const separator = key.startsWith('urn:') ? ':' : '.';
      for (const [sub, subValue] of Object.entries(value)) {
        if (subValue !== undefined && subValue !== null)
          flat[`${key}${separator}${sub}`] = subValue;
      }
    }
  }
  return sortKeys(flat);
}

/** The value at a flat path in a resource read from the target. */
export function readPath(resource: Record<string, unknown>, path: string): unknown {
  const urnSplit = path.startsWith('urn:') ? path.lastIndexOf(':') : -1;
  const dot = path.indexOf('.');
  const [parent, child] =
    urnSplit > 0
      ? [path.slice(0, urnSplit), path.slice(urnSplit + 1)]
      : dot > 0
        ? [path.slice(0, dot), path.slice(dot + 1)]
        : [undefined, path];
  if (parent === undefined) return resource[child];
  const container = resource[parent];
  return isPlainObject(container) ? container[child] : undefined;
}

/**
 * Does the target's value carry what we sent? Objects and array items are compared on the keys
 * we sent only, because targets add keys of their own (`primary`, defaults).
 */
export function carries(sent: unknown, actual: unknown): boolean {
  if (Array.isArray(sent)) {
    return (
      Array.isArray(actual) &&
      sent.length === actual.length &&
      sent.every((item, i) => carries(item, actual[i]))
    );
  }
  if (isPlainObject(sent)) {
    return isPlainObject(actual) && Object.entries(sent).every(([k, v]) => carries(v, actual[k]));
  }
  return sent === actual;
}

/** JSON with object keys sorted at every level, so equal payloads give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? sortKeys(v) : v));
}

export function payloadHash(attributes: Attributes): string {
  return createHash('sha256').update(canonicalJson(attributes)).digest('base64url');
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
