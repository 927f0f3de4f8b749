// Keeps secrets out of journal entries: credential headers are masked and any known secret that
// shows up elsewhere (another header, the path, the query, a body) is replaced.
import type { IncomingHttpHeaders } from 'node:http';

const REDACTED = '[redacted]';

/** Headers that carry credentials; the admin side reads its token from Authorization too. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-admin-token',
  'x-api-key',
]);

/** The secret in `Authorization: Bearer <secret>`, if any. */
export function bearerSecret(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Replaces every occurrence of each secret; secrets shorter than 4 characters are ignored. */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && result.includes(secret)) result = result.replaceAll(secret, REDACTED);
  }
  return result;
}

function maskCredential(value: string): string {
  const scheme = /^\s*(\S+)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

/** A flat copy of the request headers with credentials masked and secrets scrubbed. */
export function redactHeaders(
  headers: IncomingHttpHeaders,
  secrets: readonly string[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    result[name] = CREDENTIAL_HEADERS.has(name) ? maskCredential(value) : scrub(value, secrets);
  }
  return result;
}
