// Drives any provisioner through shell commands, one per action, named in a JSON config file.
// Each command gets the endpoint, token and action input as SCIM_* variables and as JSON on stdin.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { ConfigError } from '../../../scim/errors.ts';
import {
  DRIVER_ACTIONS,
  DriverUnsupported,
  type DriverAction,
  type DriverUser,
  type DriverUserChanges,
  type ProvisionerDriver,
} from '../driver.ts';

export interface ShellConfig {
  commands: Partial<Record<DriverAction, string>>;
  /** Where commands run; relative to the config file. Defaults to the config file's folder. */
  cwd: string;
  timeoutMs: number;
}

/** Action input, sent whole on stdin and as SCIM_* variables. */
interface ShellInput {
  user?: DriverUser;
  userName?: string;
  changes?: DriverUserChanges;
  groupName?: string;
  userNames?: readonly string[];
  members?: readonly DriverUser[];
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Larger values come on stdin only: one environment string may not exceed 128 KiB on Linux. */
const MAX_ENV_VALUE = 64 * 1024;
const OUTPUT_TAIL = 400;

export async function loadShellConfig(path: string): Promise<ShellConfig> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`shell driver: cannot read '${path}' as JSON`, { cause: error });
  }
  return parseShellConfig(data, path);
}

export function parseShellConfig(data: unknown, path: string): ShellConfig {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`shell driver: '${path}' must hold an object of action → command`);
  }
  const { cwd, timeoutMs, ...commands } = data as Record<string, unknown>;
  for (const [key, command] of Object.entries(commands)) {
    if (!(DRIVER_ACTIONS as readonly string[]).includes(key)) {
      const known = [...DRIVER_ACTIONS, 'cwd', 'timeoutMs'].join(', ');
      throw new ConfigError(`shell driver: '${path}' has unknown key '${key}'; known: ${known}`);
    }
    if (typeof command !== 'string' || command.trim() === '') {
      throw new ConfigError(`shell driver: '${path}': '${key}' must be a non-empty command`);
    }
  }
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && Number(timeoutMs) > 0)) {
    throw new ConfigError(`shell driver: '${path}': timeoutMs must be a positive integer`);
  }
  return {
    commands: commands,
    cwd: resolve(dirname(path), typeof cwd === 'string' ? cwd : '.'),
    timeoutMs: (timeoutMs as number | undefined) ?? DEFAULT_TIMEOUT_MS,
  };
}

export class ShellDriver implements ProvisionerDriver {
  private endpoint = '';
  private token = '';
  private stateDir: string | undefined;

  constructor(
    readonly name: string,
    private readonly config: ShellConfig,
  ) {}

  async setup(endpoint: string, token: string): Promise<void> {
    this.endpoint = endpoint;
    this.token = token;
    this.stateDir = await mkdtemp(join(tmpdir(), 'scimh-shell-'));
    if (this.config.commands.setup) await this.run('setup', {});
  }

  createUser = (user: DriverUser) => this.run('createUser', { user, userName: user.userName });
  updateUser = (userName: string, changes: DriverUserChanges) =>
    this.run('updateUser', { userName, changes });
  addToGroup = (groupName: string, userNames: readonly string[]) =>
    this.run('addToGroup', { groupName, userNames });
  removeFromGroup = (groupName: string, userNames: readonly string[]) =>
    this.run('removeFromGroup', { groupName, userNames });
  deactivateUser = (userName: string) => this.run('deactivateUser', { userName });
  deleteUser = (userName: string) => this.run('deleteUser', { userName });
  pushGroup = (groupName: string, members: readonly DriverUser[]) =>
    this.run('pushGroup', { groupName, members });

  /** Without a sync command every action is taken to push at once, so there is nothing to do. */
  async sync(): Promise<void> {
    if (this.config.commands.sync) await this.run('sync', {});
  }

  async teardown(): Promise<void> {
    try {
      if (this.config.commands.teardown) await this.run('teardown', {});
    } finally {
      if (this.stateDir) await rm(this.stateDir, { recursive: true, force: true });
    }
  }

  private async run(action: DriverAction, input: ShellInput): Promise<void> {
    const command = this.config.commands[action];
    if (!command) throw new DriverUnsupported(this.name, action);
    const payload = { action, endpoint: this.endpoint, token: this.token, ...input };
    const result = await runCommand(command, {
      cwd: this.config.cwd,
      env: { ...process.env, ...this.envFor(action, input) },
      stdin: JSON.stringify({ ...payload, stateDir: this.stateDir }),
      timeoutMs: this.config.timeoutMs,
    });
    if (result.code === 0) return;
    const output = scrub(result.output, this.token).slice(-OUTPUT_TAIL).trim();
    throw new Error(
      `shell driver: '${action}' command ${result.timedOut ? 'timed out' : `exited ${result.code}`}` +
        (output ? `: ${output}` : ''),
    );
  }

  private envFor(action: DriverAction, input: ShellInput): Record<string, string> {
    const env: Record<string, string> = {
      SCIM_ACTION: action,
      SCIM_ENDPOINT: this.endpoint,
      SCIM_TOKEN: this.token,
      SCIM_STATE_DIR: this.stateDir ?? '',
    };
    const json: [string, unknown][] = [
      ['SCIM_USER_JSON', input.user],
      ['SCIM_CHANGES_JSON', input.changes],
      ['SCIM_USER_NAMES_JSON', input.userNames],
      ['SCIM_MEMBERS_JSON', input.members],
    ];
    for (const [name, value] of json) {
      const text = value === undefined ? undefined : JSON.stringify(value);
      if (text !== undefined && text.length <= MAX_ENV_VALUE) env[name] = text;
    }
    if (input.userName) env.SCIM_USER_NAME = input.userName;
    if (input.groupName) env.SCIM_GROUP_NAME = input.groupName;
    return env;
  }
}

interface CommandResult {
  code: number;
  timedOut: boolean;
  output: string;
}

interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: string;
  timeoutMs: number;
}

/** Runs a command through the shell; stdout and stderr are kept together for the error message. */
function runCommand(command: string, options: CommandOptions): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, { shell: true, cwd: options.cwd, env: options.env });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4 * OUTPUT_TAIL);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? 1, timedOut, output });
    });
    // A command that never reads stdin closes the pipe early; that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin);
  });
}

function scrub(text: string, token: string): string {
  return token ? text.split(token).join('[redacted]') : text;
}
