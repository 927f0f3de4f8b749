// Turns a group PatchOp into a list of changes for the store, enforcing AWS's group PATCH rules
// (aws-scim-behaviour.md §5 PatchGroup; DG-PG, DG-LIM). Whether member ids exist is the mock's job.
import { AWS_DETAIL, ScimError } from '../errors.ts';
import { GROUP_URN } from '../urns.ts';
import { readMemberIds } from './group-members.ts';
import { describeOperation, isPlainObject, readPatchBody } from './patch-body.ts';
import type { PatchOperation } from './patch-body.ts';
import { parsePatchPath } from './patch-path.ts';
import type { PatchPath } from './patch-path.ts';

export interface GroupPatchChange {
  displayName?: string;
  /** null = removed */
  externalId?: string | null;
  /** In request order. */
  members: Array<{ op: 'add' | 'remove'; value: string }>;
}

type GroupAttribute = 'displayName' | 'externalId' | 'members';

const GROUP_ATTRIBUTES: readonly GroupAttribute[] = ['displayName', 'externalId', 'members'];
const GROUP_PATH_OPTIONS = { urns: [GROUP_URN], attributesBehaviour: 'AWS-PATCH-GROUP-ATTRS' };
const DEFAULT_MAX_MEMBERSHIP_CHANGES = 100;

function groupAttribute(name: string | undefined, where: string): GroupAttribute {
  const wanted = name?.toLowerCase();
  const found = GROUP_ATTRIBUTES.find((attribute) => attribute.toLowerCase() === wanted);
  if (found) return found;
  throw ScimError.invalid(
    `${where}: a group PATCH may change displayName, members and externalId, not "${name ?? ''}"`,
    'AWS-PATCH-GROUP-ATTRS',
  );
}

function replaceMembersError(operation: PatchOperation): ScimError {
  return new ScimError(400, AWS_DETAIL.replaceMembers, {
    behaviour: 'AWS-PATCH-NO-REPLACE-MEMBERS',
    reason: `${describeOperation(operation)}: replace on members`,
  });
}

/** `members[value eq "<user id>"]`: remove only, on value only (AWS-PATCH-VALUE-FILTER). */
function filteredMember(operation: PatchOperation, path: PatchPath): string {
  const where = describeOperation(operation);
  const filter = path.filter;
  if (operation.op !== 'remove') {
    throw ScimError.invalid(
      `${where}: only remove takes a members filter`,
      'AWS-PATCH-VALUE-FILTER',
    );
  }
  if (filter?.attribute.toLowerCase() === 'value' && typeof filter.value === 'string') {
    if (filter.value !== '') return filter.value;
  }
  throw ScimError.invalid(
    `${where}: a members filter must be value eq "<user id>"`,
    'AWS-PATCH-VALUE-FILTER',
  );
}

function planMembers(change: GroupPatchChange, operation: PatchOperation, path: PatchPath = {}) {
  if (operation.op === 'replace') throw replaceMembersError(operation);
  const where = describeOperation(operation);
  if (path.subAttribute !== undefined) {
    throw ScimError.invalid(
      `${where}: members takes no sub-attribute path`,
      'AWS-PATCH-GROUP-ATTRS',
    );
  }
  if (path.filter) {
    change.members.push({ op: 'remove', value: filteredMember(operation, path) });
    return;
  }
  // AWS-PATCH-NO-REMOVE-ALL: an empty list names no member, so it is refused like no value.
  const { value } = operation;
  if (operation.op === 'remove' && (value == null || (Array.isArray(value) && !value.length))) {
    throw ScimError.invalid(
      `${where}: removing all members is not supported`,
      'AWS-PATCH-NO-REMOVE-ALL',
    );
  }
  const op = operation.op;
  for (const id of readMemberIds(operation)) change.members.push({ op, value: id });
}

function planAttribute(change: GroupPatchChange, operation: PatchOperation, name: GroupAttribute) {
  if (name === 'members') return planMembers(change, operation);
  const where = describeOperation(operation);
  if (operation.op === 'remove') {
    if (name === 'displayName') {
      throw ScimError.invalid(
        `${where}: displayName cannot be removed`,
        'AWS-GROUP-DISPLAYNAME-REQUIRED',
      );
    }
    change.externalId = null;
    return;
  }
  if (typeof operation.value !== 'string') {
    throw ScimError.invalid(`${where}: ${name} must be a string`, 'AWS-PATCH-GROUP-ATTRS');
  }
  change[name] = operation.value;
}

/** A no-path add or replace sets one attribute; an `id` key is ignored (DG-PG example). */
function planNoPath(change: GroupPatchChange, operation: PatchOperation) {
  const { value } = operation;
  const keys = isPlainObject(value)
    ? Object.keys(value).filter((key) => key.toLowerCase() !== 'id')
    : [];
  if (operation.op === 'replace' && keys.some((key) => key.toLowerCase() === 'members')) {
    throw replaceMembersError(operation);
  }
  if (!isPlainObject(value) || keys.length !== 1) {
    throw new ScimError(400, AWS_DETAIL.patchNoPath, {
      behaviour: 'AWS-PATCH-NO-PATH-SINGLE',
      reason: `${describeOperation(operation)}: the value must set exactly one attribute, sets ${keys.length}`,
    });
  }
  const [key] = keys;
  const attribute = groupAttribute(key, describeOperation(operation));
  planAttribute(change, { ...operation, value: value[key] }, attribute);
}

function planWithPath(change: GroupPatchChange, operation: PatchOperation & { path: string }) {
  const where = describeOperation(operation);
  const path = parsePatchPath(operation, GROUP_PATH_OPTIONS);
  const attribute = groupAttribute(path.attribute, where);
  if (attribute === 'members') return planMembers(change, operation, path);
  if (path.filter || path.subAttribute !== undefined) {
    throw ScimError.invalid(
      `${where}: ${attribute} is a simple attribute`,
      'AWS-PATCH-GROUP-ATTRS',
    );
  }
  return planAttribute(change, operation, attribute);
}

/**
 * Reads a group PatchOp into the changes it asks for, refusing what AWS refuses. Throws ScimError.
 * @see RFC 7644 §3.5.2
 */
export function planGroupPatch(
  body: unknown,
  options: { maxMembershipChanges?: number } = {},
): GroupPatchChange {
  const max = options.maxMembershipChanges ?? DEFAULT_MAX_MEMBERSHIP_CHANGES;
  const change: GroupPatchChange = { members: [] };
  for (const operation of readPatchBody(body)) {
    const { path } = operation;
    if (path === undefined) planNoPath(change, operation);
    else planWithPath(change, { ...operation, path });
  }

  // AWS-PATCH-MEMBERS-MAX: idp-scim-sync#62 saw the generic 400 above 100 changes.
  if (change.members.length > max) {
    throw ScimError.invalid(
      `PatchOp: ${change.members.length} membership changes; at most ${max} per request`,
      'AWS-PATCH-MEMBERS-MAX',
    );
  }
  return change;
}
