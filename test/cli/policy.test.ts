import { expect } from 'chai';

import { TempCli } from './run-cli.ts';

describe('cli policy', () => {
  let cli: TempCli;
  beforeEach(async () => {
    cli = new TempCli();
    await cli.run(
      'app',
      'create',
      'aws',
      '--preset',
      'aws',
      '--endpoint',
      'http://127.0.0.1:1/v2',
      '--token',
      't',
    );
    for (const group of ['Eng', 'Ops', 'Sales']) await cli.run('group', 'create', group);
  });
  afterEach(() => cli.cleanup());

  it('adds a policy with several groups and a login method, and lists it', async () => {
    const { out } = await cli.run(
      'policy',
      'add',
      'eng-aws',
      '--app',
      'aws',
      '--group',
      'Eng',
      '--group',
      'Ops,Sales',
      '--login-method',
      'saml',
      '--defer',
    );
    expect(out).to.equal(
      'added policy eng-aws: app aws, groups Eng, Ops, Sales, login saml\n' +
        'deferred: aws get this with the next `scim-harness sync`\n',
    );
    expect((await cli.run('policy', 'list', '--app', 'aws')).out).to.include('eng-aws: app aws');
  });

  it('edits and deletes a policy', async () => {
    await cli.run('policy', 'add', 'p', '--app', 'aws', '--group', 'Eng', '--defer');
    const edited = await cli.run(
      'policy',
      'edit',
      'p',
      '--add-group',
      'Ops',
      '--remove-group',
      'Eng',
      '--defer',
    );
    expect(edited.out).to.match(/^policy p: app aws, groups Ops, login password\n/);
    await cli.run('policy', 'delete', 'p', '--defer');
    expect((await cli.run('policy', 'list', '--json')).out).to.equal('[]\n');
  });

  it('requires --app and --group and lists valid login methods', async () => {
    expect((await cli.failure('policy', 'add', 'p', '--group', 'Eng')).message).to.match(
      /--app <app>/,
    );
    expect((await cli.failure('policy', 'add', 'p', '--app', 'aws')).message).to.match(
      /--group <group>/,
    );
    const err = await cli.failure(
      'policy',
      'add',
      'p',
      '--app',
      'aws',
      '--group',
      'Eng',
      '--login-method',
      'magic',
    );
    expect(err.message).to.match(
      /Allowed choices are password, password-mfa, passwordless, saml, oidc/,
    );
    expect(
      (await cli.failure('policy', 'add', 'p', '--app', 'nope', '--group', 'Eng')).message,
    ).to.match(/app 'nope' does not exist/);
  });
});
