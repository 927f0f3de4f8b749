// What `scim-harness test` does, apart from parsing: pick the target (a remote URL or the
// built-in mock), run the suites, write reports, print the summary, apply the expectations.
import { join } from 'node:path';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { REPORTERS, writeReports } from '../../reports/index.ts';
import { shouldUseColour, summaryLines } from '../../reports/terminal.ts';
import { ConfigError } from '../../scim/errors.ts';
import type { SuiteName } from '../model.ts';
import { PROFILE_NAMES, type Profile, type SuiteDefinition } from './check.ts';
import { defaultReason } from './expectation-reason.ts';
import {
  loadExpectations,
  updatedExpectations,
  writeExpectations,
  type Expectations,
} from './expectations.ts';
import { mockTarget } from './mock-target.ts';
import { runSuites, type RunOutcome } from './run.ts';
import { SUITE_LOADERS, knownSuiteNames, type SuiteOptions } from './suite-list.ts';
import { normaliseBaseUrl, type Target } from './target.ts';

export interface TestCommandOptions {
  target?: string;
  token?: string;
  profile: string;
  suites: string[];
  grep?: string;
  seed: number;
  reportDir?: string;
  reporters: string[];
  expectations?: string;
  updateExpectations: boolean;
  readOnly: boolean;
  /** The provisioner suite's driver (default: builtin). */
  driver?: string;
}

export interface CommandIo {
  out: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** Runs the command and answers the exit code: 1 exactly when results differ from expectations. */
export async function runTestCommand(options: TestCommandOptions, io: CommandIo): Promise<number> {
  const profile = checkProfile(options.profile);
  const suites = await loadSuites(options.suites, { driver: options.driver });
  if (options.updateExpectations && !options.expectations) {
    throw new ConfigError('--update-expectations needs --expectations FILE to write');
  }
  checkReporters(options.reporters);
  const expectations = await loadExpectations(options.expectations);
  const { target, mock } = await resolveTarget(options);
  // Ctrl-C stops after the check in progress and still deletes what the run created.
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  let outcome: RunOutcome;
  try {
    outcome = await runSuites({
      ...options,
      suites,
      profile,
      target,
      expectations,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', interrupt);
    await mock?.stop();
  }
  const dir = options.reportDir ?? join('reports', 'runs', outcome.report.runId);
  const paths = await writeReports(outcome.report, dir, options.reporters, {
    secrets: [target.token],
  });
  printSummary(outcome, paths, io);
  if (options.updateExpectations) return update(options.expectations!, expectations, outcome, io);
  return outcome.differs ? 1 : 0;
}

/** Unknown reporter names fail before the run, not after minutes of checks. */
function checkReporters(names: readonly string[]): void {
  const unknown = names.filter((name) => !Object.hasOwn(REPORTERS, name));
  if (unknown.length === 0) return;
  const known = Object.keys(REPORTERS).join(', ');
  throw new ConfigError(`unknown reporter '${unknown.join("', '")}'; use one of: ${known}`);
}

function checkProfile(name: string): Profile {
  if ((PROFILE_NAMES as readonly string[]).includes(name)) return name as Profile;
  throw new ConfigError(`unknown profile '${name}'; use one of: ${PROFILE_NAMES.join(', ')}`);
}

async function loadSuites(names: string[], options: SuiteOptions): Promise<SuiteDefinition[]> {
  const wanted = names.length > 0 ? names : knownSuiteNames();
  return Promise.all(
    wanted.map((name) => {
      const load = SUITE_LOADERS[name as SuiteName];
      if (!load) {
        throw new ConfigError(
          `unknown suite '${name}'; use one of: ${knownSuiteNames().join(', ')}`,
        );
      }
      return load(options);
    }),
  );
}

/** A remote target needs a token; with no target the built-in mock starts on a free port. */
async function resolveTarget(
  options: TestCommandOptions,
): Promise<{ target: Target; mock?: RunningMock }> {
  if (options.target) {
    if (!options.token) throw new ConfigError('--target needs --token (or $SCIM_HARNESS_TOKEN)');
    return {
      target: {
        baseUrl: normaliseBaseUrl(options.target),
        token: options.token,
        kind: 'remote',
        hooks: {},
      },
    };
  }
  const mock = await startMockServer({ port: 0, logLevel: 'silent' });
  return { target: mockTarget(mock), mock };
}

function printSummary(outcome: RunOutcome, paths: Record<string, string>, io: CommandIo): void {
  const colour = shouldUseColour(io.out, io.env);
  const lines = summaryLines(outcome.report, { colour, htmlPath: paths.html });
  for (const [name, path] of Object.entries(paths))
    if (name !== 'html') lines.push(`${name} report: ${path}`);
  for (const failure of outcome.cleanupFailures) {
    lines.push(`cleanup: could not ${failure.what} (${failure.message}); remove it by hand`);
  }
  io.out.write(`${lines.join('\n')}\n`);
}

async function update(
  path: string,
  previous: Expectations,
  outcome: RunOutcome,
  io: CommandIo,
): Promise<number> {
  const next = updatedExpectations(previous, outcome.report.results, defaultReason);
  await writeExpectations(path, next);
  io.out.write(`expectations: wrote ${Object.keys(next).length} entries to ${path}\n`);
  return 0;
}
