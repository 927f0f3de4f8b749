// `scim-harness run`: all three suites against the mock, reports on disk, the exit code telling
// whether every check passed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { RUN_SUITES, runMainJob, type RunOptions } from '../../cli/commands/run.ts';
import type { RunReport } from '../../suites/model.ts';

const FIXTURES = new URL('../suites/provisioner/fixtures/', import.meta.url).pathname;

async function run(
  options: Partial<RunOptions>,
  dir: string,
): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const io = { out: { write: (text: string) => chunks.push(text) }, env: { CI: '1' } };
  const code = await runMainJob({ seed: 5, driver: 'builtin', reportDir: dir, ...options }, io);
  return { code, out: chunks.join('') };
}

describe('scim-harness run', function () {
  this.timeout(300_000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scimh-run-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs all three suites against the mock, writes the reports and exits 0', async () => {
    const { code, out } = await run({}, dir);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as RunReport;
    expect(report.suites).to.deep.equal(RUN_SUITES);
    const failed = report.results.filter((result) => result.outcome === 'failed');
    expect(failed.map((result) => `${result.id}: ${result.message}`)).to.deep.equal([]);
    for (const suite of RUN_SUITES) {
      expect(
        report.results.some((result) => result.suite === suite),
        suite,
      ).to.equal(true);
    }
    expect(code).to.equal(0);
    expect(out).to.include(join(dir, 'report.html'));
    expect(out).to.match(/scim-harness run: passed in \d+\.\d s\n$/);
  });

  it('exits 1 and names the check when the provisioner under test breaks an AWS rule', async () => {
    const driver = `module:${FIXTURES}replacing-driver.ts`;
    const { code, out } = await run({ driver, grep: 'PV-GROUP-NO-REPLACE' }, dir);
    expect(code).to.equal(1);
    expect(out).to.include('PV-GROUP-NO-REPLACE');
    expect(out).to.match(/scim-harness run: FAILED in/);
  });
});
