// Proves the PatchOp envelope checks shared by user and group PATCH (§5, §9 item 14).
import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';
import { getCaseless, readPatchBody } from '../../../scim/patch/patch-body.ts';
import { PATCH_OP_URN } from '../../../scim/urns.ts';

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });

describe('scim/patch/patch-body', () => {
  it('AWS-PATCH-OP-CASE: reads op names in any case and keeps their order', () => {
    const operations = readPatchBody(
      patch(
        { op: 'Replace', path: 'active', value: false },
        { op: 'ADD', path: ' title ', value: 'Boss' },
        { op: 'remove', path: 'nickName' },
      ),
    );
    expect(operations).to.deep.equal([
      { index: 0, op: 'replace', path: 'active', value: false },
      { index: 1, op: 'add', path: 'title', value: 'Boss' },
      { index: 2, op: 'remove', path: 'nickName', value: undefined },
    ]);
  });

  it('AWS-PATCH-SHAPE: reads Operations whatever the case of its key (RFC 7643 §2.1)', () => {
    const body = { schemas: [PATCH_OP_URN], operations: [{ op: 'add', value: { title: 'x' } }] };
    expect(readPatchBody(body)).to.have.length(1);
  });

  it('AWS-PATCH-SHAPE: reads the op, path and value keys in any case (RFC 7643 §2.1)', () => {
    const operations = readPatchBody(patch({ OP: 'add', Path: 'title', VALUE: 'Boss' }));
    expect(operations).to.deep.equal([{ index: 0, op: 'add', path: 'title', value: 'Boss' }]);
  });

  const refused: Array<[string, unknown, string, RegExp]> = [
    ['a body that is no object', [], 'AWS-PATCH-SHAPE', /JSON object/],
    ['a null body', null, 'AWS-PATCH-SHAPE', /JSON object/],
    ['a body without schemas', { Operations: [{ op: 'add' }] }, 'AWS-PATCH-SHAPE', /schemas/],
    [
      'schemas without the PatchOp URN',
      { schemas: ['urn:x'], Operations: [] },
      'AWS-PATCH-SHAPE',
      /schemas must contain/,
    ],
    ['missing Operations', { schemas: [PATCH_OP_URN] }, 'AWS-PATCH-SHAPE', /non-empty array/],
    ['empty Operations', patch(), 'AWS-PATCH-SHAPE', /non-empty array/],
    [
      'an op that is no object',
      patch('add'),
      'AWS-PATCH-SHAPE',
      /Operations\[0\] must be an object/,
    ],
    ['an unknown op', patch({ op: 'move', path: 'title' }), 'AWS-PATCH-SHAPE', /got "move"/],
    [
      'a missing op',
      patch({ path: 'title', value: 'x' }),
      'AWS-PATCH-SHAPE',
      /add, replace or remove/,
    ],
    [
      'a path that is no string',
      patch({ op: 'remove', path: 7 }),
      'AWS-PATCH-SHAPE',
      /path must be a non-empty string/,
    ],
    ['a blank path', patch({ op: 'remove', path: ' ' }), 'AWS-PATCH-SHAPE', /non-empty string/],
    [
      'add without value',
      patch({ op: 'add', path: 'title' }),
      'AWS-PATCH-VALUE-REQUIRED',
      /add and replace need a value/,
    ],
    [
      'replace with a null value',
      patch({ op: 'replace', path: 'title', value: null }),
      'AWS-PATCH-VALUE-REQUIRED',
      /Operations\[0\] \(replace "title"\)/,
    ],
    [
      'remove without path',
      patch({ op: 'remove', value: { title: 'x' } }),
      'AWS-PATCH-REMOVE-NEEDS-PATH',
      /remove needs a path/,
    ],
    [
      'an operation with an extra key',
      patch({ op: 'add', path: 'title', value: 'x', note: 'y' }),
      'AWS-PATCH-SHAPE',
      /Operations\[0\] has key "note"; only op, path and value are allowed/,
    ],
    [
      'an operation naming path twice in different case',
      patch({ op: 'remove', path: 'title', Path: 'nickName' }),
      'AWS-PATCH-SHAPE',
      /Operations\[0\] has "path" more than once/,
    ],
  ];
  for (const [what, body, behaviour, reason] of refused) {
    it(`${behaviour}: refuses ${what} with the generic 400`, () => {
      expect(() => readPatchBody(body))
        .to.throw(ScimError)
        .that.deep.includes({ status: 400, detail: AWS_DETAIL.invalidRequest, behaviour })
        .and.has.property('reason')
        .that.matches(reason);
    });
  }

  it('finds a key case-insensitively and answers undefined when absent', () => {
    expect(getCaseless({ DisplayName: 'x' }, 'displayname')).to.equal('x');
    expect(getCaseless({ a: 1 }, 'b')).to.equal(undefined);
  });
});
