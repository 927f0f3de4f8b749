// Mapping targets: SCIM user attribute paths such as `name.givenName`, `emails[type eq "work"].value`
// or `urn:...:enterprise:2.0:User:department`, checked against the User schema (RFC 7643 §4.1, §4.3).
import { ConfigError } from '../../scim/errors.ts';
import { ENTERPRISE_USER_URN } from '../../scim/urns.ts';
import type { PresetName } from '../model.ts';

export interface TargetPath {
  /** Extension schema URN when the attribute lives in one. */
  schema?: string;
  attribute: string;
  /** For multi-valued attributes: the `type` the entry carries, if any. */
  entryType?: string;
  sub?: string;
  multiValued: boolean;
}

const SIMPLE = [
  'userName',
  'displayName',
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'externalId',
];
const NAME_SUBS = [
  'formatted',
  'familyName',
  'givenName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
];
const MULTI_SUBS = ['value', 'display'];
const ADDRESS_SUBS = ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'];
const MULTI: Record<string, string[]> = {
  emails: MULTI_SUBS,
  phoneNumbers: MULTI_SUBS,
  ims: MULTI_SUBS,
  photos: MULTI_SUBS,
  roles: MULTI_SUBS,
  entitlements: MULTI_SUBS,
  x509Certificates: MULTI_SUBS,
  addresses: ADDRESS_SUBS,
};
const ENTERPRISE_SIMPLE = [
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
];

const ENGINE_OWNED: Record<string, string> = {
  active: "'active' follows the directory user's state (deactivate/reactivate the user)",
  groups: "'groups' is read-only; membership comes from directory groups and policies",
  id: "'id' is assigned by the target",
  meta: "'meta' is assigned by the target",
  schemas: "'schemas' is set by the provisioner",
  password: 'passwords are never provisioned',
};

// AWS-USER-UNSUPPORTED-ATTRS: AWS refuses these with 400, so the aws preset refuses to map them.
const AWS_UNSUPPORTED = ['ims', 'photos', 'x509Certificates', 'entitlements'];

const PATH = /^([A-Za-z][A-Za-z0-9]*)(?:\[type eq "([^"\]]+)"\])?(?:\.([A-Za-z][A-Za-z0-9]*))?$/;

export function parseTarget(text: string, preset: PresetName): TargetPath {
  const trimmed = text.trim();
  const isEnterprise = trimmed.toLowerCase().startsWith(`${ENTERPRISE_USER_URN.toLowerCase()}:`);
  const rest = isEnterprise ? trimmed.slice(ENTERPRISE_USER_URN.length + 1) : trimmed;
  const match = PATH.exec(rest);
  if (!match) throw targetError(text, 'is not an attribute path');
  const [, attribute, entryType, sub] = match;
  const path = isEnterprise
    ? enterprisePath(text, attribute, entryType, sub)
    : corePath(text, attribute, entryType, sub);
  checkPreset(text, path, preset);
  return path;
}

export function formatTarget(path: TargetPath): string {
  const prefix = path.schema ? `${path.schema}:` : '';
  const filter = path.entryType === undefined ? '' : `[type eq "${path.entryType}"]`;
  return `${prefix}${path.attribute}${filter}${path.sub ? `.${path.sub}` : ''}`;
}

function corePath(text: string, name: string, entryType?: string, sub?: string): TargetPath {
  const owned = ENGINE_OWNED[name.toLowerCase()];
  if (owned) throw targetError(text, `cannot be mapped: ${owned}`);
  const simple = canonical(SIMPLE, name);
  if (simple && !entryType && !sub) return { attribute: simple, multiValued: false };
  if (canonical(['name'], name) && !entryType && sub) {
    return { attribute: 'name', sub: requireSub(text, NAME_SUBS, sub), multiValued: false };
  }
  const multi = canonical(Object.keys(MULTI), name);
  if (multi && sub) {
    const path = { attribute: multi, sub: requireSub(text, MULTI[multi], sub), multiValued: true };
    return entryType === undefined ? path : { ...path, entryType };
  }
  throw targetError(text, shapeHint(name));
}

function enterprisePath(text: string, name: string, entryType?: string, sub?: string): TargetPath {
  const base = { schema: ENTERPRISE_USER_URN, multiValued: false };
  const simple = canonical(ENTERPRISE_SIMPLE, name);
  if (simple && !entryType && !sub) return { ...base, attribute: simple };
  if (canonical(['manager'], name) && !entryType && sub) {
    return { ...base, attribute: 'manager', sub: requireSub(text, ['value', 'displayName'], sub) };
  }
  throw targetError(
    text,
    `is not an enterprise attribute (${ENTERPRISE_SIMPLE.join(', ')}, ` + 'manager.value)',
  );
}

function checkPreset(text: string, path: TargetPath, preset: PresetName): void {
  if (preset !== 'aws') return;
  if (AWS_UNSUPPORTED.includes(path.attribute)) {
    throw targetError(text, `is refused by AWS (AWS-USER-UNSUPPORTED-ATTRS)`);
  }
  // AWS-USER-NO-DISPLAY-SUBATTR: display sub-attributes and manager.displayName get a 400.
  if (path.sub === 'display' || (path.sub === 'displayName' && path.attribute === 'manager')) {
    throw targetError(text, 'is refused by AWS (AWS-USER-NO-DISPLAY-SUBATTR)');
  }
}

function shapeHint(name: string): string {
  if (canonical(['name'], name)) return `needs a sub-attribute: name.${NAME_SUBS.join('|')}`;
  const multi = canonical(Object.keys(MULTI), name);
  if (multi) return `needs a sub-attribute, e.g. ${multi}[type eq "work"].value`;
  if (canonical(SIMPLE, name)) return 'is a simple attribute: no [filter] or .sub-attribute';
  return `is not a SCIM user attribute (${[...SIMPLE, 'name.*', ...Object.keys(MULTI)].join(', ')})`;
}

function requireSub(text: string, allowed: string[], sub: string): string {
  const found = canonical(allowed, sub);
  if (!found) throw targetError(text, `sub-attribute '${sub}' is not one of ${allowed.join(', ')}`);
  return found;
}

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1); store the schema's spelling. */
function canonical(names: readonly string[], name: string): string | undefined {
  return names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
}

function targetError(text: string, problem: string): ConfigError {
  return new ConfigError(`mapping target '${text}' ${problem}.`);
}
