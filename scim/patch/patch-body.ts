// Reads a PatchOp request body into checked operations, shared by user and group PATCH
// (RFC 7644 §3.5.2; aws-scim-behaviour.md §5).
import { ScimError } from '../errors.ts';
import { PATCH_OP_URN } from '../urns.ts';

export type PatchOpName = 'add' | 'replace' | 'remove';

/** One operation of a PatchOp, with its op name lower-cased and its position for messages. */
export interface PatchOperation {
  index: number;
  op: PatchOpName;
  path?: string;
  value?: unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `name` in `object`, matching the key case-insensitively (RFC 7643 §2.1). */
export function getCaseless(object: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : object[key];
}

/** Where an operation sits, for error reasons: `Operations[1] (replace "active")`. */
export function describeOperation(operation: PatchOperation): string {
  const path = operation.path === undefined ? 'without path' : `"${operation.path}"`;
  return `Operations[${operation.index}] (${operation.op} ${path})`;
}

function shapeError(reason: string): ScimError {
  return ScimError.invalid(`PatchOp: ${reason}`, 'AWS-PATCH-SHAPE');
}

const OPERATION_KEYS = ['op', 'path', 'value'];

/**
 * The PatchOp schema forbids keys beyond op, path and value; the mock never runs that schema
 * (it would refuse `Path`, which RFC 7643 §2.1 allows), so the check lives here.
 */
function checkOperationKeys(raw: Record<string, unknown>, index: number): void {
  const seen = new Set<string>();
  for (const key of Object.keys(raw)) {
    const name = key.toLowerCase();
    if (!OPERATION_KEYS.includes(name)) {
      throw shapeError(
        `Operations[${index}] has key ${JSON.stringify(key)}; only op, path and value are allowed`,
      );
    }
    if (seen.has(name)) throw shapeError(`Operations[${index}] has "${name}" more than once`);
    seen.add(name);
  }
}

function readOperation(raw: unknown, index: number): PatchOperation {
  if (!isPlainObject(raw)) throw shapeError(`Operations[${index}] must be an object`);
  checkOperationKeys(raw, index);

  // AWS-PATCH-OP-CASE: Entra sends Replace/Add/Remove, so op names match case-insensitively.
  const rawOp = getCaseless(raw, 'op');
  const op = typeof rawOp === 'string' ? rawOp.toLowerCase() : undefined;
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw shapeError(
      `Operations[${index}].op must be add, replace or remove, got ${JSON.stringify(rawOp)}`,
    );
  }

  const path = getCaseless(raw, 'path');
  const value = getCaseless(raw, 'value');
  if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
    throw shapeError(`Operations[${index}].path must be a non-empty string when present`);
  }
  const trimmed = typeof path === 'string' ? path.trim() : undefined;
  const operation: PatchOperation = { index, op, path: trimmed, value };
  if (op !== 'remove' && (value === undefined || value === null)) {
    throw ScimError.invalid(
      `${describeOperation(operation)}: add and replace need a value`,
      'AWS-PATCH-VALUE-REQUIRED',
    );
  }
  if (op === 'remove' && path === undefined) {
    throw ScimError.invalid(
      `Operations[${index}]: remove needs a path`,
      'AWS-PATCH-REMOVE-NEEDS-PATH',
    );
  }
  return operation;
}

/**
 * Checks the PatchOp envelope and each operation's keys, op, path and value (AWS-PATCH-SHAPE).
 * @see RFC 7644 §3.5.2
 */
export function readPatchBody(body: unknown): PatchOperation[] {
  if (!isPlainObject(body)) throw shapeError('the body must be a JSON object');

  const { schemas } = body;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_URN)) {
    throw shapeError(`schemas must contain "${PATCH_OP_URN}"`);
  }

  const operations = getCaseless(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw shapeError('Operations must be a non-empty array');
  }
  return operations.map(readOperation);
}
