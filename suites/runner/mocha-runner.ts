// Runs checks through mocha programmatically: one mocha suite per harness suite and area, one
// test per check; `this.skip()` marks not-applicable; mocha's events become check states.
import Mocha from 'mocha';

import type { Check, CheckContext, Profile, SuiteDefinition } from './check.ts';
import { NotApplicable } from './check.ts';
import { failureMessage, newCheckState, type CheckState } from './check-state.ts';
import { CleanupRegistry, type CleanupFailure } from './cleanup.ts';
import { missingCapability, readCapabilities, type Capabilities } from './capabilities.ts';
import { ScimHttp } from './http-client.ts';
import type { Target } from './target.ts';

export interface ExecuteOptions {
  suites: readonly SuiteDefinition[];
  profile: Profile;
  target: Target;
  seed: number;
  namePrefix: string;
  readOnly: boolean;
  /** Runs only checks whose `<suite> <area> <id>: <title>` contains it (or matches /regex/). */
  grep?: string;
  /** Stops after the check in progress (e.g. on Ctrl-C); what was created is still deleted. */
  signal?: AbortSignal;
}

export interface Execution {
  states: CheckState[];
  cleanupFailures: CleanupFailure[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
const CLEANUP_TIMEOUT_MS = 300_000;

/** Runs the selected checks and reports what happened to each. */
export async function executeChecks(options: ExecuteOptions): Promise<Execution> {
  const mocha = new Mocha({ reporter: SilentReporter, timeout: DEFAULT_TIMEOUT_MS });
  const states = new Map<Mocha.Runnable, CheckState>();
  const cleanupFailures: CleanupFailure[] = [];
  const registries = options.suites.map((suite, index) =>
    addSuite(mocha.suite, suite, index, options, states, cleanupFailures),
  );
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    const abort = (): void => void runner.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    runner.on('pass', (test) => finish(states.get(test), 'passed'));
    runner.on('pending', (test) => finish(states.get(test), 'not-applicable'));
    runner.on('fail', (runnable, error) => onFail(states, runnable, error, cleanupFailures));
  });
  mocha.dispose();
  // An aborted run skips mocha's after hooks; whatever they left is deleted here.
  for (const registry of registries) cleanupFailures.push(...(await registry.runAll()));
  return { states: [...states.values()].filter((state) => state.raw), cleanupFailures };
}

