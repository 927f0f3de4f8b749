// The user attributes a PATCH may name (AWS-PATCH-USER-ATTRS, DG-PAU, DG-LIM) and the resolution
// of a parsed path to the place in a user document it changes.
import { ScimError } from '../errors.ts';
import { ENTERPRISE_USER_URN, USER_URN } from '../urns.ts';
import type { PatchPath, ValueFilter } from './patch-path.ts';

export interface AttributeSpec {
  name: string;
  subAttributes?: readonly string[];
  multiValued?: boolean;
}

const simple = (...names: string[]): AttributeSpec[] => names.map((name) => ({ name }));

const CORE_ATTRIBUTES: readonly AttributeSpec[] = [
  ...simple('userName', 'active', 'externalId', 'displayName', 'nickName', 'profileUrl'),
  ...simple('title', 'userType', 'preferredLanguage', 'locale', 'timezone'),
  {
    name: 'name',
    subAttributes: [
      'formatted',
      'familyName',
      'givenName',
      'middleName',
      'honorificPrefix',
      'honorificSuffix',
    ],
  },
  { name: 'emails', multiValued: true, subAttributes: ['value', 'type', 'primary'] },
  { name: 'phoneNumbers', multiValued: true, subAttributes: ['value', 'type', 'primary'] },
  {
    name: 'addresses',
    multiValued: true,
    subAttributes: [
      'formatted',
      'streetAddress',
      'locality',
      'region',
      'postalCode',
      'country',
      'type',
      'primary',
    ],
  },
];

const ENTERPRISE_ATTRIBUTES: readonly AttributeSpec[] = [
  ...simple('employeeNumber', 'costCenter', 'organization', 'division', 'department'),
  { name: 'manager', subAttributes: ['value', '$ref'] },
];

/** The whole enterprise extension, as one attribute of the user document. */
const ENTERPRISE_EXTENSION: AttributeSpec = { name: ENTERPRISE_USER_URN };

export const USER_PATH_OPTIONS = {
  urns: [ENTERPRISE_USER_URN, USER_URN],
  attributesBehaviour: 'AWS-PATCH-USER-ATTRS',
} as const;

/** Where one operation lands: `container` is the key path from the document root. */
export interface UserTarget {
  container: string[];
  spec: AttributeSpec;
  filter?: ValueFilter;
  subAttribute?: string;
}

function canonical(names: readonly string[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return names.find((candidate) => candidate.toLowerCase() === wanted);
}

function refuse(where: string, reason: string, behaviour = 'AWS-PATCH-USER-ATTRS'): never {
  throw ScimError.invalid(`${where}: ${reason}`, behaviour);
}

function findSpec(path: PatchPath, where: string): { container: string[]; spec: AttributeSpec } {
  const enterprise = path.urn === ENTERPRISE_USER_URN;
  if (path.attribute === undefined) {
    if (enterprise) return { container: [], spec: ENTERPRISE_EXTENSION };
    return refuse(where, 'the core User URN alone names no attribute');
  }
  const specs = enterprise ? ENTERPRISE_ATTRIBUTES : CORE_ATTRIBUTES;
  const name = canonical(
    specs.map((spec) => spec.name),
    path.attribute,
  );
  const spec = specs.find((candidate) => candidate.name === name);
  if (!spec)
    return refuse(where, `"${path.attribute}" is not an attribute a user PATCH may change`);
  return { container: enterprise ? [ENTERPRISE_USER_URN] : [], spec };
}

function resolveFilter(spec: AttributeSpec, filter: ValueFilter, where: string): ValueFilter {
  if (!spec.multiValued) {
    refuse(
      where,
      `"${spec.name}" is single-valued and takes no value filter`,
      'AWS-PATCH-VALUE-FILTER',
    );
  }
  const attribute = canonical(spec.subAttributes ?? [], filter.attribute);
  if (!attribute) {
    refuse(
      where,
      `"${spec.name}" has no sub-attribute "${filter.attribute}" to filter on`,
      'AWS-PATCH-VALUE-FILTER',
    );
  }
  return { attribute, value: filter.value };
}

/** Resolves a parsed path against the patchable user attributes, with canonical spelling. */
export function resolveUserTarget(path: PatchPath, where: string): UserTarget {
  const { container, spec } = findSpec(path, where);
  const target: UserTarget = { container, spec };
  if (path.filter) target.filter = resolveFilter(spec, path.filter, where);
  if (path.subAttribute === undefined) return target;

  const subAttribute = canonical(spec.subAttributes ?? [], path.subAttribute);
  if (!subAttribute) refuse(where, `"${spec.name}" has no sub-attribute "${path.subAttribute}"`);
  target.subAttribute = subAttribute;
  return target;
}

/** Canonical spelling of a sub-attribute of `spec`, or undefined when it has none by that name. */
export function canonicalSubAttribute(spec: AttributeSpec, name: string): string | undefined {
  return canonical(spec.subAttributes ?? [], name);
}
