// Strings past AWS's limits and bodies around the 1 MiB limit: over it the mock answers 413,
// just under it the body is read and then refused for what it holds.
import fc from 'fast-check';

import { scimRequest, type BadRequest, type LargeBody, type Target } from './bad-request.ts';
import { validGroup, validUser } from './valid-bodies.ts';

export const BODY_LIMIT = 1_048_576;

/** A user body whose displayName pads it to exactly `size` bytes (ASCII, so bytes = chars). */
function paddedUser(size: number, n: number): LargeBody {
  return {
    size,
    make() {
      const shell = JSON.stringify(validUser(n));
      const pad = Math.max(size - shell.length, 0);
      const text = shell.replace(`"displayName":"Fuzz ${n}"`, `"displayName":"${'x'.repeat(pad)}"`);
      return Buffer.from(text.slice(0, size).padEnd(size, ' '));
    },
  };
}

/** Over the limit: refused before any parse (413), whatever the content. */
function overLimit(target: Target): fc.Arbitrary<BadRequest> {
  return fc
    .tuple(fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT + 64 * 1024 }), fc.nat(1000))
    .map(([size, n]) => ({
      ...scimRequest(target, 'huge-body', 'POST', '/Users', '{}'),
      body: paddedUser(size, n),
    }));
}

/**
 * Under the limit, valid JSON, but the displayName is far past 1,024 characters: 400. A body
 * of exactly the limit is included, as the last size the mock must read.
 */
function underLimit(target: Target): fc.Arbitrary<BadRequest> {
  const size = fc.oneof(fc.constant(BODY_LIMIT), fc.integer({ min: 64 * 1024, max: BODY_LIMIT }));
  return fc.tuple(size, fc.nat(1000)).map(([bytes, n]) => ({
    ...scimRequest(target, 'huge-body', 'POST', '/Users', '{}'),
    body: paddedUser(bytes, n),
  }));
}

/** One attribute just past its limit or far past it. */
function longStrings(target: Target): fc.Arbitrary<BadRequest> {
  const userName = fc
    .integer({ min: 129, max: 5_000 })
    .map((length) => ['userName', `${'u'.repeat(length - 12)}@example.com`] as const);
  const other = fc
    .tuple(
      fc.constantFrom('displayName', 'externalId', 'title', 'nickName', 'locale'),
      fc.integer({ min: 1025, max: 50_000 }),
    )
    .map(([key, length]) => [key, 'y'.repeat(length)] as const);
  const user = fc
    .tuple(fc.oneof(userName, other), fc.nat(1000))
    .map(([[key, value], n]) =>
      scimRequest(target, 'huge-string', 'POST', '/Users', { ...validUser(n), [key]: value }),
    );
  const group = fc
    .tuple(
      fc.constantFrom('displayName', 'externalId'),
      fc.integer({ min: 1025, max: 50_000 }),
      fc.nat(1000),
    )
    .map(([key, length, n]) =>
      scimRequest(target, 'huge-string', 'POST', '/Groups', {
        ...validGroup(n),
        [key]: 'z'.repeat(length),
      }),
    );
  const filter = fc
    .integer({ min: 2_000, max: 12_000 })
    .map((length) =>
      scimRequest(
        target,
        'huge-string',
        'GET',
        `/Users?filter=${encodeURIComponent(`userName co "${'f'.repeat(length)}"`)}`,
      ),
    );
  return fc.oneof(user, group, filter);
}

export function hugeInputs(target: Target): fc.Arbitrary<BadRequest> {
  return fc.oneof(
    { arbitrary: longStrings(target), weight: 6 },
    { arbitrary: overLimit(target), weight: 1 },
    { arbitrary: underLimit(target), weight: 1 },
  );
}
