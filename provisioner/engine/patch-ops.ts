// The SCIM request bodies the engine sends: user creates, attribute PATCHes (only what changed,
// lowercase ops, JSON boolean `active`), group creates, renames and member chunks.
import { ENTERPRISE_USER_URN, GROUP_URN, PATCH_OP_URN, USER_URN } from '../../scim/urns.ts';
import type { DesiredUser } from '../model.ts';
import { canonicalJson } from './attributes.ts';
import type { Attributes } from './attributes.ts';

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

export interface PatchBody {
  schemas: [typeof PATCH_OP_URN];
  Operations: PatchOperation[];
}

/** AWS refuses `remove` on these (aws-scim-behaviour.md §5); they are replaced instead. */
const NEVER_REMOVED = new Set(['userName', 'active']);

/** Replace for each changed or new path, remove for each path no longer mapped. */
export function diffOperations(pushed: Attributes, desired: Attributes): PatchOperation[] {
  const ops: PatchOperation[] = [];
  for (const [path, value] of Object.entries(desired)) {
    if (!(path in pushed) || canonicalJson(pushed[path]) !== canonicalJson(value)) {
      ops.push({ op: 'replace', path, value });
    }
  }
  for (const path of Object.keys(pushed)) {
    if (!(path in desired) && !NEVER_REMOVED.has(path)) ops.push({ op: 'remove', path });
  }
  return ops;
}

export function patchBody(operations: PatchOperation[]): PatchBody {
  return { schemas: [PATCH_OP_URN], Operations: operations };
}

/** `active` as a JSON boolean, never the string "False" some IdPs send. */
export function activeOperation(active: boolean): PatchOperation {
  return { op: 'replace', path: 'active', value: active };
}

export function createUserBody(user: DesiredUser): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...user.createOnly,
    ...user.payload,
    active: user.active,
  };
  for (const [key, value] of Object.entries(user.createOnly)) {
    // Both sides may fill one complex attribute (name.givenName always, name.formatted on create).
    const always = user.payload[key];
    if (isObject(value) && isObject(always)) body[key] = { ...value, ...always };
  }
  const schemas = body[ENTERPRISE_USER_URN] ? [USER_URN, ENTERPRISE_USER_URN] : [USER_URN];
  return { schemas, ...body };
}

export function createGroupBody(displayName: string): Record<string, unknown> {
  return { schemas: [GROUP_URN], displayName };
}

export function membersBody(op: 'add' | 'remove', remoteIds: string[]): PatchBody {
  return patchBody([{ op, path: 'members', value: remoteIds.map((value) => ({ value })) }]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
