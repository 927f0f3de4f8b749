// `scim-harness test` without the argument parsing: reports written, the exit code set by the
// expectations file alone, and the file rewritten only on request.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { ConfigError } from '../../../scim/errors.ts';
import { runTestCommand, type TestCommandOptions } from '../../../suites/runner/run-command.ts';

function options(dir: string, overrides: Partial<TestCommandOptions> = {}): TestCommandOptions {
  return {
    profile: 'aws',
    suites: ['service-provider'],
    grep: 'SP-DISC-SPC',
    seed: 7644,
    reportDir: join(dir, 'reports'),
    reporters: ['json'],
    updateExpectations: false,
    readOnly: false,
    ...overrides,
  };
}

function capture() {
  let text = '';
  return {
    io: { out: { write: (chunk: string) => (text += chunk) }, env: { CI: '1' } },
    text: () => text,
  };
}

describe('runTestCommand', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scimh-cmd-'));
  });

  it('runs against the built-in mock, writes the reports and exits 0 when all pass', async () => {
    const out = capture();
    expect(await runTestCommand(options(dir), out.io)).to.equal(0);
    const report = JSON.parse(await readFile(join(dir, 'reports', 'report.json'), 'utf8')) as {
      summary: { passed: number };
    };
    expect(report.summary.passed).to.equal(4);
    expect(out.text())
      .to.include('4 passed')
      .and.include(join(dir, 'reports', 'report.json'));
    expect(out.text()).to.not.include('\u001b[');
  });

  it('exits 1 when a check recorded as failing now passes, and 0 after --update-expectations', async () => {
    const file = join(dir, 'expectations.json');
    await writeFile(
      file,
      JSON.stringify({ 'SP-DISC-SPC-200': { outcome: 'fail', reason: 'was broken' } }),
    );
    expect(await runTestCommand(options(dir, { expectations: file }), capture().io)).to.equal(1);
    const updated = await runTestCommand(
      options(dir, { expectations: file, updateExpectations: true }),
      capture().io,
    );
    expect(updated).to.equal(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).to.deep.equal({});
    expect(await runTestCommand(options(dir, { expectations: file }), capture().io)).to.equal(0);
  });

  it('refuses misuse with a ConfigError before running anything', async () => {
    const io = capture().io;
    for (const bad of [
      { profile: 'okta' },
      { suites: ['nope'] },
      { updateExpectations: true },
      { reporters: ['pdf'] },
      { target: 'http://x.test' },
    ]) {
      let caught: unknown;
      try {
        await runTestCommand(options(dir, bad), io);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(bad)).to.be.instanceOf(ConfigError);
    }
  });
});
