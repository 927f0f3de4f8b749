import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPORTERS, writeReports } from '../../reports/index.ts';
import { SECRET, sampleReport } from './fixture.ts';

describe('reports/index', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reports-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names each reporter by its key', () => {
    for (const [key, reporter] of Object.entries(REPORTERS)) expect(reporter.name).to.equal(key);
  });

  it('creates the run directory and writes all three reports with no token in any', async () => {
    const runDir = join(dir, 'runs', 'run-1');
    const paths = await writeReports(sampleReport(), runDir, undefined, { secrets: [SECRET] });
    expect(paths).to.deep.equal({
      junit: join(runDir, 'junit.xml'),
      json: join(runDir, 'report.json'),
      html: join(runDir, 'report.html'),
    });
    for (const path of Object.values(paths)) {
      const text = await readFile(path, 'utf8');
      expect(text, path).not.to.contain(SECRET);
      expect(text, path).to.contain('SP-FILTER-INVALID-400');
    }
  });

  it('redacts Authorization headers even when the runner passes no secrets', async () => {
    const paths = await writeReports(sampleReport(), dir, ['json']);
    const text = await readFile(paths.json, 'utf8');
    expect(Object.keys(paths)).to.deep.equal(['json']);
    expect(text).to.contain('"Authorization": "Bearer [redacted]"');
    expect(text).not.to.contain(`Bearer ${SECRET}`);
  });

  it('refuses an unknown reporter name before writing anything', async () => {
    const runDir = join(dir, 'never');
    await writeReports(sampleReport(), runDir, ['json', 'pdf']).then(
      () => expect.fail('expected a rejection'),
      (error: Error) => {
        expect(error.message).to.equal(
          "[scim-harness] unknown reporter 'pdf'; use one of: junit, json, html",
        );
      },
    );
    const written = await readFile(join(runDir, 'report.json'), 'utf8').catch(() => null);
    expect(written).to.equal(null);
  });
});
