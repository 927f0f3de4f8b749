// Assertions that name the request, the expectation and what came back, so a failed check
// reads as a fix-it note without opening the exchanges.
import { AssertionError } from 'chai';

import type { JsonBody } from '../../runner/json.ts';
import type { ScimResponse } from '../../runner/http-client.ts';

export function fail(message: string): never {
  throw new AssertionError(message);
}

export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** The parsed JSON body, asserted present. */
export function jsonBody(response: ScimResponse, what: string): JsonBody {
  if (!response.body)
    fail(`${what}: expected a JSON body, got ${response.text.slice(0, 80) || 'none'}`);
  return response.body;
}

/** Asserts the status is one of `expected`; the message carries the error detail when any. */
export function expectStatus(
  response: ScimResponse,
  expected: number | readonly number[],
  what: string,
): void {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  if (allowed.includes(response.status)) return;
  fail(
    `${what}: expected status ${allowed.join(' or ')}, got ${response.status}${detailOf(response)}`,
  );
}

/** Asserts a 4xx that is not an auth failure: the server refused the input, and did not crash. */
export function expectClientError(response: ScimResponse, what: string): void {
  ensure(
    response.status >= 400 &&
      response.status < 500 &&
      response.status !== 401 &&
      response.status !== 403,
    `${what}: expected a 4xx refusal, got ${response.status}${detailOf(response)}`,
  );
}

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  fail(`${what}: expected ${brief(expected)}, got ${brief(actual)}`);
}

/** JSON short enough for a one-line message; the exchanges hold the full bodies. */
export function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function expectEmptyBody(response: ScimResponse, what: string): void {
  ensure(
    response.text === '',
    `${what}: expected an empty body, got ${response.text.slice(0, 120)}`,
  );
}

function detailOf(response: ScimResponse): string {
  const body = response.body as { detail?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.detail === 'string')
    return ` (detail: ${body.detail})`;
  return '';
}

/** The first path where two JSON values differ (key order ignored), or undefined when equal. */
export function firstDifference(
  actual: unknown,
  expected: unknown,
  path = '$',
): string | undefined {
  if (
    typeof expected !== 'object' ||
    expected === null ||
    typeof actual !== 'object' ||
    actual === null
  ) {
    return Object.is(actual, expected)
      ? undefined
      : `${path}: expected ${brief(expected)}, got ${brief(actual)}`;
  }
  if (Array.isArray(expected) !== Array.isArray(actual))
    return `${path}: expected ${brief(expected)}, got ${brief(actual)}`;
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const found = firstDifference(
      (actual as JsonBody)[key],
      (expected as JsonBody)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return undefined;
}
