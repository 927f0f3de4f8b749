// Builds a user's SCIM payload from compiled mapping rows; empty values leave the attribute out.
import type { DirectoryUser } from '../directory/users.ts';
import type { ScimUserPayload } from '../model.ts';
import { evaluate, type Expression } from './expression.ts';
import type { TargetPath } from './target-path.ts';

export type ApplyOn = 'create' | 'always';

export interface CompiledRow {
  target: string;
  path: TargetPath;
  source: Expression;
  applyOn: ApplyOn;
}

export interface UserPayloads {
  /** From "always" rows: sent on create and kept up to date. */
  payload: ScimUserPayload;
  /** From "create" rows: sent on create only. */
  createOnly: ScimUserPayload;
  /** Targets whose source was empty for this user, so they were left out. */
  empty: string[];
}

type Entry = Record<string, unknown>;

export function buildPayloads(rows: readonly CompiledRow[], user: DirectoryUser): UserPayloads {
  const result: UserPayloads = { payload: {}, createOnly: {}, empty: [] };
  for (const row of rows) {
    const value = evaluate(row.source, user);
    if (value === '') result.empty.push(row.target);
    else setValue(row.applyOn === 'always' ? result.payload : result.createOnly, row.path, value);
  }
  markPrimaries(result.payload);
  markPrimaries(result.createOnly);
  return result;
}

function setValue(payload: ScimUserPayload, path: TargetPath, value: string): void {
  const container = path.schema ? childObject(payload, path.schema) : payload;
  if (path.multiValued) {
    const entries = (container[path.attribute] ??= []) as Entry[];
    let entry = entries.find((candidate) => candidate.type === path.entryType);
    if (!entry) {
      entry = path.entryType === undefined ? {} : { type: path.entryType };
      entries.push(entry);
    }
    entry[path.sub!] = value;
  } else if (path.sub) {
    childObject(container, path.attribute)[path.sub] = value;
  } else {
    container[path.attribute] = value;
  }
}

function childObject(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  return (parent[key] ??= {}) as Record<string, unknown>;
}

/**
 * AWS-USER-PRIMARY-EMAIL: the first entry of each multi-valued attribute is the primary one.
 * Keys are reordered to value-first, `type` and `primary` last, as SCIM examples write them.
 */
function markPrimaries(payload: ScimUserPayload): void {
  for (const [key, value] of Object.entries(payload)) {
    if (!Array.isArray(value)) continue;
    payload[key] = (value as Entry[]).map(({ type, ...rest }, index) => ({
      ...rest,
      ...(type === undefined ? {} : { type }),
      ...(index === 0 ? { primary: true } : {}),
    }));
  }
}
