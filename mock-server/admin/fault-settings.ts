// Validates fault settings from the admin API or the CLI, so a typo is a clear 400 and not a
// rule that silently never fires.
import { ConfigError } from '../../scim/errors.ts';
import type { FaultRule, FaultSettings } from '../context.ts';
import { compilePathPattern } from './path-pattern.ts';

const FAULT_STATUSES: readonly number[] = [429, 500, 503];
const MAX_LATENCY_MS = 60_000;
const KINDS = new Set(['latency', 'status', 'drop']);
const RULE_KEYS = new Set([
  'id',
  'method',
  'path',
  'tenantId',
  'kind',
  'status',
  'latencyMs',
  'rate',
  'retryAfter',
  'times',
]);
const SETTINGS_KEYS = new Set(['rules', 'rateLimit', 'seed']);
const MAX_RULES = 1_000;

/** Checks untrusted input and returns it typed; throws ConfigError naming the bad field. */
export function validateFaultSettings(input: unknown): Partial<FaultSettings> {
  const settings = asObject(input, 'fault settings');
  rejectUnknownKeys(settings, SETTINGS_KEYS, 'fault settings');
  const result: Partial<FaultSettings> = {};
  if (settings.rules !== undefined) result.rules = validateRules(settings.rules);
  if (settings.rateLimit !== undefined) result.rateLimit = validateRateLimit(settings.rateLimit);
  if (settings.seed !== undefined) {
    if (!Number.isSafeInteger(settings.seed)) {
      throw new ConfigError(
        `fault settings: 'seed' must be an integer, got ${show(settings.seed)}`,
      );
    }
    result.seed = settings.seed as number;
  }
  return result;
}

function validateRules(rules: unknown): FaultRule[] {
  if (!Array.isArray(rules)) {
    throw new ConfigError(`fault settings: 'rules' must be an array, got ${show(rules)}`);
  }
  if (rules.length > MAX_RULES) {
    throw new ConfigError(`fault settings: at most ${MAX_RULES} rules, got ${rules.length}`);
  }
  return rules.map((rule, index) => validateRule(rule, `rules[${index}]`));
}

function validateRateLimit(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(
      `fault settings: 'rateLimit' must be null or a positive number of requests per second, got ${show(value)}`,
    );
  }
  return value;
}

function validateRule(input: unknown, where: string): FaultRule {
  const rule = asObject(input, where);
  rejectUnknownKeys(rule, RULE_KEYS, where);
  if (typeof rule.kind !== 'string' || !KINDS.has(rule.kind)) {
    throw new ConfigError(
      `${where}: 'kind' must be one of latency, status, drop; got ${show(rule.kind)}`,
    );
  }
  for (const key of ['id', 'method', 'path', 'tenantId'] as const) {
    if (rule[key] !== undefined && (typeof rule[key] !== 'string' || rule[key] === '')) {
      throw new ConfigError(
        `${where}: '${key}' must be a non-empty string, got ${show(rule[key])}`,
      );
    }
  }
  checkKindFields(rule, where);
  checkNumber(rule, 'rate', where, { min: 0, max: 1 });
  checkNumber(rule, 'times', where, { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
  compileOrExplain(rule.path as string | undefined, where);
  return rule as unknown as FaultRule;
}

function checkKindFields(rule: Record<string, unknown>, where: string): void {
  const kind = rule.kind as FaultRule['kind'];
  requireOnlyFor(rule, 'status', kind === 'status', where);
  requireOnlyFor(rule, 'latencyMs', kind === 'latency', where);
  if (kind === 'status' && !FAULT_STATUSES.includes(rule.status as number)) {
    throw new ConfigError(`${where}: 'status' must be 429, 500 or 503, got ${show(rule.status)}`);
  }
  checkNumber(rule, 'latencyMs', where, { min: 0, max: MAX_LATENCY_MS, integer: true });
  if (rule.retryAfter !== undefined && rule.status !== 429 && rule.status !== 503) {
    throw new ConfigError(`${where}: 'retryAfter' applies only to status 429 or 503 rules`);
  }
  checkNumber(rule, 'retryAfter', where, { min: 0, max: 86_400, integer: true });
}

function requireOnlyFor(
  rule: Record<string, unknown>,
  key: string,
  needed: boolean,
  where: string,
): void {
  if (needed && rule[key] === undefined) {
    throw new ConfigError(`${where}: a '${String(rule.kind)}' rule needs '${key}'`);
  }
  if (!needed && rule[key] !== undefined) {
    throw new ConfigError(`${where}: '${key}' does not apply to a '${String(rule.kind)}' rule`);
  }
}

interface Range {
  min: number;
  max: number;
  integer?: boolean;
}

function checkNumber(
  rule: Record<string, unknown>,
  key: string,
  where: string,
  range: Range,
): void {
  const value = rule[key];
  if (value === undefined) return;
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  const ok =
    isNumber &&
    value >= range.min &&
    value <= range.max &&
    (!range.integer || Number.isInteger(value));
  if (!ok) {
    const kind = range.integer ? 'an integer' : 'a number';
    throw new ConfigError(
      `${where}: '${key}' must be ${kind} from ${range.min} to ${range.max}, got ${show(value)}`,
    );
  }
}

function compileOrExplain(path: string | undefined, where: string): void {
  try {
    compilePathPattern(path);
  } catch (error) {
    throw new ConfigError(`${where}: ${(error as Error).message.replace('[scim-harness] ', '')}`);
  }
}

function asObject(input: unknown, where: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError(`${where} must be a JSON object, got ${show(input)}`);
  }
  return input as Record<string, unknown>;
}

function rejectUnknownKeys(
  input: Record<string, unknown>,
  known: Set<string>,
  where: string,
): void {
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${where}: unknown field(s) ${unknown.join(', ')}; known: ${[...known].join(', ')}`,
    );
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
