// The options `app create` and `app update` share: where the endpoint and token come from
// (flags, environment, a token file, or text the AWS side shows) and the deprovisioning settings.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';

import { Option, type Command } from 'commander';

import { ConfigError } from '../../scim/errors.ts';
import { parseScimCredentials } from '../../provisioner/apps/credentials.ts';
import type { AppChanges } from '../../provisioner/apps/store.ts';
import { parseNumber } from './provisioner-cli.ts';

export interface SettingsOptions {
  endpoint?: string;
  token?: string;
  tokenEnv?: string;
  tokenFile?: string;
  from?: string;
  deprovision?: 'deactivate' | 'delete';
  graceDays?: string;
  maxDeprovisionShare?: string;
  concurrency?: string;
}

export function settingsOptions(command: Command): Command {
  return command
    .option(
      '--endpoint <url>',
      'SCIM base URL, e.g. https://scim.<region>.amazonaws.com/<id>/scim/v2',
    )
    .option('--token <token>', 'bearer token (visible to `ps`; prefer --token-env)')
    .option('--token-env <var>', 'read the bearer token from this environment variable')
    .option('--token-file <path>', "read the bearer token from a file ('-' for stdin)")
    .option(
      '--from <path>',
      "take endpoint and token from the mock's start-up lines or text copied from AWS ('-': stdin)",
    )
    .addOption(
      new Option('--deprovision <mode>', 'what leaving scope does').choices([
        'deactivate',
        'delete',
      ]),
    )
    .option('--grace-days <n>', 'with --deprovision delete: days from deactivation to deletion')
    .option(
      '--max-deprovision-share <0..1>',
      'share of users one run may deprovision (default 0.2)',
    )
    .option('--concurrency <n>', 'requests in flight at once against the target (default 4)');
}

/** Endpoint and token from exactly one source each: flags, environment, a file, or --from text. */
export async function credentialsFrom(
  options: SettingsOptions,
): Promise<{ endpoint?: string; token?: string }> {
  const tokenSources = [options.token, options.tokenEnv, options.tokenFile, options.from];
  if (tokenSources.filter((source) => source !== undefined).length > 1) {
    throw new ConfigError('give one of --token, --token-env, --token-file or --from.');
  }
  if (options.from !== undefined) {
    if (options.endpoint !== undefined)
      throw new ConfigError('give --endpoint or --from, not both.');
    return parseScimCredentials(await readText(options.from));
  }
  if (options.tokenFile !== undefined) {
    return { endpoint: options.endpoint, token: (await readText(options.tokenFile)).trim() };
  }
  if (options.tokenEnv === undefined) return { endpoint: options.endpoint, token: options.token };
  const token = process.env[options.tokenEnv];
  if (!token)
    throw new ConfigError(`environment variable ${options.tokenEnv} is not set or empty.`);
  return { endpoint: options.endpoint, token };
}

async function readText(path: string): Promise<string> {
  try {
    return path === '-' ? await text(process.stdin) : await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${path === '-' ? 'stdin' : path}.`, { cause: error });
  }
}

export function settingsFrom(options: SettingsOptions): Omit<AppChanges, 'endpoint' | 'token'> {
  const settings: Omit<AppChanges, 'endpoint' | 'token'> = {};
  const deprovision: AppChanges['deprovision'] = {};
  if (options.deprovision) deprovision.mode = options.deprovision;
  if (options.graceDays) deprovision.graceDays = parseNumber('--grace-days', options.graceDays);
  if (Object.keys(deprovision).length > 0) settings.deprovision = deprovision;
  if (options.maxDeprovisionShare) {
    settings.maxDeprovisionShare = parseNumber(
      '--max-deprovision-share',
      options.maxDeprovisionShare,
    );
  }
  if (options.concurrency) settings.concurrency = parseNumber('--concurrency', options.concurrency);
  return settings;
}
