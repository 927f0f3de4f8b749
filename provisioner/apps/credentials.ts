// Step 1: the SCIM endpoint and access token, read from text the AWS side shows — the mock's
// start-up lines, or the two values copied from IAM Identity Center's automatic provisioning dialog.
import { ConfigError } from '../../scim/errors.ts';

export interface ScimCredentials {
  endpoint: string;
  token: string;
}

const LABELS = {
  endpoint: /^\s*SCIM endpoint\s*:?\s*(.*)$/i,
  token: /^\s*Access token\s*:?\s*(.*)$/i,
};

/** Finds "SCIM endpoint" and "Access token", each followed by its value on the same or next line. */
export function parseScimCredentials(text: string): ScimCredentials {
  const lines = text.split(/\r?\n/);
  const endpoint = valueAfter(lines, LABELS.endpoint);
  const token = valueAfter(lines, LABELS.token);
  const missing = [endpoint ? '' : '"SCIM endpoint"', token ? '' : '"Access token"'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    throw new ConfigError(
      `found no ${missing.join(' or ')} in the given text; expected the mock's start-up lines ` +
        'or the values copied from IAM Identity Center (Settings → Automatic provisioning).',
    );
  }
  return { endpoint: endpoint!, token: token! };
}

function valueAfter(lines: readonly string[], label: RegExp): string | undefined {
  for (const [index, line] of lines.entries()) {
    const match = label.exec(line);
    if (!match) continue;
    const value = match[1].trim() || lines[index + 1]?.trim();
    if (value) return value;
  }
  return undefined;
}
