// The contract every report format implements, and the one way they put a file on disk.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { RunReport } from '../suites/model.ts';

export interface WriteOptions {
  /** Strings (tokens) to blank out wherever they appear, on top of Authorization headers. */
  secrets?: readonly string[];
}

export interface Reporter {
  name: string;
  /** Writes one file for the run into `dir` (created when missing) and returns its path. */
  write(report: RunReport, dir: string, options?: WriteOptions): Promise<string>;
}

/** Writes `text` as UTF-8 to `dir/fileName`, creating `dir` first; returns the path. */
export async function writeReportFile(
  dir: string,
  fileName: string,
  text: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, fileName);
  await writeFile(path, text, 'utf8');
  return path;
}
