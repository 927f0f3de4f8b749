// Fault injection for the mock: seeded, replayable rules (latency, error status, dropped
// connection), read by the fault middleware on every SCIM request, and a per-tenant rate limit,
// read by the rate-limit gate once a request's token is accepted.
import type { FaultInjector, FaultRule, FaultSettings } from '../context.ts';
import { validateFaultSettings } from './fault-settings.ts';
import { compilePathPattern } from './path-pattern.ts';
import type { PathMatcher } from './path-pattern.ts';
import { seededRandom } from './seeded-random.ts';
import { TokenBuckets } from './token-buckets.ts';

export { faultMiddleware, rateLimitGate } from './fault-middleware.ts';

/** The SCIM request a decision is made for; `path` is the part after `/scim/v2`. */
export interface FaultTarget {
  method: string;
  path: string;
  tenantId: string;
}

/** What to do with a request: wait `latencyMs`, then answer `terminal` (a status or drop rule). */
export interface FaultDecision {
  latencyMs: number;
  terminal: FaultRule | null;
  /** Rule ids (or kinds) that fired, for the journal's `fault` field. */
  labels: string[];
}

interface ActiveRule {
  rule: FaultRule;
  matchesPath: PathMatcher;
  method: string | undefined;
  hits: number;
}

const DEFAULT_FAULT_SEED = 1;

export class SeededFaultInjector implements FaultInjector {
  private current: FaultSettings = { rules: [], rateLimit: null, seed: DEFAULT_FAULT_SEED };
  private active: ActiveRule[] = [];
  private random = seededRandom(DEFAULT_FAULT_SEED);
  private buckets: TokenBuckets | null = null;

  constructor(settings: Partial<FaultSettings> = {}) {
    this.configure(settings);
  }

  settings(): FaultSettings {
    return structuredClone(this.current);
  }

  /**
   * Merges the given settings (validated; throws ConfigError). New rules or a new seed restart
   * the random sequence and the `times` counts; a new rate limit refills every bucket.
   */
  configure(settings: Partial<FaultSettings>): FaultSettings {
    const valid = structuredClone(validateFaultSettings(settings));
    this.current = { ...this.current, ...valid };
    if (valid.rules !== undefined || valid.seed !== undefined) this.restartRules();
    if (valid.rateLimit !== undefined) {
      this.buckets = valid.rateLimit === null ? null : new TokenBuckets(valid.rateLimit);
    }
    return this.settings();
  }

  /** Switches every fault off; the seed is kept so the next rules replay the same way. */
  clear(): void {
    this.configure({ rules: [], rateLimit: null });
  }

  get rateLimited(): boolean {
    return this.buckets !== null;
  }

  /** False when no fault rule is set, so the fault middleware can skip every request. */
  get hasRules(): boolean {
    return this.active.length > 0;
  }

  /** AWS-THROTTLE-429: false when the tenant's bucket is empty at `nowMs`. */
  admit(tenantId: string, nowMs: number): boolean {
    return this.buckets === null || this.buckets.take(tenantId, nowMs);
  }

  /**
   * Walks the rules in order: each latency rule that fires adds its delay; the first status or
   * drop rule that fires ends the walk. Null when nothing fires.
   */
  decide(target: FaultTarget): FaultDecision | null {
    let decision: FaultDecision | null = null;
    for (const active of this.active) {
      if (!this.fires(active, target)) continue;
      decision ??= { latencyMs: 0, terminal: null, labels: [] };
      decision.labels.push(active.rule.id ?? active.rule.kind);
      if (active.rule.kind === 'latency') {
        decision.latencyMs += active.rule.latencyMs ?? 0;
        continue;
      }
      decision.terminal = active.rule;
      break;
    }
    return decision;
  }

  private fires(active: ActiveRule, target: FaultTarget): boolean {
    const { rule } = active;
    if (rule.times !== undefined && active.hits >= rule.times) return false;
    if (active.method !== undefined && active.method !== target.method.toUpperCase()) return false;
    if (rule.tenantId !== undefined && rule.tenantId !== target.tenantId) return false;
    if (!active.matchesPath(target.path)) return false;
    // The draw happens only for matching requests, so the same traffic replays the same hits.
    if (rule.rate !== undefined && rule.rate < 1 && this.random() >= rule.rate) return false;
    active.hits += 1;
    return true;
  }

  private restartRules(): void {
    this.random = seededRandom(this.current.seed ?? DEFAULT_FAULT_SEED);
    this.active = this.current.rules.map((rule) => ({
      rule,
      matchesPath: compilePathPattern(rule.path),
      method: rule.method?.toUpperCase(),
      hits: 0,
    }));
  }
}
