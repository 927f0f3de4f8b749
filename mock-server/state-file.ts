// `--state FILE`: the mock's snapshot on disk, loaded at start and saved atomically (a temp file
// in the same directory, fsync, rename) with mode 0600, since it holds token hashes.
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

import { ConfigError } from '../scim/errors.ts';
import type { StateSnapshot } from './context.ts';

/** The snapshot in `path`, or null when the file does not exist yet. */
export async function loadStateFile(path: string): Promise<StateSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(`cannot read state file ${path}`, { cause: error });
  }
  try {
    return JSON.parse(text) as StateSnapshot;
  } catch (error) {
    throw new ConfigError(`state file ${path} is not valid JSON; fix or remove it`, {
      cause: error,
    });
  }
}

/** Writes the snapshot so that a crash leaves either the old file or the new one, never half. */
export async function saveStateFile(path: string, snapshot: StateSnapshot): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
}
