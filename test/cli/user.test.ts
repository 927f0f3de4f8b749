import { expect } from 'chai';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { TempCli } from './run-cli.ts';

describe('cli user', () => {
  let cli: TempCli;
  beforeEach(() => (cli = new TempCli()));
  afterEach(() => cli.cleanup());

  const addAda = (...extra: string[]) =>
    cli.run(
      'user',
      'add',
      'ada',
      '--first',
      'Ada',
      '--last',
      'Lovelace',
      '--email',
      'ada@example.com',
      ...extra,
    );

  it('adds a user with default and custom attributes', async () => {
    expect(
      (await addAda('--attr', 'costCenter=R&D', '--attr', 'site=LDN', '--phone', '+44 1')).out,
    ).to.equal('added user ada (Ada Lovelace)\n');
    const user = JSON.parse((await cli.run('user', 'show', 'ada')).out);
    expect(user).to.deep.include({
      phone: '+44 1',
      active: true,
      attributes: { costCenter: 'R&D', site: 'LDN' },
    });
    expect((await cli.run('user', 'list')).out).to.equal('ada\tAda Lovelace\tada@example.com\n');
  });

  it('edits fields, clears the phone and removes an attribute with an empty value', async () => {
    await addAda('--phone', '1', '--attr', 'a=1', '--attr', 'b=2');
    await cli.run(
      'user',
      'edit',
      'ada',
      '--last',
      'King',
      '--display-name',
      'Ada King',
      '--phone',
      '',
      '--attr',
      'a=',
    );
    const user = JSON.parse((await cli.run('user', 'show', 'ada')).out);
    expect(user).to.deep.include({
      lastName: 'King',
      displayName: 'Ada King',
      attributes: { b: '2' },
    });
    expect(user).not.to.have.property('phone');
  });

  it('deactivates, reactivates and deletes', async () => {
    await addAda();
    expect((await cli.run('user', 'deactivate', 'ada')).out).to.equal('deactivated user ada\n');
    expect((await cli.run('user', 'list')).out).to.include('(deactivated)');
    expect((await cli.run('user', 'reactivate', 'ada')).out).to.equal('reactivated user ada\n');
    expect((await cli.run('user', 'delete', 'ada')).out).to.equal('deleted user ada\n');
    expect((await cli.failure('user', 'show', 'ada')).message).to.match(
      /user 'ada' is not in the directory/,
    );
  });

  it('refuses missing required options and bad input with the reason', async () => {
    expect((await cli.failure('user', 'add', 'x', '--first', 'A', '--last', 'B')).message).to.match(
      /--email/,
    );
    expect(
      (await cli.failure('user', 'add', 'x', '--first', 'A', '--last', 'B', '--email', 'nope'))
        .message,
    ).to.match(/not an email/);
    expect(
      (
        await cli.failure(
          'user',
          'add',
          'x',
          '--first',
          'A',
          '--last',
          'B',
          '--email',
          'a@b.c',
          '--attr',
          'novalue',
        )
      ).message,
    ).to.match(/not KEY=VALUE/);
  });

  describe('provisioning at once, against the mock', () => {
    let mock: RunningMock;
    beforeEach(async () => (mock = await startMockServer({ logLevel: 'silent' })));
    afterEach(() => mock.stop());

    it('pushes a user as it enters scope and pushes an edit right away', async () => {
      await cli.run(
        'app',
        'create',
        'aws',
        '--preset',
        'aws',
        '--endpoint',
        mock.scimBaseUrl(),
        '--token',
        mock.token,
      );
      await addAda();
      await cli.run('group', 'create', 'Eng');
      await cli.run('policy', 'add', 'p', '--app', 'aws', '--group', 'Eng');
      const assigned = await cli.run('group', 'assign', 'Eng', 'ada');
      expect(assigned.out).to.match(/provisioned aws: ok, 2 writes/);
      expect(assigned.err).to.match(/^aws: 2\/2 steps$/m);
      expect(assigned.out).not.to.include('aws: users');
      const edited = await cli.run('user', 'edit', 'ada', '--display-name', 'Countess');
      expect(edited.out).to.match(/provisioned aws: ok, 1 write$/m);
      const deferred = await cli.run('user', 'edit', 'ada', '--first', 'Augusta', '--defer');
      expect(deferred.out).to.include('deferred: aws get this with the next `scim-harness sync`');
    });

    it("stops at the app's deprovisioning guard and goes on with --yes", async () => {
      await cli.run(
        'app',
        'create',
        'aws',
        '--preset',
        'aws',
        '--endpoint',
        mock.scimBaseUrl(),
        '--token',
        mock.token,
      );
      await addAda();
      await cli.run('group', 'create', 'Eng');
      await cli.run('policy', 'add', 'p', '--app', 'aws', '--group', 'Eng');
      await cli.run('group', 'assign', 'Eng', 'ada');
      const blocked = await cli.failure('user', 'deactivate', 'ada');
      expect(blocked.message).to.match(
        /the change is saved, but aws \(blocked\) did not fully converge/,
      );
      const { out } = await cli.run('user', 'reactivate', 'ada');
      expect(out).to.match(/provisioned aws: ok/);
      expect((await cli.run('user', 'deactivate', 'ada', '--yes')).out).to.match(
        /provisioned aws: ok, 1 write$/m,
      );
    });
  });
});
