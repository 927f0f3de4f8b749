import { expect } from 'chai';

import { TempCli } from './run-cli.ts';

describe('cli group', () => {
  let cli: TempCli;
  beforeEach(async () => {
    cli = new TempCli();
    for (const name of ['ann', 'ben']) {
      await cli.run('user', 'add', name, '--first', 'F', '--last', 'L', '--email', `${name}@x.io`);
    }
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
  });
  afterEach(() => cli.cleanup());

  it('creates, renames, lists and deletes groups', async () => {
    expect((await cli.run('group', 'create', 'Eng')).out).to.equal('created group Eng\n');
    expect((await cli.run('group', 'rename', 'eng', 'Engineering')).out).to.equal(
      'renamed group eng to Engineering\n',
    );
    expect((await cli.run('group', 'list')).out).to.equal('Engineering\t0 member(s)\n');
    await cli.run('group', 'delete', 'Engineering');
    expect((await cli.run('group', 'list', '--json')).out).to.equal('[]\n');
  });

  it('assigns and unassigns several users, telling what was already so', async () => {
    await cli.run('group', 'create', 'Eng');
    expect((await cli.run('group', 'assign', 'Eng', 'ann', 'ben')).out).to.equal(
      'assigned to Eng: ann, ben\n',
    );
    expect((await cli.run('group', 'assign', 'Eng', 'ann')).out).to.equal(
      'assigned to Eng: nobody new (already members: ann)\n',
    );
    expect((await cli.run('group', 'members', 'Eng')).out).to.equal('ann\nben\n');
    expect((await cli.run('group', 'unassign', 'Eng', 'ben')).out).to.equal(
      'removed from Eng: ben\n',
    );
    const err = await cli.failure('group', 'assign', 'Eng', 'ann', 'zed');
    expect(err.message).to.match(/not in the directory: zed; nothing changed/);
  });

  it('defers provisioning of a group in an app scope when told to', async () => {
    await cli.run('group', 'create', 'Eng');
    await cli.run('policy', 'add', 'p', '--app', 'aws', '--group', 'Eng', '--defer');
    const { out } = await cli.run('group', 'assign', 'Eng', 'ann', '--defer');
    expect(out).to.equal(
      'assigned to Eng: ann\ndeferred: aws get this with the next `scim-harness sync`\n',
    );
  });
});
