import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { loadStateFile, saveStateFile } from '../../mock-server/state-file.ts';
import { ConfigError } from '../../scim/errors.ts';

describe('mock-server/state-file', () => {
  it('saves with mode 0600, leaves no temp file and loads the same snapshot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scim-state-'));
    const path = join(dir, 'state.json');
    const snapshot = { version: 1 as const, savedAt: 'now', tenants: [{ tenantId: 't1' }] };
    await saveStateFile(path, snapshot);
    await saveStateFile(path, { ...snapshot, savedAt: 'later' });
    expect((await stat(path)).mode & 0o777).to.equal(0o600);
    expect(await readdir(dir)).to.deep.equal(['state.json']);
    expect(await loadStateFile(path)).to.deep.equal({ ...snapshot, savedAt: 'later' });
  });

  it('answers null for a missing file and a ConfigError for a corrupt one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scim-state-'));
    expect(await loadStateFile(join(dir, 'none.json'))).to.equal(null);
    await writeFile(join(dir, 'bad.json'), '{nope');
    let caught: unknown;
    await loadStateFile(join(dir, 'bad.json')).catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(ConfigError);
  });
});
