// Tenants and their bearer tokens, as the Identity Center console manages them: at most two
// tokens per tenant (AWS-AUTH-TOKEN-LIMIT), each expiring a calendar year after it was made
// (AWS-AUTH-TOKEN-EXPIRY).
// Only SHA-256 hashes are kept; a presented token is compared in constant time against each.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { HarnessError } from '../scim/errors.ts';
import type { AuthResult, Clock, TenantRegistry, TokenRecord } from './context.ts';
import type { MockProfile } from './profile.ts';
import { newTenantId } from './store/ids.ts';

/** A token as a snapshot keeps it: the hash, never the secret. */
export interface TokenSnapshot extends Omit<TokenRecord, 'tenantId'> {
  sha256: string;
}

interface StoredToken {
  record: TokenRecord;
  hash: Buffer;
}

export type TokenRules = Pick<MockProfile, 'maxTokensPerTenant' | 'tokenLifetimeMonths'>;

const TENANT_ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

export class MemoryTenantRegistry implements TenantRegistry {
  private readonly tenants = new Map<string, Map<string, StoredToken>>();
  private readonly deleteListeners: ((tenantId: string) => void)[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly rules: TokenRules,
  ) {}

  /** Creates a tenant (an AWS-like id when none is given); an existing tenant is kept as is. */
  createTenant(tenantId: string = newTenantId()): string {
    if (!TENANT_ID_SHAPE.test(tenantId) || tenantId.startsWith('_')) {
      throw new HarnessError(
        `tenant id '${tenantId}' is not usable in a URL path; use letters, digits, '-' and '_'`,
        'BAD_TENANT_ID',
      );
    }
    if (!this.tenants.has(tenantId)) this.tenants.set(tenantId, new Map());
    return tenantId;
  }

  hasTenant(tenantId: string): boolean {
    return this.tenants.has(tenantId);
  }

  listTenants(): string[] {
    return [...this.tenants.keys()];
  }

  deleteTenant(tenantId: string): boolean {
    if (!this.tenants.delete(tenantId)) return false;
    for (const listener of this.deleteListeners) listener(tenantId);
    return true;
  }

  onTenantDeleted(listener: (tenantId: string) => void): void {
    this.deleteListeners.push(listener);
  }

  /**
   * AWS-AUTH-TOKEN-LIMIT: a third token is refused until one is revoked. An expired token still
   * counts, as in the console, where it stays listed until it is deleted (revoked here).
   */
  issueToken(tenantId: string, secret?: string): { record: TokenRecord; secret: string } {
    const tokens = this.tokensOf(tenantId);
    const held = [...tokens.values()].filter((token) => !token.record.revoked).length;
    if (held >= this.rules.maxTokensPerTenant) {
      throw new HarnessError(
        `tenant '${tenantId}' already holds ${held} tokens, expired ones included (at most ` +
          `${this.rules.maxTokensPerTenant}, AWS-AUTH-TOKEN-LIMIT); revoke one first`,
        'TOKEN_LIMIT',
      );
    }
    const value = secret ?? newTokenSecret();
    if (value.length === 0 || /\s/.test(value)) {
      throw new HarnessError('a token must be non-empty and hold no whitespace', 'BAD_TOKEN');
    }
    if (findToken(tokens, sha256(value))) {
      throw new HarnessError(`tenant '${tenantId}' already holds this token`, 'TOKEN_EXISTS');
    }
    const now = this.clock.now();
    const record: TokenRecord = {
      id: `tok-${randomBytes(6).toString('hex')}`,
      tenantId,
      createdAt: now.toISOString(),
      expiresAt: addUtcMonths(now, this.rules.tokenLifetimeMonths).toISOString(),
      revoked: false,
    };
    tokens.set(record.id, { record, hash: sha256(value) });
    return { record: { ...record }, secret: value };
  }

  listTokens(tenantId: string): TokenRecord[] {
    return [...this.tokensOf(tenantId).values()].map((token) => ({ ...token.record }));
  }

  revokeToken(tenantId: string, tokenId: string): boolean {
    const token = this.tenants.get(tenantId)?.get(tokenId);
    if (!token) return false;
    token.record.revoked = true;
    return true;
  }

  /** Makes a token expire now, as if its year had passed. */
  expireToken(tenantId: string, tokenId: string): boolean {
    const token = this.tenants.get(tenantId)?.get(tokenId);
    if (!token) return false;
    token.record.expiresAt = this.clock.now().toISOString();
    return true;
  }

  /** AWS-AUTH-BEARER-401 and AWS-AUTH-UNKNOWN-TENANT; the reason is for logs only. */
  authenticate(tenantId: string, authorizationHeader: string | undefined): AuthResult {
    const tokens = this.tenants.get(tenantId);
    if (!tokens) return { ok: false, reason: 'unknown-tenant' };
    const presented = BEARER.exec(authorizationHeader ?? '')?.[1];
    if (presented === undefined) return { ok: false, reason: 'no-token' };
    const match = findToken(tokens, sha256(presented));
    if (!match) return { ok: false, reason: 'bad-token' };
    if (match.record.revoked) return { ok: false, reason: 'revoked' };
    if (!this.isLive(match.record)) return { ok: false, reason: 'expired' };
    return { ok: true, tenantId, tokenId: match.record.id };
  }

  exportTokens(tenantId: string): TokenSnapshot[] {
    return [...this.tokensOf(tenantId).values()].map(({ record, hash }) => ({
      id: record.id,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      revoked: record.revoked,
      sha256: hash.toString('hex'),
    }));
  }

  /** Restores a tenant and its hashed tokens from a snapshot, replacing what it held. */
  restoreTenant(tenantId: string, tokens: readonly TokenSnapshot[]): void {
    this.createTenant(tenantId);
    const restored = new Map<string, StoredToken>();
    for (const token of tokens) {
      const { sha256: hex, ...rest } = token;
      restored.set(token.id, { record: { ...rest, tenantId }, hash: Buffer.from(hex, 'hex') });
    }
    this.tenants.set(tenantId, restored);
  }

  clear(): void {
    for (const tenantId of this.listTenants()) this.deleteTenant(tenantId);
  }

  private tokensOf(tenantId: string): Map<string, StoredToken> {
    const tokens = this.tenants.get(tenantId);
    if (!tokens) throw new HarnessError(`unknown tenant '${tenantId}'`, 'UNKNOWN_TENANT');
    return tokens;
  }

  private isLive(record: TokenRecord): boolean {
    return !record.revoked && this.clock.now().getTime() < Date.parse(record.expiresAt);
  }
}

/**
 * AWS-AUTH-TOKEN-EXPIRY: the same UTC time `months` calendar months later (UG-AUTO: a token lasts
 * one year, which is 366 days when it spans a Feb 29). A day the target month lacks is clamped to
 * that month's last day: a token made on Feb 29 expires on Feb 28 a year later, and a one-month
 * token made on Jan 31 on February's last day.
 */
export function addUtcMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  // Day 0 of the month after is the last day of the target month; Date.UTC carries the years.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const at = new Date(from.getTime());
  at.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  return at;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares against every token without stopping early, so timing does not reveal which. */
function findToken(tokens: Map<string, StoredToken>, hash: Buffer): StoredToken | undefined {
  let found: StoredToken | undefined;
  for (const token of tokens.values()) {
    if (timingSafeEqual(token.hash, hash) && !found) found = token;
  }
  return found;
}

/** Shaped like the one AWS token seen in the wild: `<uuid>:<uuid>:<long base64>`. */
function newTokenSecret(): string {
  return `${randomUUID()}:${randomUUID()}:${randomBytes(96).toString('base64')}`;
}
