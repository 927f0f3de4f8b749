// Reads the member list of a group PATCH add or remove: user ids only, with the sub-attributes
// AWS accepts (AWS-GROUP-MEMBER-SUBATTRS; RFC 7643 §4.2).
import { ScimError } from '../errors.ts';
import { describeOperation, getCaseless, isPlainObject } from './patch-body.ts';
import type { PatchOperation } from './patch-body.ts';

const MEMBER_KEYS = new Set(['value', 'type', '$ref']);

function readMember(member: unknown, where: string): string {
  if (!isPlainObject(member)) {
    throw ScimError.invalid(`${where}: a member must be an object`, 'AWS-PATCH-MEMBER-VALUE');
  }

  // DG-LIM: value, type and $ref only; display in particular is refused.
  const extra = Object.keys(member).find((key) => !MEMBER_KEYS.has(key.toLowerCase()));
  if (extra !== undefined) {
    throw ScimError.invalid(
      `${where}: members take value, type and $ref, not "${extra}"`,
      'AWS-GROUP-MEMBER-SUBATTRS',
    );
  }

  // Groups cannot be nested, so a member that says what it is must say User.
  const type = getCaseless(member, 'type');
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'user')) {
    throw ScimError.invalid(
      `${where}: member type must be "User", got ${JSON.stringify(type)}`,
      'AWS-GROUP-MEMBER-SUBATTRS',
    );
  }

  const value = getCaseless(member, 'value');
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw ScimError.invalid(
    `${where}: member value must be a non-empty user id, got ${JSON.stringify(value)}`,
    'AWS-PATCH-MEMBER-VALUE',
  );
}

/** The user ids an add or remove on `members` names, in request order. */
export function readMemberIds(operation: PatchOperation): string[] {
  const where = describeOperation(operation);
  const { value } = operation;
  if (!Array.isArray(value)) {
    throw ScimError.invalid(
      `${where}: members takes an array of {"value": "<user id>"}`,
      'AWS-PATCH-MEMBER-VALUE',
    );
  }
  return value.map((member, position) => readMember(member, `${where} value[${position}]`));
}
