// No token the harness uses shows up in what it writes or prints: the main job's reports and
// output, a suite run against a target with a known token, and the provisioner CLI's commands.
// The provisioner's SQLite state holds the app token by design (it must call the target); that
// file and its WAL/SHM companions are only checked to be owner-only (0600) and left out of scans.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect } from 'chai';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { filesUnder, leaksIn, leaksInFiles } from './provisioner/secret-scan.ts';

const run = promisify(execFile);

interface Printed {
  code: number;
  text: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Printed> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', ...args],
      { cwd: process.cwd(), env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, text: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, text: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** The mock's generated tokens: `uuid:uuid:base64` for SCIM, `adm-` + base64url for admin. */
const TOKEN_SHAPES = [
  /[0-9a-f]{8}-[0-9a-f-]{27}:[0-9a-f]{8}-[0-9a-f-]{27}:[A-Za-z0-9+/=]{64,}/,
  /adm-[A-Za-z0-9_-]{32}/,
];

describe('secret scan', function () {
  this.timeout(240_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scim-harness-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the main job prints and writes nothing shaped like the tokens it generates', async () => {
    // `run` generates its mock tokens and never shows them, so the scan looks for their shape;
    // TMPDIR puts the suites' temp state under the scanned directory too.
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    const printed = await cli(['run', '--report-dir', join(dir, 'reports')], { TMPDIR: temp });
    expect(printed.code, printed.text).to.equal(0);
    const files = filesUnder(join(dir, 'reports'));
    expect(files).to.include.members(['junit.xml', 'report.html', 'report.json']);
    const texts: [string, string][] = [['output', printed.text]];
    for (const file of filesUnder(dir)) {
      if (file.startsWith('tmp/tsx-')) continue; // tsx's compile cache of the project's sources
      texts.push([file, readFileSync(join(dir, file), 'latin1')]);
    }
    const hits = texts.flatMap(([where, text]) =>
      TOKEN_SHAPES.filter((shape) => shape.test(text)).map((shape) => `${where}: ${shape}`),
    );
    expect(hits).to.deep.equal([]);
  });

  describe('with known tokens', () => {
    const token = `known-scim-${randomBytes(24).toString('hex')}`;
    const adminToken = `known-admin-${randomBytes(24).toString('hex')}`;
    let mock: RunningMock;
    beforeEach(async () => {
      mock = await startMockServer({ token, adminToken, logLevel: 'silent' });
    });
    afterEach(async () => mock.stop());

    it('a suite run against the target leaks neither token into reports or output', async () => {
      const reports = join(dir, 'reports');
      const printed = await cli(
        [
          'test',
          '--target',
          mock.scimBaseUrl(),
          '--report-dir',
          reports,
          '--suite',
          'service-provider',
        ],
        { SCIM_HARNESS_TOKEN: token },
      );
      expect(printed.text).to.match(/checks: /);
      expect(leaksIn(printed.text, [token, adminToken], 'output')).to.deep.equal([]);
      expect(filesUnder(reports)).to.have.length.above(0);
      expect(leaksInFiles(reports, [token, adminToken])).to.deep.equal([]);
    });

    it('the provisioner CLI prints no token, and keeps its state owner-only', async () => {
      const state = join(dir, 'state', 'state.db');
      const base = ['--state', state];
      const env = { SCIM_TOKEN: token };
      const steps = [
        [
          'app',
          'create',
          'app1',
          '--preset',
          'aws',
          '--endpoint',
          mock.scimBaseUrl(),
          '--token-env',
          'SCIM_TOKEN',
        ],
        ['app', 'test', 'app1'],
        ['app', 'show', 'app1'],
        ['app', 'show', 'app1', '--json'],
        ['app', 'list', '--json'],
        ['group', 'create', 'Engineers'],
        [
          'user',
          'add',
          'ada@example.com',
          '--first',
          'Ada',
          '--last',
          'Lovelace',
          '--email',
          'ada@example.com',
        ],
        ['group', 'assign', 'Engineers', 'ada@example.com', '--defer'],
        ['policy', 'add', 'eng', '--app', 'app1', '--group', 'Engineers', '--defer'],
        ['plan', '--json'],
        ['sync'],
        ['log'],
        ['log', '--json'],
      ];
      let output = '';
      for (const args of steps) {
        const printed = await cli([...base, ...args], env);
        expect(printed.code, `${args.join(' ')}\n${printed.text}`).to.equal(0);
        output += printed.text;
      }
      expect(output).to.match(/ada@example\.com/);
      expect(leaksIn(output, [token, adminToken], 'output')).to.deep.equal([]);

      const stateFiles = filesUnder(join(dir, 'state'));
      expect(stateFiles).to.include('state.db');
      for (const file of stateFiles) {
        expect(statSync(join(dir, 'state', file)).mode & 0o777, file).to.equal(0o600);
      }
      expect(statSync(join(dir, 'state')).mode & 0o777).to.equal(0o700);
    });
  });
});
