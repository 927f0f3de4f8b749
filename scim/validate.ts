// Validators for the AWS-shaped SCIM bodies in scim/schemas, compiled once on first use: the mock
// checks request bodies with the assert functions, the suites check response bodies with
// validateResource.
import { readFileSync } from 'node:fs';

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

import { ScimError } from './errors.ts';
import type { ScimGroup } from './generated/group.ts';
import type { ScimPatchOp } from './generated/patch-op.ts';
import type { ScimUser } from './generated/user.ts';

/** One per file in scim/schemas (`<kind>.schema.json`). */
export const RESOURCE_KINDS = [
  'user',
  'group',
  'list-response',
  'patch-op',
  'error',
  'service-provider-config',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

let ajv: Ajv | undefined;
const validators = new Map<ResourceKind, ValidateFunction>();

function validatorFor(kind: ResourceKind): ValidateFunction {
  const known = validators.get(kind);
  if (known) return known;

  // allErrors so a body that breaks several rules is reported whole, and the best id is chosen.
  // verbose keeps parentSchema on each error, so messages can quote what was expected.
  ajv ??= new Ajv({ allErrors: true, strict: true, verbose: true });
  const url = new URL(`./schemas/${kind}.schema.json`, import.meta.url);
  const validate = ajv.compile(JSON.parse(readFileSync(url, 'utf8')) as object);
  validators.set(kind, validate);
  return validate;
}

/** Checks a body against the schema of its kind; messages read "/emails must NOT have …". */
export function validateResource(kind: ResourceKind, body: unknown): ValidationResult {
  const validate = validatorFor(kind);
  if (validate(body)) return { ok: true };
  return { ok: false, errors: reportedErrors(validate).map(describeError) };
}

// Errors from inside `contains` say why each element missed; the `contains` error says it better.
function reportedErrors(validate: ValidateFunction): ErrorObject[] {
  return (validate.errors ?? []).filter((error) => !error.schemaPath.includes('/contains/'));
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} must NOT have additional property '${String(params.additionalProperty)}'`;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
      return `${where} must be one of ${allowed.join(', ')}`;
    }
    case 'contains':
      return `${where} must contain ${JSON.stringify(containedConst(error))}`;
    default:
      return `${where} ${error.message ?? `fails '${error.keyword}'`}`;
  }
}

function containedConst(error: ErrorObject): unknown {
  const schema = error.parentSchema as { contains?: { const?: unknown } } | undefined;
  return schema?.contains?.const;
}

/** Throws the generic 400 for a user body that breaks the AWS User schema. */
export function assertValidUser(body: unknown): asserts body is ScimUser {
  assertValid('user', body, userBehaviour);
}

/** Throws the generic 400 for a group body that breaks the AWS Group schema. */
export function assertValidGroup(body: unknown): asserts body is ScimGroup {
  assertValid('group', body, groupBehaviour);
}

/** Throws the generic 400 for a body that is not a PatchOp (AWS-PATCH-SHAPE). */
export function assertValidPatchOp(body: unknown): asserts body is ScimPatchOp {
  assertValid('patch-op', body, () => 'AWS-PATCH-SHAPE');
}

type BehaviourOf = (error: ErrorObject) => string;

// The order says which id wins when one body breaks several rules.
const PRECEDENCE = [
  'AWS-USER-REQUIRED-ATTRS',
  'AWS-USER-SINGLE-VALUED',
  'AWS-USER-NO-DISPLAY-SUBATTR',
  'AWS-USER-UNSUPPORTED-ATTRS',
  'AWS-USER-ATTR-TYPES',
  'AWS-GROUP-DISPLAYNAME-REQUIRED',
  'AWS-GROUP-CREATE-MEMBERS-MAX',
  'AWS-GROUP-MEMBER-SUBATTRS',
  'AWS-GROUP-ATTRS',
  'AWS-PATCH-SHAPE',
];

const HINTS: Readonly<Record<string, string>> = {
  'AWS-USER-REQUIRED-ATTRS':
    'AWS needs userName, displayName, name.givenName and name.familyName on POST and PUT',
  'AWS-USER-SINGLE-VALUED': 'AWS takes one element in emails, phoneNumbers, addresses and roles',
  'AWS-USER-NO-DISPLAY-SUBATTR': 'AWS refuses display sub-attributes and manager.displayName',
  'AWS-USER-UNSUPPORTED-ATTRS': 'AWS refuses attributes outside the User schema it supports',
  'AWS-USER-ATTR-TYPES': 'send each attribute with its SCIM type; active is a boolean on POST/PUT',
  'AWS-GROUP-DISPLAYNAME-REQUIRED': 'AWS needs a string displayName on every group',
  'AWS-GROUP-CREATE-MEMBERS-MAX': 'send at most 100 members, then add the rest with PATCH',
  'AWS-GROUP-MEMBER-SUBATTRS': 'a member takes value (required), type and $ref only',
  'AWS-GROUP-ATTRS': 'a group takes displayName, externalId and members only',
  'AWS-PATCH-SHAPE': 'send schemas [PatchOp] and a non-empty Operations array of {op, path, value}',
};

function assertValid(kind: ResourceKind, body: unknown, behaviourOf: BehaviourOf): void {
  const validate = validatorFor(kind);
  if (validate(body)) return;

  const errors = reportedErrors(validate);
  const ids = errors.map(behaviourOf);
  const behaviour = PRECEDENCE.find((id) => ids.includes(id)) ?? ids[0];
  const messages = errors.map(describeError).join('; ');
  const hint = behaviour ? ` (${behaviour}: ${HINTS[behaviour]})` : '';
  throw ScimError.invalid(`${kind} body breaks the AWS schema: ${messages}${hint}`, behaviour);
}

function userBehaviour(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'AWS-USER-REQUIRED-ATTRS';
    case 'maxItems':
      return 'AWS-USER-SINGLE-VALUED';
    case 'additionalProperties':
      return isDisplaySubAttribute(error.instancePath, String(params.additionalProperty))
        ? 'AWS-USER-NO-DISPLAY-SUBATTR'
        : 'AWS-USER-UNSUPPORTED-ATTRS';
    case 'enum':
      // An unknown URN in schemas names an extension AWS does not support.
      return error.instancePath.startsWith('/schemas/')
        ? 'AWS-USER-UNSUPPORTED-ATTRS'
        : 'AWS-USER-ATTR-TYPES';
    default:
      return 'AWS-USER-ATTR-TYPES';
  }
}

function isDisplaySubAttribute(instancePath: string, property: string): boolean {
  if (property === 'display') return true;
  return property === 'displayName' && instancePath.endsWith('/manager');
}

function groupBehaviour(error: ErrorObject): string {
  if (error.instancePath.startsWith('/members/')) return 'AWS-GROUP-MEMBER-SUBATTRS';
  if (error.instancePath === '/members' && error.keyword === 'maxItems') {
    return 'AWS-GROUP-CREATE-MEMBERS-MAX';
  }
  const params = error.params as Record<string, unknown>;
  const aboutDisplayName =
    (error.keyword === 'required' && params.missingProperty === 'displayName') ||
    error.instancePath === '/displayName';
  return aboutDisplayName ? 'AWS-GROUP-DISPLAYNAME-REQUIRED' : 'AWS-GROUP-ATTRS';
}
