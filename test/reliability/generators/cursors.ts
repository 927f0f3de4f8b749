// Cursors never issued for this list: random, tampered, another tenant's or resource type's, or
// replayed with another filter; and page sizes outside 1..100.
import fc from 'fast-check';

import { scimRequest, type BadRequest, type Target } from './bad-request.ts';

/** Flips one character of the signature part (never the last, whose low bits may be padding). */
function tampered(cursor: string): fc.Arbitrary<string> {
  const [body, signature] = cursor.split(':');
  return fc.tuple(fc.nat(signature.length - 2), fc.boolean()).map(([at, inBody]) => {
    const text = inBody ? body : signature;
    const index = at % (text.length - 1);
    const swapped = text[index] === 'A' ? 'B' : 'A';
    const changed = text.slice(0, index) + swapped + text.slice(index + 1);
    return inBody ? `${changed}:${signature}` : `${body}:${changed}`;
  });
}

function cursorCase(target: Target): fc.Arbitrary<[string, string, string?]> {
  const { cursors } = target;
  const random = fc.oneof(
    fc.stringMatching(/^[-a-zA-Z0-9+=/:_]{1,200}$/),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }),
  );
  return fc.oneof(
    random.map((cursor) => ['/Users', cursor] as [string, string]),
    tampered(cursors.users).map((cursor) => ['/Users', cursor] as [string, string]),
    tampered(cursors.groups).map((cursor) => ['/Groups', cursor] as [string, string]),
    // AWS-CURSOR-INVALID: another tenant's cursor, or a Users cursor on Groups.
    fc.constant<[string, string]>(['/Users', cursors.otherUsers]),
    fc.constant<[string, string]>(['/Groups', cursors.users]),
    fc.constant<[string, string]>(['/Users', cursors.groups]),
    // AWS-CURSOR-FILTER-CHANGE: made with a filter, used with none or with another.
    fc.constant<[string, string]>(['/Users', cursors.filteredUsers]),
    fc.constant<[string, string, string]>(['/Users', cursors.filteredUsers, 'userName eq "b"']),
    fc.constant<[string, string, string]>(['/Users', cursors.users, 'userName eq "a"']),
  );
}

/** AWS-CURSOR-COUNT-RANGE: count outside 1..100 in cursor mode. */
function badCount(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 101, max: 10_000_000 }).map(String),
    fc.integer({ min: -1000, max: 0 }).map(String),
    fc.constantFrom('abc', '1.5', '1e2', '', ' 5', '0x10', '100000000000000000000'),
  );
}

export function invalidCursors(target: Target): fc.Arbitrary<BadRequest> {
  const withCursor = cursorCase(target).map(([rest, cursor, filter]) => {
    const filterPart = filter === undefined ? '' : `&filter=${encodeURIComponent(filter)}`;
    return `${rest}?cursor=${encodeURIComponent(cursor)}${filterPart}`;
  });
  const counts = fc
    .tuple(fc.constantFrom('/Users', '/Groups'), badCount())
    .map(([rest, count]) => `${rest}?cursor&count=${encodeURIComponent(count)}`);
  const twice = fc.constant(`/Users?cursor=${encodeURIComponent(target.cursors.users)}&cursor=x`);
  return fc
    .oneof(withCursor, counts, twice)
    .map((rest) => scimRequest(target, 'cursor', 'GET', rest));
}
