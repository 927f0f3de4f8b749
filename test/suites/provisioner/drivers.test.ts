// The driver loaders: the shell driver's contract (variables, stdin, exit codes, redaction) with
// tiny sh commands, the module loader's checks, and the spec parser.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { ConfigError } from '../../../scim/errors.ts';
import { DriverUnsupported, type DriverUser } from '../../../suites/provisioner/driver.ts';
import { driverFactory } from '../../../suites/provisioner/drivers/index.ts';
import { parseShellConfig, ShellDriver } from '../../../suites/provisioner/drivers/shell.ts';
import { FIXTURES } from './run-suite.ts';

const ADA: DriverUser = {
  userName: 'ada@example.test',
  givenName: 'Ada',
  familyName: 'Lovelace',
  displayName: 'Ada Lovelace',
  email: 'ada@example.test',
};

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('shell driver', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scimh-shell-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function driver(commands: Record<string, string>): ShellDriver {
    return new ShellDriver('shell:test', parseShellConfig(commands, join(dir, 'driver.json')));
  }

  it('hands the endpoint, token and user over as SCIM_* variables and as JSON on stdin', async () => {
    const shell = driver({
      createUser:
        'echo "$SCIM_ENDPOINT|$SCIM_TOKEN|$SCIM_USER_NAME|$SCIM_USER_JSON" > env.txt; cat > stdin.json',
    });
    await shell.setup('http://127.0.0.1:1/t/scim/v2', 'tok-secret');
    await shell.createUser(ADA);
    const env = (await readFile(join(dir, 'env.txt'), 'utf8')).trim();
    expect(env).to.equal(
      `http://127.0.0.1:1/t/scim/v2|tok-secret|${ADA.userName}|${JSON.stringify(ADA)}`,
    );
    const stdin = JSON.parse(await readFile(join(dir, 'stdin.json'), 'utf8'));
    expect(stdin).to.include({ action: 'createUser', endpoint: 'http://127.0.0.1:1/t/scim/v2' });
    expect(stdin.user).to.deep.equal(ADA);
    await shell.teardown();
  });

  it('fails an action whose command exits non-zero, with its output and the token blanked', async () => {
    const shell = driver({ deleteUser: 'echo "refused with $SCIM_TOKEN" >&2; exit 3' });
    await shell.setup('http://127.0.0.1:1/scim/v2', 'tok-secret');
    const error = await rejection(shell.deleteUser('ada'));
    expect(error.message).to.equal(
      "shell driver: 'deleteUser' command exited 3: refused with [redacted]",
    );
    await shell.teardown();
  });

  it('answers DriverUnsupported for an action the config does not name, and syncs as a no-op', async () => {
    const shell = driver({ createUser: 'true' });
    await shell.setup('http://127.0.0.1:1/scim/v2', 'tok');
    expect(await rejection(shell.pushGroup('g', [ADA]))).to.be.instanceOf(DriverUnsupported);
    await shell.sync();
    await shell.teardown();
  });

  it('kills a command that outlives timeoutMs', async () => {
    const shell = new ShellDriver(
      'shell:slow',
      parseShellConfig({ sync: 'sleep 5', timeoutMs: 100 }, join(dir, 'd.json')),
    );
    await shell.setup('http://127.0.0.1:1/scim/v2', 'tok');
    expect((await rejection(shell.sync())).message).to.match(/'sync' command timed out/);
    await shell.teardown();
  });

  it('refuses a config with an unknown action or an empty command', () => {
    expect(() => parseShellConfig({ create: 'x' }, 'd.json')).to.throw(
      ConfigError,
      /unknown key 'create'/,
    );
    expect(() => parseShellConfig({ sync: ' ' }, 'd.json')).to.throw(
      ConfigError,
      /non-empty command/,
    );
    expect(() => parseShellConfig([], 'd.json')).to.throw(ConfigError, /object of action/);
  });
});

describe('driver specs and module drivers', () => {
  it('makes a fresh driver per call from a module exporting createDriver', async () => {
    const factory = await driverFactory(`module:${FIXTURES}good-driver.ts`);
    const [first, second] = [await factory(), await factory()];
    expect(first).not.to.equal(second);
    expect(first.name).to.equal('simple');
  });

  it('turns the methods a module lacks into DriverUnsupported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scimh-module-test-'));
    const file = join(dir, 'partial.mjs');
    await writeFile(file, 'export default { setup() { return Promise.resolve(); } };\n');
    const driver = await (await driverFactory(`module:${file}`))();
    expect(await rejection(driver.createUser(ADA))).to.be.instanceOf(DriverUnsupported);
    await driver.sync();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a module without a driver, and an unknown spec', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scimh-module-test-'));
    const file = join(dir, 'empty.mjs');
    await writeFile(file, 'export const nothing = 1;\n');
    expect(await rejection(driverFactory(`module:${file}`))).to.be.instanceOf(ConfigError);
    expect(await rejection(driverFactory('okta'))).to.be.instanceOf(ConfigError);
    expect(await rejection(driverFactory('shell:'))).to.be.instanceOf(ConfigError);
    await rm(dir, { recursive: true, force: true });
  });
});
