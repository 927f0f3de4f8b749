// The snapshot format of `--state` files and the admin side: tenants with hashed tokens, users
// in insertion order, groups with their member ids. Parsing checks the shape before any use.
import { ConfigError } from '../../scim/errors.ts';
import type { StateSnapshot } from '../context.ts';
import type { TokenSnapshot } from '../tenants.ts';
import type { StoredResource } from './types.ts';

export interface GroupSnapshot extends StoredResource {
  members: string[];
}

export interface TenantSnapshot {
  tenantId: string;
  tokens: TokenSnapshot[];
  users: StoredResource[];
  groups: GroupSnapshot[];
}

/** Checks an untrusted snapshot (a state file, an admin upload) and returns its tenants. */
export function parseSnapshot(snapshot: StateSnapshot): TenantSnapshot[] {
  if (!isObject(snapshot) || snapshot.version !== 1 || !Array.isArray(snapshot.tenants)) {
    throw new ConfigError('state snapshot must be an object with version 1 and a tenants array');
  }
  return snapshot.tenants.map((tenant, index) => parseTenant(tenant, `tenants[${index}]`));
}

function parseTenant(value: unknown, where: string): TenantSnapshot {
  if (!isObject(value) || typeof value.tenantId !== 'string') {
    throw new ConfigError(`state snapshot ${where} needs a string tenantId`);
  }
  const tokens = arrayAt(value, 'tokens', where).map((token, index) =>
    parseToken(token, `${where}.tokens[${index}]`),
  );
  const users = arrayAt(value, 'users', where).map((user, index) =>
    parseResource(user, `${where}.users[${index}]`),
  );
  const groups = arrayAt(value, 'groups', where).map((group, index) => {
    const at = `${where}.groups[${index}]`;
    const members = (group as Record<string, unknown>).members;
    if (!Array.isArray(members) || !members.every((id) => typeof id === 'string')) {
      throw new ConfigError(`state snapshot ${at}.members must be an array of user ids`);
    }
    return { ...parseResource(group, at), members };
  });
  return { tenantId: value.tenantId, tokens, users, groups };
}

function parseToken(value: unknown, where: string): TokenSnapshot {
  const fine =
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.expiresAt === 'string' &&
    typeof value.revoked === 'boolean' &&
    typeof value.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(value.sha256);
  if (!fine) {
    throw new ConfigError(
      `state snapshot ${where} needs id, createdAt, expiresAt, revoked and a sha256 hex hash`,
    );
  }
  return value as unknown as TokenSnapshot;
}

function parseResource(value: unknown, where: string): StoredResource {
  const fine =
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.created === 'string' &&
    typeof value.lastModified === 'string' &&
    isObject(value.doc);
  if (!fine) {
    throw new ConfigError(`state snapshot ${where} needs id, created, lastModified and a doc`);
  }
  const { id, created, lastModified, doc } = value as unknown as StoredResource;
  return { id, created, lastModified, doc };
}

function arrayAt(value: Record<string, unknown>, key: string, where: string): unknown[] {
  const found = value[key];
  if (!Array.isArray(found))
    throw new ConfigError(`state snapshot ${where}.${key} must be an array`);
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
