// A profile holds every setting of the mock that the AWS reference leaves open (Part A's table),
// so a user who learns how real AWS behaves can change the mock without a code change.
import { ConfigError } from '../scim/errors.ts';

export interface MockProfile {
  name: string;
  /** AWS-AUTH-UNKNOWN-TENANT: status for an unknown tenant id in the URL. */
  unknownTenantStatus: 401 | 404;
  /** AWS-LIST-CAP: most resources in a list without cursor; 50 is the pre-2025 endpoint. */
  listCap: 100 | 50;
  /** AWS-CURSOR-START: cursor paging exists (2025+ endpoint). */
  cursorPaging: boolean;
  /** AWS-USER-RESERVED-NAMES: userNames and group displayNames refused with 400. */
  reservedNames: string[];
  /** AWS-USER-LENGTH-LIMITS */
  maxUserNameLength: number;
  maxStringLength: number;
  /** AWS-USER-EXTERNALID-UNIQUE */
  uniqueExternalId: boolean;
  /** AWS-USER-EMAIL-UNIQUE */
  uniqueEmail: boolean;
  /** AWS-USER-REQUIRED-EMAIL */
  requireEmail: boolean;
  /** AWS-USER-PRIMARY-EMAIL: true also refuses an email that omits `primary`. */
  requirePrimaryEmail: boolean;
  /** AWS-USER-ACTIVE-DEFAULT */
  defaultActive: boolean;
  /** AWS-ID-FORMAT: `uuid` (today) or `legacy` (10 hex characters, a dash, a UUID). */
  idStyle: 'uuid' | 'legacy';
  /** AWS-THROTTLE-429: Retry-After seconds on 429 answers, or null for none. */
  retryAfter: number | null;
  /** AWS-HTTP-BODY-LIMIT */
  maxBodyBytes: number;
  /** AWS-GROUP-CREATE-MEMBERS-MAX and AWS-PATCH-MEMBERS-MAX */
  maxMembershipChanges: number;
  /** AWS-AUTH-TOKEN-LIMIT and AWS-AUTH-TOKEN-EXPIRY */
  maxTokensPerTenant: number;
  tokenLifetimeDays: number;
}

const AWS: MockProfile = {
  name: 'aws',
  unknownTenantStatus: 401,
  listCap: 100,
  cursorPaging: true,
  reservedNames: ['Administrator', 'AWSAdministrators'],
  maxUserNameLength: 128,
  maxStringLength: 1024,
  uniqueExternalId: true,
  uniqueEmail: true,
  requireEmail: true,
  requirePrimaryEmail: false,
  defaultActive: true,
  idStyle: 'uuid',
  retryAfter: null,
  maxBodyBytes: 1_048_576,
  maxMembershipChanges: 100,
  maxTokensPerTenant: 2,
  tokenLifetimeDays: 365,
};

/** The profiles that ship: today's endpoint, and the 50-result, cursor-less one of 2021-2024. */
export const PROFILES: Readonly<Record<string, MockProfile>> = {
  aws: AWS,
  'aws-legacy': { ...AWS, name: 'aws-legacy', listCap: 50, cursorPaging: false, idStyle: 'legacy' },
};

const SETTING_NAMES = new Set(Object.keys(AWS));

/** A named profile with single settings overridden; unknown names and settings are refused. */
export function resolveProfile(
  name: string = 'aws',
  overrides: Record<string, unknown> = {},
): MockProfile {
  const base = PROFILES[name];
  if (!base) {
    throw new ConfigError(
      `unknown profile '${name}'; use one of: ${Object.keys(PROFILES).join(', ')}`,
    );
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (!SETTING_NAMES.has(key) || key === 'name') {
      throw new ConfigError(`unknown profile setting '${key}'`);
    }
    const expected = typeof base[key as keyof MockProfile];
    const actual = value === null ? 'object' : typeof value;
    // retryAfter is the one nullable setting: null (no header) or a number of seconds.
    const nullable = key === 'retryAfter' && (value === null || typeof value === 'number');
    if (!nullable && actual !== expected && !(expected === 'object' && Array.isArray(value))) {
      throw new ConfigError(`profile setting '${key}' takes a ${expected}, got ${actual}`);
    }
  }
  const profile = { ...base, ...overrides } as MockProfile;
  if (profile.listCap !== 100 && profile.listCap !== 50) {
    throw new ConfigError(`profile setting 'listCap' must be 100 or 50, got ${profile.listCap}`);
  }
  if (profile.unknownTenantStatus !== 401 && profile.unknownTenantStatus !== 404) {
    throw new ConfigError(`profile setting 'unknownTenantStatus' must be 401 or 404`);
  }
  return profile;
}
