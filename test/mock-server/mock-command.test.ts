import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

const CLI = new URL('../../cli/main.ts', import.meta.url).pathname;

describe('scim-harness mock (cli/commands/mock.ts)', () => {
  it('prints the endpoint and token, serves SCIM, logs requests without the token and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'mock', '--port', '0', '--tenant', 't1', '--token', 'cli-token-1'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: '' } },
    );
    child.stdout.setEncoding('utf8');
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const found = /SCIM endpoint: (\S+)/.exec(output);
        if (found && output.includes('Access token:')) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`mock exited early: ${output}`)));
    });
    try {
      expect(output).to.contain('Access token:  cli-token-1');
      expect(output).to.match(/Admin API: +http:\/\/127\.0\.0\.1:\d+\/_admin\/v1/);
      const answer = await fetch(`${endpoint}/Users`, {
        headers: { authorization: 'Bearer cli-token-1' },
      });
      expect(answer.status).to.equal(200);
      await answer.text();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).to.equal(0);
    const afterBanner = output.slice(output.indexOf('Stop with Ctrl+C.'));
    expect(afterBanner).to.match(/"method":"GET","path":"\/t1\/scim\/v2\/Users","status":200/);
    expect(afterBanner).not.to.contain('cli-token-1');
  });

  it('saves the state file given with --state when it stops', async () => {
    const statePath = join(await mkdtemp(join(tmpdir(), 'scim-cli-')), 'state.json');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'mock', '--port', '0', '--tenant', 't1', '--state', statePath],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.setEncoding('utf8');
    let output = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('Stop with Ctrl+C.')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).to.equal(0);
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as {
      tenants: { tenantId: string }[];
    };
    expect(saved.tenants.map((tenant) => tenant.tenantId)).to.deep.equal(['t1']);
  });
});
