// The contract between the mock's parts: what the SCIM routes, the admin side and the server
// share. Implementations live beside it (store/, tenants.ts, admin/); this file holds types only.
import type { Logger } from 'pino';

import type { MockProfile } from './profile.ts';
import type { TenantData } from './store/tenant-data.ts';

/** Injectable time source, so token expiry and timestamps can be tested. */
export interface Clock {
  now(): Date;
}

export interface TokenRecord {
  /** Public handle for the admin side; never the secret itself. */
  id: string;
  tenantId: string;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
}

/** Outcome of checking a bearer token; the reason feeds logs, never the response body. */
export type AuthResult =
  | { ok: true; tenantId: string; tokenId: string }
  | { ok: false; reason: 'no-token' | 'unknown-tenant' | 'bad-token' | 'expired' | 'revoked' };

/** Tenants and their bearer tokens (AWS-AUTH-*). Tokens are compared in constant time. */
export interface TenantRegistry {
  createTenant(tenantId?: string): string;
  hasTenant(tenantId: string): boolean;
  listTenants(): string[];
  deleteTenant(tenantId: string): boolean;
  /** Issues a token (the given secret, or a generated one); refuses a third live token. */
  issueToken(tenantId: string, secret?: string): { record: TokenRecord; secret: string };
  listTokens(tenantId: string): TokenRecord[];
  revokeToken(tenantId: string, tokenId: string): boolean;
  expireToken(tenantId: string, tokenId: string): boolean;
  authenticate(tenantId: string, authorizationHeader: string | undefined): AuthResult;
}

/** One journal entry: what a client sent and what it got, tokens redacted. */
export interface JournalEntry {
  seq: number;
  requestId: string;
  at: string;
  tenantId: string | null;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
  durationMs: number;
  /** The fault rule that shaped this answer, if any. */
  fault?: string;
}

export interface JournalQuery {
  tenantId?: string;
  method?: string;
  /** Substring or /regex/ matched against the path. */
  path?: string;
  status?: number;
  sinceSeq?: number;
  limit?: number;
}

export interface Journal {
  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry;
  query(query?: JournalQuery): JournalEntry[];
  clear(): void;
}

/** A fault rule scoped by method and path; `rate` is the share of matching requests hit. */
export interface FaultRule {
  id?: string;
  method?: string;
  /** Substring or /regex/ matched against the path after the tenant base. */
  path?: string;
  tenantId?: string;
  kind: 'latency' | 'status' | 'drop';
  /** For kind status: 429, 500 or 503. */
  status?: number;
  latencyMs?: number;
  rate?: number;
  /** Seconds for a Retry-After header on 429/503, when set. */
  retryAfter?: number;
  /** Stop after this many hits. */
  times?: number;
}

export interface FaultSettings {
  rules: FaultRule[];
  /** Requests per second per tenant (token bucket); null switches it off. */
  rateLimit: number | null;
  /** Seed for the random draw of `rate`, so a fault run can be replayed. */
  seed?: number;
}

export interface FaultInjector {
  settings(): FaultSettings;
  configure(settings: Partial<FaultSettings>): FaultSettings;
  clear(): void;
}

/** A snapshot of everything stateful: tenants, tokens (hashed), users, groups, memberships. */
export interface StateSnapshot {
  version: 1;
  savedAt: string;
  tenants: unknown[];
}

/** The SCIM data of all tenants, with the indexes that answer every AWS filter without a scan. */
export interface MockStore {
  /** One tenant's users, groups and memberships; the tenant must exist in the registry. */
  tenant(tenantId: string): TenantData;
  /** Drops every user, group and membership; tenants and tokens stay. */
  reset(): void;
  exportSnapshot(): StateSnapshot;
  importSnapshot(snapshot: StateSnapshot): void;
}

export interface MockContext {
  profile: MockProfile;
  clock: Clock;
  logger: Logger;
  tenants: TenantRegistry;
  store: MockStore;
  journal: Journal;
  faults: FaultInjector;
  /** Secret for the admin side; never accepted on the SCIM side, nor the reverse. */
  adminToken: string;
}
