// The check API shared by every suite: a check is data plus one async function, run by the
// runner through mocha. See suites/README.md for how to write and register one.
import type { Level, SuiteName } from '../model.ts';
import type { CleanupRegistry } from './cleanup.ts';
import type { Capabilities, Capability } from './capabilities.ts';
import type { ScimHttp } from './http-client.ts';
import type { Target } from './target.ts';

/** What the target is measured against: AWS's documented behaviour, or RFC 7643/7644. */
export type Profile = 'aws' | 'rfc7644';

export const PROFILE_NAMES: readonly Profile[] = ['aws', 'rfc7644'];

/** Everything a check may use; `http` and its exchanges belong to the one check being run. */
export interface CheckContext {
  profile: Profile;
  seed: number;
  /** Prefix of every resource name this run creates, so it never touches other data. */
  namePrefix: string;
  http: ScimHttp;
  target: Target;
  capabilities: Capabilities;
  cleanup: CleanupRegistry;
  /** Builds a value once per run and shares it between checks (e.g. a pool of users). */
  memo<T>(key: string, build: () => Promise<T>): Promise<T>;
  /** Ends the check as not applicable, e.g. when the target lacks a hook it needs. */
  notApplicable(reason: string): never;
}

export interface Check {
  /** Stable requirement id, `SP-…` for service-provider checks. */
  id: string;
  area: string;
  title: string;
  level: Level;
  /** A different level under one profile (e.g. MUST for AWS, MAY for the RFC). */
  levels?: Partial<Record<Profile, Level>>;
  /** RFC sections (`RFC 7644 §3.3`) and AWS behaviour ids (`AWS-USER-CREATE-201`). */
  references: readonly string[];
  profiles: readonly Profile[];
  /** Features the target must advertise; otherwise the check is not applicable. */
  requires?: readonly Capability[];
  /** True when the check sends no request that could change data (`--read-only` runs these). */
  readOnly?: boolean;
  timeoutMs?: number;
  run(ctx: CheckContext): Promise<void>;
}

export interface SuiteDefinition {
  name: SuiteName;
  title: string;
  checks: readonly Check[];
}

/** Thrown by `ctx.notApplicable`; the runner turns it into a skipped mocha test. */
export class NotApplicable extends Error {
  override readonly name = 'NotApplicable';
}

/** The level a check has under a profile. */
export function levelFor(check: Check, profile: Profile): Level {
  return check.levels?.[profile] ?? check.level;
}
