// Unicode edge cases (lone surrogates, NUL, RTL, combining marks, emoji) wherever text goes, each
// request also invalid for one stated reason, so the unicode alone never decides the answer.
import fc from 'fast-check';

import { patchOp, scimRequest, type BadRequest, type Target } from './bad-request.ts';
import { validGroup, validUser } from './valid-bodies.ts';

const EDGES = [
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\u0000',
  '\u202e',
  '\u200f',
  '\u0301\u0301\u0301',
  'e\u0301',
  '\ud83d\ude00',
  '\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67',
  '\u200b',
  '\ufeff',
  '\uffff',
  '\u0085',
  '\u2028',
  '\u{10ffff}',
  'ß',
  'İ',
  'ﬃ',
  '\u0661\u0662',
];

/** Text made of edge characters mixed with plain ones. */
export function edgeText(maxLength = 40): fc.Arbitrary<string> {
  const unit = fc.oneof(fc.constantFrom(...EDGES), fc.string({ unit: 'grapheme', maxLength: 2 }));
  return fc.array(unit, { minLength: 1, maxLength }).map((parts) => parts.join(''));
}

/** A control character that the user rules refuse (AWS-USER-CONTROL-CHARS). */
const CONTROL = fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\u001f', '\u007f');

function inBodies(target: Target): fc.Arbitrary<BadRequest> {
  const userKey = fc.constantFrom('userName', 'displayName', 'title', 'externalId');
  const user = fc
    .tuple(fc.nat(1000), userKey, edgeText(), CONTROL, fc.nat(40))
    .map(([n, key, text, control, at]) => {
      const value = text.slice(0, at) + control + text.slice(at);
      return scimRequest(target, 'unicode', 'POST', '/Users', { ...validUser(n), [key]: value });
    });
  const group = fc.tuple(fc.nat(1000), edgeText(), CONTROL).map(([n, text, control]) =>
    scimRequest(target, 'unicode', 'POST', '/Groups', {
      ...validGroup(n),
      displayName: `${text}${control}`,
    }),
  );
  // An attribute name that is not one AWS knows: refused by the schema.
  const key = fc
    .tuple(fc.nat(1000), edgeText(10))
    .map(([n, text]) =>
      scimRequest(target, 'unicode', 'POST', '/Users', { ...validUser(n), [`x${text}`]: text }),
    );
  const patch = fc
    .tuple(fc.constantFrom(...target.userIds), edgeText(), CONTROL)
    .map(([id, text, control]) =>
      scimRequest(
        target,
        'unicode',
        'PATCH',
        `/Users/${id}`,
        patchOp([{ op: 'replace', path: 'displayName', value: `${control}${text}` }]),
      ),
    );
  const long = fc.tuple(fc.nat(1000), fc.integer({ min: 129, max: 400 })).map(([n, count]) =>
    scimRequest(target, 'unicode', 'POST', '/Users', {
      ...validUser(n),
      userName: '\ud83d\ude00'.repeat(count),
    }),
  );
  return fc.oneof(user, group, key, patch, long);
}

function inUrls(target: Target): fc.Arbitrary<BadRequest> {
  const id = edgeText().map((text) =>
    encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')),
  );
  const lookup = fc
    .tuple(fc.constantFrom('GET', 'DELETE', 'PUT', 'PATCH'), fc.constantFrom('Users', 'Groups'), id)
    .map(([method, type, encoded]) =>
      scimRequest(
        target,
        'unicode',
        method,
        `/${type}/u${encoded}`,
        method === 'PUT' || method === 'PATCH' ? '{}' : undefined,
      ),
    );
  const filter = fc
    .tuple(fc.constantFrom('co', 'sw', 'ne'), edgeText())
    .map(([op, text]) =>
      scimRequest(
        target,
        'unicode',
        'GET',
        `/Users?filter=${encodeURIComponent(`userName ${op} ${JSON.stringify(text)}`)}`,
      ),
    );
  // Percent-escapes that are not UTF-8 at all, in the id and in the tenant segment.
  const badEscape = fc
    .constantFrom('%E0%A4%A', '%ZZ', '%C0%AF', '%ED%A0%80', '%FF', '%', '%u202e')
    .chain((escape) => fc.constantFrom(`/Users/${escape}`, `/Groups/x${escape}y`))
    .map((rest) => scimRequest(target, 'unicode', 'GET', rest));
  const badTenant = fc.constantFrom('%E0%A4%A', '%ZZ', '%FF').map((escape) => ({
    ...scimRequest(target, 'unicode', 'GET', '/Users'),
    path: `/${target.tenantId}${escape}/scim/v2/Users`,
  }));
  return fc.oneof(lookup, filter, badEscape, badTenant);
}

export function unicodeEdges(target: Target): fc.Arbitrary<BadRequest> {
  return fc.oneof(
    { arbitrary: inBodies(target), weight: 3 },
    { arbitrary: inUrls(target), weight: 2 },
  );
}
