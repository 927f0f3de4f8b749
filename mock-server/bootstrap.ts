// Assembles a MockContext from start options: profile, clock, logger, registry, store, journal,
// faults; loads `--state`, then makes sure the start tenant exists and has the start token.
import { randomBytes } from 'node:crypto';

import type { Logger } from 'pino';

import { ConfigError, HarnessError } from '../scim/errors.ts';
import { MemoryJournal } from './admin/journal.ts';
import { SeededFaultInjector } from './admin/faults.ts';
import type { Clock, MockContext } from './context.ts';
import { createLogger } from './logger.ts';
import { PROFILES, resolveProfile, type MockProfile } from './profile.ts';
import { loadStateFile } from './state-file.ts';
import { MemoryStore } from './store/memory-store.ts';
import { MemoryTenantRegistry } from './tenants.ts';

export interface MockOptions {
  port?: number;
  host?: string;
  tenantId?: string;
  token?: string;
  profile?: string | MockProfile;
  profileOverrides?: Record<string, unknown>;
  statePath?: string;
  logLevel?: string;
  logger?: Logger;
  clock?: Clock;
  adminToken?: string;
  /** AWS-THROTTLE-429: requests per second per tenant; off when absent. */
  rateLimit?: number;
  /** Let the admin API answer callers off loopback (e.g. in a container). */
  adminAllowRemote?: boolean;
}

export interface Bootstrapped {
  context: MockContext;
  tenantId: string;
  token: string;
}

const systemClock: Clock = { now: () => new Date() };

export async function bootstrap(options: MockOptions): Promise<Bootstrapped> {
  const profile = profileOf(options);
  const clock = options.clock ?? systemClock;
  const tenants = new MemoryTenantRegistry(clock, profile);
  const store = new MemoryStore(tenants, clock);
  const adminToken = options.adminToken ?? `adm-${randomBytes(24).toString('base64url')}`;
  if (options.token !== undefined && options.token === adminToken) {
    throw new ConfigError('the SCIM token and the admin token must differ');
  }
  const context: MockContext = {
    profile,
    clock,
    logger: options.logger ?? createLogger(options.logLevel),
    tenants,
    store,
    journal: new MemoryJournal(),
    faults: new SeededFaultInjector(
      options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit },
    ),
    adminToken,
  };
  if (options.statePath) {
    const snapshot = await loadStateFile(options.statePath);
    if (snapshot) store.importSnapshot(snapshot);
  }
  const tenantId = tenants.createTenant(options.tenantId ?? tenants.listTenants()[0]);
  return { context, tenantId, token: startToken(tenants, tenantId, options) };
}

function profileOf(options: MockOptions): MockProfile {
  const { profile, profileOverrides } = options;
  if (typeof profile === 'object') return resolveProfileObject(profile, profileOverrides);
  return resolveProfile(profile ?? 'aws', profileOverrides);
}

/** A profile object is checked like overrides of the shipped profile it names (or `aws`). */
function resolveProfileObject(profile: MockProfile, overrides: Record<string, unknown> = {}) {
  const { name, ...settings } = profile;
  const base = name in PROFILES ? name : 'aws';
  return { ...resolveProfile(base, { ...settings, ...overrides }), name };
}

/** Reuses the given token when the tenant already holds it (a restart with --state). */
function startToken(tenants: MemoryTenantRegistry, tenantId: string, options: MockOptions) {
  const { token } = options;
  if (token !== undefined && tenants.authenticate(tenantId, `Bearer ${token}`).ok) return token;
  try {
    return tenants.issueToken(tenantId, token).secret;
  } catch (error) {
    if (!(error instanceof HarnessError) || error.code !== 'TOKEN_LIMIT') throw error;
    throw new ConfigError(
      `tenant '${tenantId}' in the state file already holds its live tokens; pass one of them ` +
        'with --token, or revoke one through the admin API',
      { cause: error },
    );
  }
}
