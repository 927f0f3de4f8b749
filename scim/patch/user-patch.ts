// Applies a PatchOp to a user document (the SCIM user JSON without id, meta and schemas) as AWS
// does (aws-scim-behaviour.md §5); the mock re-validates the result against the create rules.
import { ScimError } from '../errors.ts';
import { applyMultiValued } from './multi-valued.ts';
import { describeOperation, isPlainObject, readPatchBody } from './patch-body.ts';
import type { PatchOperation } from './patch-body.ts';
import { parsePatchPath } from './patch-path.ts';
import { USER_PATH_OPTIONS, canonicalSubAttribute, resolveUserTarget } from './user-attributes.ts';
import type { UserTarget } from './user-attributes.ts';
import { expandUserOperation } from './user-no-path.ts';

type Document = Record<string, unknown>;

interface Step {
  operation: PatchOperation;
  target: UserTarget;
}

/** Sets a key; a null value unassigns it (RFC 7643 §2.5). */
function assign(object: Document, key: string, value: unknown): void {
  if (value === null) delete object[key];
  else object[key] = value;
}

/** AWS-PATCH-STRING-BOOLEANS: the DG-PAU example sends "false"; a real boolean is stored. */
function toActive(operation: PatchOperation): boolean {
  const { value } = operation;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  throw ScimError.invalid(
    `${describeOperation(operation)}: active must be true or false, got ${JSON.stringify(value)}`,
    'AWS-PATCH-STRING-BOOLEANS',
  );
}

/** AWS-PATCH-USERNAME-ACTIVE: no remove of userName or active, and one op on each at most. */
function checkUserNameAndActive(steps: Step[]): void {
  for (const name of ['userName', 'active']) {
    const touching = steps.filter(
      ({ target }) => target.container.length === 0 && target.spec.name === name,
    );
    const removal = touching.find(({ operation }) => operation.op === 'remove');
    if (removal) {
      const where = describeOperation(removal.operation);
      throw ScimError.invalid(`${where}: ${name} cannot be removed`, 'AWS-PATCH-USERNAME-ACTIVE');
    }
    if (touching.length > 1) {
      throw ScimError.invalid(
        `PatchOp: ${touching.length} operations change ${name}; at most one may`,
        'AWS-PATCH-USERNAME-ACTIVE',
      );
    }
  }
}

/** The object at `keys` below the document root; created on the way unless removing. */
function containerAt(document: Document, keys: string[], create: boolean): Document | undefined {
  let current = document;
  for (const key of keys) {
    const next = current[key];
    if (isPlainObject(next)) current = next;
    else if (!create) return undefined;
    else current = current[key] = {};
  }
  return current;
}

/** `name.givenName`, `manager.value`: one sub-attribute of a single-valued complex attribute. */
function applySubAttribute(container: Document, operation: PatchOperation, target: UserTarget) {
  const name = target.spec.name;
  const parent = isPlainObject(container[name]) ? (container[name] as Document) : {};
  const subAttribute = target.subAttribute as string;
  if (operation.op === 'remove') delete parent[subAttribute];
  else assign(parent, subAttribute, operation.value);
  if (Object.keys(parent).length === 0) delete container[name];
  else container[name] = parent;
}

/** The sub-attributes a complex value sets; a bare string manager is its id (DG-PAU). */
function complexValue(operation: PatchOperation, target: UserTarget): Document {
  const { value } = operation;
  if (target.spec.name === 'manager' && typeof value === 'string') return { value };
  const where = describeOperation(operation);
  if (!isPlainObject(value)) {
    throw ScimError.invalid(
      `${where}: ${target.spec.name} takes an object`,
      'AWS-PATCH-USER-ATTRS',
    );
  }
  const entries = Object.entries(value).map(([key, inner]) => {
    const subAttribute = canonicalSubAttribute(target.spec, key);
    if (subAttribute) return [subAttribute, inner] as const;
    throw ScimError.invalid(
      `${where}: "${target.spec.name}" has no sub-attribute "${key}"`,
      'AWS-PATCH-USER-ATTRS',
    );
  });
  return Object.fromEntries(entries);
}

/** `name`, `manager`: add and replace both merge sub-attributes (RFC 7644 §3.5.2.1, §3.5.2.3). */
function applyComplex(container: Document, operation: PatchOperation, target: UserTarget) {
  const name = target.spec.name;
  if (operation.op === 'remove') {
    delete container[name];
    return;
  }
  const current = isPlainObject(container[name]) ? (container[name] as Document) : {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(complexValue(operation, target))) {
    assign(merged, key, value);
  }
  container[name] = merged;
}

function applySimple(container: Document, operation: PatchOperation, target: UserTarget) {
  const name = target.spec.name;
  if (operation.op === 'remove') delete container[name];
  else assign(container, name, name === 'active' ? toActive(operation) : operation.value);
}

function applyStep(document: Document, { operation, target }: Step): void {
  const container = containerAt(document, target.container, operation.op !== 'remove');
  if (!container) return;
  if (target.spec.multiValued) applyMultiValued(container, operation, target);
  else if (target.subAttribute !== undefined) applySubAttribute(container, operation, target);
  else if (target.spec.subAttributes) applyComplex(container, operation, target);
  else applySimple(container, operation, target);

  // An emptied extension is dropped, so schemas can leave its URN out (AWS-USER-SCHEMAS-ENTERPRISE).
  const [extension] = target.container;
  if (extension && isPlainObject(document[extension])) {
    if (Object.keys(document[extension]).length === 0) delete document[extension];
  }
}

/**
 * Applies a PatchOp body to a user document and returns a new document; never mutates `user`.
 * Every operation is checked before any is applied. Throws ScimError (400).
 * @see RFC 7644 §3.5.2
 */
export function applyUserPatch(
  user: Record<string, unknown>,
  body: unknown,
): Record<string, unknown> {
  const operations = readPatchBody(body).flatMap(expandUserOperation);
  const steps = operations.map((operation) => ({
    operation,
    target: resolveUserTarget(
      parsePatchPath(operation, USER_PATH_OPTIONS),
      describeOperation(operation),
    ),
  }));
  checkUserNameAndActive(steps);

  const document = structuredClone(user);
  for (const step of steps) applyStep(document, step);
  return document;
}
