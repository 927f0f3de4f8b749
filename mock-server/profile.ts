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
  /** AWS-DISCOVERY-SCHEMAS-LEGACY-404: /Schemas exists (added Feb 2024); false answers 404. */
  schemasEndpoint: boolean;
  /** AWS-USER-RESERVED-NAMES: userNames and group displayNames refused with 400. */
  reservedNames: string[];
  /** AWS-USER-LENGTH-LIMITS */
  maxUserNameLength: number;
  maxStringLength: number;
  /** AWS-USER-FORBIDDEN-CHARS: characters refused in user and group attributes; '' for none. */
  forbiddenCharacters: string;
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
  /** AWS-QUOTA-USERS-GROUPS: most users and groups a tenant holds; a create past it gets 400. */
  maxUsers: number;
  maxGroups: number;
  /** AWS-AUTH-TOKEN-LIMIT */
  maxTokensPerTenant: number;
  /** AWS-AUTH-TOKEN-EXPIRY: calendar months a token lives, in UTC; 12 is AWS's one year. */
  tokenLifetimeMonths: number;
}

const AWS: MockProfile = {
  name: 'aws',
  unknownTenantStatus: 401,
  listCap: 100,
  cursorPaging: true,
  schemasEndpoint: true,
  reservedNames: ['Administrator', 'AWSAdministrators'],
  maxUserNameLength: 128,
  maxStringLength: 1024,
  forbiddenCharacters: '<>;:%',
  uniqueExternalId: true,
  uniqueEmail: true,
  requireEmail: true,
  requirePrimaryEmail: false,
  defaultActive: true,
  idStyle: 'uuid',
  retryAfter: null,
  maxBodyBytes: 1_048_576,
  maxMembershipChanges: 100,
  maxUsers: 100_000,
  maxGroups: 100_000,
  maxTokensPerTenant: 2,
  tokenLifetimeMonths: 12,
};

/**
 * The profiles that ship: today's endpoint, and the one of 2021-2024 (50 results, no cursors, no
 * /Schemas).
 */
export const PROFILES: Readonly<Record<string, MockProfile>> = {
  aws: AWS,
  'aws-legacy': {
    ...AWS,
    name: 'aws-legacy',
    listCap: 50,
    cursorPaging: false,
    schemasEndpoint: false,
    idStyle: 'legacy',
  },
};

const SETTING_NAMES = new Set(Object.keys(AWS).filter((key) => key !== 'name'));

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
  for (const [key, value] of Object.entries(overrides)) checkSettingType(base, key, value);
  const profile: MockProfile = { ...base, ...cursorPagingOf(overrides), ...overrides };
  checkSettingValues(profile);
  return profile;
}

/**
 * AWS-LIST-CAP: a 50-result cap is the pre-2025 endpoint, which had no cursor paging, so an
 * override of `listCap` to 50 alone turns cursors off too (and back on for 100).
 */
function cursorPagingOf(overrides: Record<string, unknown>): Partial<MockProfile> {
  if (overrides.cursorPaging !== undefined || overrides.listCap === undefined) return {};
  return { cursorPaging: overrides.listCap === 100 };
}

function checkSettingType(base: MockProfile, key: string, value: unknown): void {
  if (Object.hasOwn(RETIRED_SETTINGS, key)) {
    throw new ConfigError(`profile setting '${key}' was replaced by ${RETIRED_SETTINGS[key]}`);
  }
  if (!SETTING_NAMES.has(key)) {
    throw new ConfigError(
      `unknown profile setting '${key}'; known: ${[...SETTING_NAMES].join(', ')}`,
    );
  }
  // retryAfter is the one nullable setting: null (no header) or a number of seconds.
  if (key === 'retryAfter' && (value === null || typeof value === 'number')) return;
  if (key === 'reservedNames') {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return;
    throw new ConfigError(`profile setting 'reservedNames' takes an array of strings`);
  }
  const expected = typeof base[key as keyof MockProfile];
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (actual !== expected) {
    throw new ConfigError(`profile setting '${key}' takes a ${expected}, got ${actual}`);
  }
}

const POSITIVE_INTEGERS = [
  'maxUserNameLength',
  'maxStringLength',
  'maxBodyBytes',
  'maxMembershipChanges',
  'maxUsers',
  'maxGroups',
  'maxTokensPerTenant',
] as const;

// A century of months: far beyond any real token, and well inside what a Date can hold.
const MAX_TOKEN_LIFETIME_MONTHS = 1200;

/** Settings that were renamed, with what replaced them, so an old config file fails clearly. */
const RETIRED_SETTINGS: Readonly<Record<string, string>> = {
  tokenLifetimeDays: "'tokenLifetimeMonths' (calendar months, so a year is 12 whatever its length)",
};

function checkSettingValues(profile: MockProfile): void {
  const oneOf = (key: keyof MockProfile, allowed: readonly unknown[]) => {
    if (allowed.includes(profile[key])) return;
    const shown = allowed.map((value) => JSON.stringify(value)).join(' or ');
    throw new ConfigError(
      `profile setting '${key}' must be ${shown}, got ${JSON.stringify(profile[key])}`,
    );
  };
  oneOf('listCap', [100, 50]);
  if (profile.cursorPaging && profile.listCap !== 100) {
    throw new ConfigError(
      `profile setting 'cursorPaging' needs 'listCap' 100: the 50-result endpoint had no cursors`,
    );
  }
  oneOf('unknownTenantStatus', [401, 404]);
  oneOf('idStyle', ['uuid', 'legacy']);
  for (const key of POSITIVE_INTEGERS) {
    const value = profile[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new ConfigError(`profile setting '${key}' must be a positive integer, got ${value}`);
    }
  }
  if (profile.retryAfter !== null && !(profile.retryAfter >= 0)) {
    throw new ConfigError(`profile setting 'retryAfter' must be null or seconds >= 0`);
  }
  checkTokenLifetime(profile.tokenLifetimeMonths);
}

function checkTokenLifetime(months: number): void {
  if (Number.isInteger(months) && months >= 1 && months <= MAX_TOKEN_LIFETIME_MONTHS) return;
  throw new ConfigError(
    `profile setting 'tokenLifetimeMonths' must be a whole number of calendar months from 1 to ` +
      `${MAX_TOKEN_LIFETIME_MONTHS} (AWS's one year is 12), got ${months}`,
  );
}
