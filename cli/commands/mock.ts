// `scim-harness mock`: runs the mock AWS IAM Identity Center SCIM endpoint until SIGINT/SIGTERM,
// printing what the AWS console would show: the endpoint URL and the access token to copy.
import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { ADMIN_BASE_PATH } from '../../mock-server/admin/client.ts';
import { ConfigError } from '../../scim/errors.ts';
import { startMockServer, type RunningMock } from '../../mock-server/server.ts';

interface MockCommandOptions {
  port: number;
  host: string;
  tenant?: string;
  token?: string;
  profile: string;
  config?: string;
  state?: string;
  logLevel: string;
  adminToken?: string;
  adminAllowRemote?: boolean;
  rateLimit?: number;
}

export function registerMockCommand(program: Command): void {
  program
    .command('mock')
    .description('Run the mock AWS IAM Identity Center SCIM endpoint')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 8787)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--tenant <id>', 'tenant id in the base URL (default: generated, AWS-like)')
    .option('--token <token>', 'SCIM bearer token (default: generated)')
    .option('--profile <name>', 'behaviour profile: aws or aws-legacy', 'aws')
    .option('--config <file>', 'JSON file of profile setting overrides')
    .option('--state <file>', 'load state from this file at start, save it at stop')
    .option('--log-level <level>', 'pino level: trace, debug, info, warn, error, silent', 'info')
    .option('--admin-token <token>', 'admin API token (default: generated)')
    .option('--admin-allow-remote', 'let the admin API answer callers off loopback')
    .option(
      '--rate-limit <n>',
      'authenticated requests per second per tenant; 429 above',
      parsePositive,
    )
    // The program has a global --state (the provisioner's); commander hands `mock --state` to
    // whichever parses first, so the merged options are read.
    .action((_options: MockCommandOptions, command: Command) =>
      runMock(command.optsWithGlobals<MockCommandOptions>()),
    );
}

async function runMock(options: MockCommandOptions): Promise<void> {
  const mock = await startMockServer({
    port: options.port,
    host: options.host,
    tenantId: options.tenant,
    token: options.token,
    profile: options.profile,
    profileOverrides: options.config ? await readOverrides(options.config) : undefined,
    statePath: options.state,
    logLevel: options.logLevel,
    adminToken: options.adminToken,
    adminAllowRemote: options.adminAllowRemote,
    rateLimit: options.rateLimit,
  });
  // Listen before printing: a supervisor may signal as soon as it reads the banner.
  const signalled = untilSignal();
  process.stdout.write(banner(mock, options));
  await signalled;
  await mock.stop();
  process.stdout.write(options.state ? `state saved to ${options.state}\n` : 'stopped\n');
}

/** The start-up lines are the one place the tokens are printed: they are there to be copied. */
function banner(mock: RunningMock, options: MockCommandOptions): string {
  return [
    `scim-harness mock (profile ${mock.context.profile.name}) is listening`,
    `  SCIM endpoint: ${mock.scimBaseUrl()}`,
    `  Access token:  ${mock.token}`,
    `  Admin API:     ${mock.origin}${ADMIN_BASE_PATH}`,
    `  Admin token:   ${mock.adminToken}`,
    options.state ? `  State file:    ${options.state}` : '  State:         in memory',
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function readOverrides(path: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`--config ${path} must be a readable JSON file`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`--config ${path} must hold a JSON object of profile settings`);
  }
  return parsed as Record<string, unknown>;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`--port takes 0 to 65535, got '${value}'`);
  }
  return port;
}

function parsePositive(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new ConfigError(`--rate-limit takes a positive number, got '${value}'`);
  }
  return rate;
}
