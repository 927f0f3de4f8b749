// Input checks shared by directory users and groups: names, emails and custom attribute keys.
import { ConfigError } from '../../scim/errors.ts';

/** Custom attribute keys: what `attr.KEY` in a mapping source can name. */
export const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function requireText(value: string | undefined, what: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new ConfigError(`${what} is empty; give a non-empty value.`);
  return text;
}

export function requireEmail(value: string | undefined, what = 'email'): string {
  const email = requireText(value, what);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ConfigError(`${what} '${email}' is not an email address (expected name@domain).`);
  }
  return email;
}

export function requireAttributeKey(key: string): string {
  if (!ATTRIBUTE_KEY.test(key)) {
    throw new ConfigError(
      `custom attribute key '${key}' is not valid: use a letter, then letters, digits, _ or - ` +
        '(at most 64).',
    );
  }
  return key;
}

/** Parses `KEY=VALUE` pairs (the CLI's --attr); an empty VALUE means "remove" where allowed. */
export function parseAttributePairs(pairs: readonly string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new ConfigError(`--attr '${pair}' is not KEY=VALUE.`);
    attributes[requireAttributeKey(pair.slice(0, at).trim())] = pair.slice(at + 1);
  }
  return attributes;
}
