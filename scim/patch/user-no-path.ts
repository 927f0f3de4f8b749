// Turns a user PATCH operation without a path, or on the whole enterprise extension, into one
// operation per attribute it sets, so that every later step sees a path (RFC 7644 §3.5.2.1).
import { AWS_DETAIL, ScimError } from '../errors.ts';
import { ENTERPRISE_USER_URN } from '../urns.ts';
import { describeOperation, isPlainObject } from './patch-body.ts';
import type { PatchOperation } from './patch-body.ts';

/** An operation that names its target. */
export type PathOperation = PatchOperation & { path: string };

function isEnterpriseUrn(text: string): boolean {
  return text.toLowerCase() === ENTERPRISE_USER_URN.toLowerCase();
}

/** One operation per enterprise sub-attribute, each with a fully qualified URN path. */
function expandExtension(operation: PatchOperation, value: unknown): PathOperation[] {
  if (!isPlainObject(value)) {
    throw ScimError.invalid(
      `${describeOperation(operation)}: the enterprise extension value must be an object`,
      'AWS-PATCH-USER-ATTRS',
    );
  }
  return Object.entries(value).map(([key, inner]) => ({
    ...operation,
    path: `${ENTERPRISE_USER_URN}:${key}`,
    value: inner,
  }));
}

function noPathError(operation: PatchOperation, reason: string): ScimError {
  return new ScimError(400, AWS_DETAIL.patchNoPath, {
    behaviour: 'AWS-PATCH-NO-PATH-SINGLE',
    reason: `${describeOperation(operation)}: ${reason}`,
  });
}

/**
 * AWS-PATCH-NO-PATH-SINGLE: a no-path add or replace may set one attribute only. An `id` key is
 * ignored (DG-PG example); an enterprise URN key counts once per sub-attribute it holds.
 */
function expandNoPath(operation: PatchOperation): PathOperation[] {
  const { value } = operation;
  if (!isPlainObject(value)) throw noPathError(operation, 'the value must be an object');

  const expanded: PathOperation[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key.toLowerCase() === 'id') continue;
    if (isEnterpriseUrn(key)) expanded.push(...expandExtension(operation, inner));
    else expanded.push({ ...operation, path: key, value: inner });
  }
  if (expanded.length !== 1) {
    throw noPathError(operation, `the value sets ${expanded.length} attributes instead of one`);
  }
  return expanded;
}

/** Expands one checked operation into operations that each carry a path to one attribute. */
export function expandUserOperation(operation: PatchOperation): PathOperation[] {
  const { path } = operation;
  if (path === undefined) return expandNoPath(operation);
  if (isEnterpriseUrn(path) && operation.op !== 'remove') {
    return expandExtension(operation, operation.value);
  }
  return [{ ...operation, path }];
}
