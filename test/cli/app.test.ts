import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { ConfigError, HarnessError } from '../../scim/errors.ts';
import { TempCli } from './run-cli.ts';

const TOKEN = 'token-abcdefghijkl-WXYZ';
const ENDPOINT = 'http://127.0.0.1:1/scim/v2';

describe('cli app', () => {
  let cli: TempCli;
  beforeEach(() => (cli = new TempCli()));
  afterEach(() => cli.cleanup());

  const create = (...extra: string[]) =>
    cli.run(
      'app',
      'create',
      'aws',
      '--preset',
      'aws',
      '--endpoint',
      ENDPOINT,
      '--token',
      TOKEN,
      ...extra,
    );

  it('creates an app and shows it with the token masked, in text and JSON', async () => {
    expect((await create()).out).to.include('created app aws (aws) → http://127.0.0.1:1/scim/v2');
    const shown = (await cli.run('app', 'show', 'aws')).out;
    expect(shown).to.include('token: ****WXYZ').and.include('features off: delete-users, import');
    const json = JSON.parse((await cli.run('app', 'list', '--json')).out) as { token: string }[];
    expect(json[0].token).to.equal('****WXYZ');
    expect(readFileSync(cli.statePath).includes(TOKEN)).to.be.true;
    expect(shown + JSON.stringify(json)).not.to.include(TOKEN);
  });

  it('reads the token from an environment variable and takes deprovisioning settings', async () => {
    process.env.TEST_SCIM_TOKEN = TOKEN;
    try {
      await cli.run(
        'app',
        'create',
        'g',
        '--preset',
        'scim2',
        '--endpoint',
        ENDPOINT,
        '--token-env',
        'TEST_SCIM_TOKEN',
        '--deprovision',
        'delete',
        '--grace-days',
        '7',
      );
    } finally {
      delete process.env.TEST_SCIM_TOKEN;
    }
    const app = JSON.parse((await cli.run('app', 'show', 'g', '--json')).out);
    expect(app.deprovision).to.deep.equal({ mode: 'delete', graceDays: 7 });
    expect(app.features.deleteUsers).to.be.true;
    const err = await cli.failure(
      'app',
      'create',
      'h',
      '--preset',
      'aws',
      '--endpoint',
      ENDPOINT,
      '--token-env',
      'TEST_SCIM_TOKEN',
    );
    expect(err.message).to.match(/TEST_SCIM_TOKEN is not set/);
  });

  it("step 1: takes endpoint and token from the mock's start-up lines or a token file", async () => {
    const banner = join(cli.dir, 'mock.log');
    writeFileSync(banner, `  SCIM endpoint: ${ENDPOINT}\n  Access token:  ${TOKEN}\n`);
    await cli.run('app', 'create', 'a', '--preset', 'aws', '--from', banner);
    const tokenFile = join(cli.dir, 'token.txt');
    writeFileSync(tokenFile, 'from-file-token-0000\n');
    await cli.run(
      'app',
      'create',
      'b',
      '--preset',
      'scim2',
      '--endpoint',
      ENDPOINT,
      '--token-file',
      tokenFile,
    );
    const apps = JSON.parse((await cli.run('app', 'list', '--json')).out) as {
      endpoint: string;
      token: string;
    }[];
    expect(apps.map((app) => [app.endpoint, app.token])).to.deep.equal([
      [ENDPOINT, '****WXYZ'],
      [ENDPOINT, '****0000'],
    ]);
    const both = await cli.failure('app', 'update', 'a', '--token', 'x', '--token-file', tokenFile);
    expect(both.message).to.match(/give one of --token, --token-env, --token-file or --from/);
  });

  it('refuses a missing endpoint, a bad preset and bad numbers with what to do', async () => {
    expect(
      (await cli.failure('app', 'create', 'x', '--preset', 'aws', '--token', 't')).message,
    ).to.match(/needs --endpoint/);
    expect((await cli.failure('app', 'create', 'x', '--preset', 'okta')).message).to.match(
      /Allowed choices are aws, scim2/,
    );
    await create();
    expect(await cli.failure('app', 'update', 'aws', '--concurrency', 'many')).to.be.instanceOf(
      ConfigError,
    );
    expect((await cli.run('app', 'update', 'aws', '--concurrency', '8')).out).to.include(
      'concurrency: 8',
    );
  });

  it('sets, shows and unsets mapping rows and names a missing required attribute', async () => {
    await create();
    expect(
      (
        await cli.run(
          'app',
          'mapping',
          'aws',
          'set',
          'title',
          'Engineer',
          '--constant',
          '--on',
          'create',
        )
      ).out,
    ).to.equal('set title <- "Engineer" (constant, create)\n');
    const shown = (await cli.run('app', 'mapping', 'aws')).out;
    expect(shown).to.match(/title\s+"Engineer"\s+\(constant, create\)/);
    expect(shown).to.match(/externalId\s+user\.id\s+\(profile, always\)/);
    const err = await cli.failure('app', 'mapping', 'aws', 'unset', 'name.familyName');
    expect(err.message).to.match(/needs a mapping for name\.familyName/);
    expect((await cli.failure('app', 'mapping', 'aws', 'set', 'title')).message).to.match(
      /takes 2 argument/,
    );
    expect((await cli.failure('app', 'mapping', 'aws', 'drop')).message).to.match(
      /not one of show, set/,
    );
    await cli.run('app', 'mapping', 'aws', 'unset', 'title');
    expect((await cli.run('app', 'mapping', 'aws', 'show', '--json')).out).not.to.include('title');
  });

  it('switches features and lists the valid names on a typo', async () => {
    await create();
    const out = (
      await cli.run(
        'app',
        'features',
        'aws',
        '--enable',
        'import,delete-users',
        '--disable',
        'push-groups',
      )
    ).out;
    expect(out).to.include(
      'features on: create-users, update-users, deactivate-users, delete-users, group-membership, import',
    );
    expect(out).to.include('features off: push-groups');
    expect((await cli.failure('app', 'features', 'aws', '--enable', 'teleport')).message).to.match(
      /features are create-users/,
    );
  });

  it('previews the exact body for one user and flags what AWS would refuse', async () => {
    await create();
    await cli.run(
      'user',
      'add',
      'ada',
      '--first',
      'Ada',
      '--last',
      'Lovelace',
      '--email',
      'ada@example.com',
    );
    await cli.run('app', 'mapping', 'aws', 'set', 'nickName', 'lower(user.firstName)');
    const { out } = await cli.run('app', 'preview', 'aws', 'ada');
    expect(out).to.include('"nickName": "ada"').and.include('"primary": true');
    expect(out).to.include('note: no policy of aws puts this user in scope');
    await cli.run(
      'user',
      'add',
      'Administrator',
      '--first',
      'A',
      '--last',
      'B',
      '--email',
      'a@b.io',
    );
    expect((await cli.run('app', 'preview', 'aws', 'administrator')).out).to.match(
      /problem: .*AWS-USER-RESERVED-NAMES/,
    );
  });

  it('tests the connection line by line and fails when a check fails', async () => {
    await create();
    const err = await cli.failure('app', 'test', 'aws', '--timeout', '2000');
    expect(err).to.be.instanceOf(HarnessError);
    expect(err.message).to.match(/connection test of app 'aws' failed/);
  });

  describe('against the mock', () => {
    let mock: RunningMock;
    before(async () => (mock = await startMockServer({ logLevel: 'silent' })));
    after(() => mock.stop());

    it('AWS-DISCOVERY-SPC: reports reachable, token accepted and discovery read', async () => {
      await cli.run(
        'app',
        'create',
        'm',
        '--preset',
        'aws',
        '--endpoint',
        mock.scimBaseUrl(),
        '--token',
        mock.token,
      );
      const { out } = await cli.run('app', 'test', 'm');
      expect(
        out
          .split('\n')
          .slice(1, 4)
          .map((line) => line.slice(0, 4)),
      ).to.deep.equal(['ok  ', 'ok  ', 'ok  ']);
      expect(out).not.to.include(mock.token);
    });
  });

  it('runs from the real entry: global --state, message and exit code 2 on misuse', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/scim-harness.js', '--state', cli.statePath, 'app', 'show', 'nope'],
      { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname },
    );
    expect(result.stderr).to.equal("[scim-harness] app 'nope' does not exist; see `app list`.\n");
    expect(result.status).to.equal(2);
  });
});
