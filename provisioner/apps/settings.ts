// Checks for an app's settings: name, endpoint URL, token, deprovisioning and pacing numbers.
import { ConfigError } from '../../scim/errors.ts';
import type { AppConfig, DeprovisionPolicy, PresetName } from '../model.ts';
import { featureFlag } from './features.ts';
import { PRESETS } from './presets.ts';

export function checkAppName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(name)) {
    throw new ConfigError(
      `app name '${name}' is not valid: letters, digits, '.', '_' or '-', at most 64.`,
    );
  }
  return name;
}

export function checkPreset(preset: string): PresetName {
  const found = PRESETS.find((candidate) => candidate === preset);
  if (!found)
    throw new ConfigError(`--preset '${preset}' is not valid; use ${PRESETS.join(' or ')}.`);
  return found;
}

/** The SCIM base URL, without a trailing slash; paths like /Users are appended to it. */
export function checkEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw new ConfigError(
      // Not echoed: a token passed here by mistake must not reach the terminal.
      'the endpoint is not a URL; expected the SCIM base URL, e.g. ' +
        'https://scim.us-east-1.amazonaws.com/TENANT/scim/v2.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`the endpoint must be http:// or https://, not ${url.protocol}//.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `endpoint '${url.origin}${url.pathname}' must not carry a query, fragment or credentials.`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export function checkToken(token: string | undefined): string {
  const value = token?.trim() ?? '';
  if (value === '')
    throw new ConfigError('the bearer token is empty; pass --token or --token-env.');
  if (/[\s\p{Cc}]/u.test(value)) {
    throw new ConfigError('the bearer token contains white space or control characters.');
  }
  return value;
}

export function checkDeprovision(policy: DeprovisionPolicy): DeprovisionPolicy {
  if (policy.mode !== 'deactivate' && policy.mode !== 'delete') {
    throw new ConfigError(
      `deprovision mode '${String(policy.mode)}' is not valid; use deactivate or delete.`,
    );
  }
  if (!Number.isInteger(policy.graceDays) || policy.graceDays < 0 || policy.graceDays > 3650) {
    throw new ConfigError(
      `grace days must be a whole number from 0 to 3650, not ${policy.graceDays}.`,
    );
  }
  return policy;
}

/** Cross-field checks: the numbers are in range and delete mode has the delete feature on. */
export function checkAppConfig(app: AppConfig): AppConfig {
  checkDeprovision(app.deprovision);
  const share = app.maxDeprovisionShare;
  if (!(share >= 0 && share <= 1)) {
    throw new ConfigError(`max deprovision share must be between 0 and 1, not ${share}.`);
  }
  if (!Number.isInteger(app.concurrency) || app.concurrency < 1 || app.concurrency > 64) {
    throw new ConfigError(
      `concurrency must be a whole number from 1 to 64, not ${app.concurrency}.`,
    );
  }
  if (app.deprovision.mode === 'delete' && !app.features.deleteUsers) {
    throw new ConfigError(
      `app '${app.name}' deprovisions by delete but feature ${featureFlag('deleteUsers')} is off; ` +
        'enable it or use --deprovision deactivate.',
    );
  }
  return app;
}

/** At most the last four characters, and only of a token long enough to keep the rest secret. */
export function maskToken(token: string): string {
  return token.length >= 16 ? `****${token.slice(-4)}` : '****';
}