function addSuite(
  parent: Mocha.Suite,
  suite: SuiteDefinition,
  suiteIndex: number,
  options: ExecuteOptions,
  states: Map<Mocha.Runnable, CheckState>,
  cleanupFailures: CleanupFailure[],
): CleanupRegistry {
  const shared = sharedState(options);
  const selected = selectChecks(suite, options);
  if (selected.length === 0) return shared.cleanup;
  const root = Mocha.Suite.create(parent, suite.title);
  root.beforeAll(`${suite.name}: read /ServiceProviderConfig`, async function () {
    shared.capabilities = await readCapabilities(shared.http, options.profile);
  });
  root.afterAll(`${suite.name}: delete what the run created`, async function () {
    this.timeout(CLEANUP_TIMEOUT_MS);
    cleanupFailures.push(...(await shared.cleanup.runAll()));
  });
  for (const [area, checks] of groupByArea(selected)) {
    const areaSuite = Mocha.Suite.create(root, area);
    for (const check of checks) {
      const state = newCheckState(check, suiteIndex);
      const test = new Mocha.Test(`${check.id}: ${check.title}`, testBody(state, options, shared));
      test.timeout(check.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      states.set(test, state);
      areaSuite.addTest(test);
    }
  }
  return shared.cleanup;
}

interface SharedState {
  http: ScimHttp;
  cleanup: CleanupRegistry;
  memos: Map<string, Promise<unknown>>;
  capabilities: Capabilities;
}

function sharedState(options: ExecuteOptions): SharedState {
  const http = new ScimHttp(options.target.baseUrl, options.target.token);
  return {
    http,
    cleanup: new CleanupRegistry(http),
    memos: new Map(),
    capabilities: { advertised: new Set(), unavailable: 'not read yet' },
  };
}

function testBody(
  state: CheckState,
  options: ExecuteOptions,
  shared: SharedState,
): Mocha.AsyncFunc {
  return async function (this: Mocha.Context) {
    const reason = notApplicableReason(state.check, options, shared.capabilities);
    if (reason) skipWith(this, state, reason);
    const http = shared.http.fork();
    state.exchanges = http.exchanges;
    const started = performance.now();
    try {
      await state.check.run(contextFor(options, shared, http));
    } catch (error) {
      if (error instanceof NotApplicable) skipWith(this, state, error.message);
      throw error;
    } finally {
      state.durationMs = Math.round(performance.now() - started);
    }
  };
}

function skipWith(context: Mocha.Context, state: CheckState, reason: string): never {
  state.reason = reason;
  context.skip();
}

function contextFor(options: ExecuteOptions, shared: SharedState, http: ScimHttp): CheckContext {
  return {
    profile: options.profile,
    seed: options.seed,
    namePrefix: options.namePrefix,
    http,
    target: options.target,
    capabilities: shared.capabilities,
    cleanup: shared.cleanup,
    memo: <T>(key: string, build: () => Promise<T>): Promise<T> => {
      if (!shared.memos.has(key)) shared.memos.set(key, build());
      return shared.memos.get(key) as Promise<T>;
    },
    notApplicable: (reason: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

/** Why a check cannot run here: read-only mode, or a feature the target does not advertise. */
function notApplicableReason(
  check: Check,
  options: ExecuteOptions,
  capabilities: Capabilities,
): string | undefined {
  if (options.readOnly && !check.readOnly) return 'not run: --read-only touches nothing';
  const missing = missingCapability(capabilities, check.requires);
  if (!missing) return undefined;
  const why = capabilities.unavailable ? ` (${capabilities.unavailable})` : '';
  return `the target does not advertise '${missing}' in /ServiceProviderConfig${why}`;
}

function selectChecks(suite: SuiteDefinition, options: ExecuteOptions): Check[] {
  const matches = grepMatcher(options.grep);
  return suite.checks.filter(
    (check) =>
      check.profiles.includes(options.profile) &&
      matches(`${suite.name} ${check.area} ${check.id}: ${check.title}`),
  );
}

function grepMatcher(grep: string | undefined): (text: string) => boolean {
  if (!grep) return () => true;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(grep);
  if (regex) {
    const pattern = new RegExp(regex[1], regex[2]);
    return (text) => pattern.test(text);
  }
  return (text) => text.includes(grep);
}

function groupByArea(checks: readonly Check[]): Map<string, Check[]> {
  const areas = new Map<string, Check[]>();
  for (const check of checks) areas.set(check.area, [...(areas.get(check.area) ?? []), check]);
  return areas;
}

function finish(state: CheckState | undefined, raw: CheckState['raw']): void {
  if (state) state.raw = raw;
}

/** A failing test fails its check; a failing hook fails every check it kept from running. */
function onFail(
  states: Map<Mocha.Runnable, CheckState>,
  runnable: Mocha.Runnable,
  error: unknown,
  cleanupFailures: CleanupFailure[],
): void {
  const state = states.get(runnable);
  if (state) {
    state.raw = 'failed';
    state.message = failureMessage(error);
    return;
  }
  if (runnable.title.includes('delete what the run created')) {
    cleanupFailures.push({ what: runnable.title, message: failureMessage(error) });
    return;
  }
  for (const [test, pending] of states) {
    if (!pending.raw && isWithin(test, runnable.parent)) {
      pending.raw = 'failed';
      pending.message = `suite setup failed: ${failureMessage(error)}`;
    }
  }
}

function isWithin(runnable: Mocha.Runnable, suite: Mocha.Suite | undefined): boolean {
  for (let parent = runnable.parent; parent; parent = parent.parent) {
    if (parent === suite) return true;
  }
  return false;
}

/** Mocha needs a reporter; the runner builds its own report from the events instead. */
class SilentReporter extends Mocha.reporters.Base {}
