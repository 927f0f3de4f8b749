// Bodies that are not JSON, or JSON nested far deeper than any SCIM document: truncations of a
// valid body, stray bytes, invalid UTF-8, and tens of thousands of nested brackets.
import fc from 'fast-check';

import { scimRequest, type BadRequest, type Target } from './bad-request.ts';
import { validUser } from './valid-bodies.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A valid body cut short, or with a character swapped for one that breaks the syntax. */
function brokenText(): fc.Arbitrary<string> {
  const valid = fc.nat(1000).map((n) => JSON.stringify(validUser(n)));
  const cut = fc
    .tuple(valid, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([text, share]) => text.slice(0, Math.floor(text.length * share)));
  const swapped = fc
    .tuple(valid, fc.nat(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', "'"))
    .map(
      ([text, at, char]) =>
        text.slice(0, at % text.length) + char + text.slice((at % text.length) + 1),
    );
  const garbage = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 });
  const trailing = valid.map((text) => `${text},`);
  return fc
    .oneof(
      cut,
      swapped,
      garbage,
      trailing,
      fc.constantFrom(
        '{"a":1}{"b":2}',
        'NaN',
        "{'userName':'x'}",
        '{"userName":"x",}',
        '\u00ef\u00bb\u00bf{}',
      ),
    )
    .filter((text) => text.trim() !== '' && !parses(text));
}

/** Valid JSON whose nesting is absurd: an attribute holding N levels of arrays or objects. */
function deeplyNested(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 1_000, max: 20_000 }),
      fc.boolean(),
      fc.constantFrom('userName', 'name', 'emails', 'x'),
    )
    .map(([depth, arrays, key]) => {
      const inner = arrays
        ? `${'['.repeat(depth)}${']'.repeat(depth)}`
        : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      return `{"userName":"deep@example.com","${key}":${inner}}`;
    });
}

/** Bytes that are not UTF-8 at all, inside an otherwise plausible body. */
function invalidUtf8(): fc.Arbitrary<Buffer> {
  return fc
    .uint8Array({ minLength: 1, maxLength: 8 })
    .map((bytes) =>
      Buffer.concat([
        Buffer.from('{"userName":"'),
        Buffer.from([0xff, 0xc0, ...bytes]),
        Buffer.from('",}'),
      ]),
    );
}

export function brokenJson(target: Target): fc.Arbitrary<BadRequest> {
  const routes = fc.constantFrom<[string, string]>(
    ['POST', '/Users'],
    ['POST', '/Groups'],
    ['PUT', `/Users/${target.userIds[0]}`],
    ['PUT', `/Groups/${target.groupIds[0]}`],
    ['PATCH', `/Users/${target.userIds[1]}`],
    ['PATCH', `/Groups/${target.groupIds[1]}`],
  );
  const body = fc.oneof<fc.Arbitrary<string | Buffer>[]>(
    brokenText(),
    deeplyNested(),
    invalidUtf8(),
  );
  return fc.tuple(routes, body).map(([[method, rest], sent]) => {
    const request = scimRequest(target, 'broken-json', method, rest);
    return {
      ...request,
      headers: { ...request.headers, 'content-type': 'application/json' },
      body: sent,
    };
  });
}
