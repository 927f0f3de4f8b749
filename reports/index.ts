// The reporters by name, and the one call a run makes to write all of its reports.
import { mkdir } from 'node:fs/promises';

import { HarnessError } from '../scim/errors.ts';
import type { RunReport } from '../suites/model.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import type { Reporter, WriteOptions } from './reporter.ts';

export type { Reporter, WriteOptions } from './reporter.ts';

export type ReporterName = 'junit' | 'json' | 'html';

export const REPORTERS: Record<ReporterName, Reporter> = {
  junit: junitReporter,
  json: jsonReporter,
  html: htmlReporter,
};

function reporterNamed(name: string): Reporter {
  if (Object.hasOwn(REPORTERS, name)) return REPORTERS[name as ReporterName];
  const known = Object.keys(REPORTERS).join(', ');
  throw new HarnessError(`unknown reporter '${name}'; use one of: ${known}`, 'UNKNOWN_REPORTER');
}

/** Writes each named report into `dir` (created first); returns each reporter's file path. */
export async function writeReports(
  report: RunReport,
  dir: string,
  names: readonly string[] = ['junit', 'json', 'html'],
  options: WriteOptions = {},
): Promise<Record<string, string>> {
  const reporters = names.map(reporterNamed);
  await mkdir(dir, { recursive: true });
  const paths: Record<string, string> = {};
  for (const reporter of reporters)
    paths[reporter.name] = await reporter.write(report, dir, options);
  return paths;
}
