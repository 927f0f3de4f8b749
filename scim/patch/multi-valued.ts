// Applies one user PATCH operation to a multi-valued attribute (emails, phoneNumbers, addresses),
// with or without a value filter (RFC 7644 §3.5.2.1-3; AWS-PATCH-VALUE-FILTER).
import { ScimError } from '../errors.ts';
import { describeOperation, isPlainObject } from './patch-body.ts';
import type { PatchOperation } from './patch-body.ts';
import type { ValueFilter } from './patch-path.ts';
import type { UserTarget } from './user-attributes.ts';

type Element = Record<string, unknown>;

function matches(element: unknown, filter: ValueFilter): element is Element {
  if (!isPlainObject(element)) return false;
  const actual = element[filter.attribute];
  // emails, phoneNumbers and addresses sub-attributes are caseExact:false (RFC 7643 §8.7.1).
  if (typeof actual === 'string' && typeof filter.value === 'string') {
    return actual.toLowerCase() === filter.value.toLowerCase();
  }
  return actual === filter.value;
}

/** An element left with nothing but `type` or `primary` carries no data, so it is dropped. */
function holdsData(element: unknown): boolean {
  if (!isPlainObject(element)) return true;
  return Object.keys(element).some((key) => key !== 'type' && key !== 'primary');
}

function withSubAttribute(element: unknown, operation: PatchOperation, name: string): unknown {
  if (!isPlainObject(element)) return element;
  const { [name]: _removed, ...rest } = element;
  return operation.op === 'remove' ? rest : { ...rest, [name]: operation.value };
}

/** No filter: the whole list, or one sub-attribute of every element (RFC 7644 §3.5.2.3). */
function applyUnfiltered(list: unknown[], operation: PatchOperation, target: UserTarget) {
  const { subAttribute } = target;
  if (subAttribute === undefined) {
    if (operation.op === 'remove') return [];
    const { value } = operation;
    const values: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
    // Add appends; a second element is refused later by AWS-USER-SINGLE-VALUED validation.
    return operation.op === 'add' ? [...list, ...values] : values;
  }
  if (operation.op !== 'remove' && list.length === 0) {
    return [{ [subAttribute]: operation.value }];
  }
  const updated = list.map((element) => withSubAttribute(element, operation, subAttribute));
  return operation.op === 'remove' ? updated.filter(holdsData) : updated;
}

function patchObject(operation: PatchOperation, target: UserTarget): Element {
  if (target.subAttribute !== undefined) return { [target.subAttribute]: operation.value };
  if (isPlainObject(operation.value)) return operation.value;
  throw ScimError.invalid(
    `${describeOperation(operation)}: a filtered "${target.spec.name}" value must be an object`,
    'AWS-PATCH-VALUE-FILTER',
  );
}

/** With a filter: only matching elements; add or replace with no match creates one. */
function applyFiltered(list: unknown[], operation: PatchOperation, target: UserTarget) {
  const filter = target.filter as ValueFilter;
  const { subAttribute } = target;
  if (operation.op === 'remove') {
    if (subAttribute === undefined) return list.filter((element) => !matches(element, filter));
    return list
      .map((element) =>
        matches(element, filter) ? withSubAttribute(element, operation, subAttribute) : element,
      )
      .filter(holdsData);
  }

  const patch = patchObject(operation, target);
  const selector = { [filter.attribute]: filter.value };
  // Okta and Entra send `add emails[type eq "work"].value` for a user's first email.
  if (!list.some((element) => matches(element, filter)))
    return [...list, { ...selector, ...patch }];

  // A replace without sub-attribute swaps the element; the selector stays so it still matches.
  const merge = (element: Element) =>
    operation.op === 'replace' && subAttribute === undefined
      ? { ...selector, ...patch }
      : { ...element, ...patch };
  return list.map((element) => (matches(element, filter) ? merge(element) : element));
}

/** Applies the operation to `container[target.spec.name]`; an emptied list removes the key. */
export function applyMultiValued(
  container: Element,
  operation: PatchOperation,
  target: UserTarget,
): void {
  const name = target.spec.name;
  const current = container[name];
  const list = Array.isArray(current) ? (current as unknown[]) : [];
  const next = target.filter
    ? applyFiltered(list, operation, target)
    : applyUnfiltered(list, operation, target);
  if (next.length === 0) delete container[name];
  else container[name] = next;
}
