import { expect } from 'chai';

import {
  BodyText,
  readBody,
  scrubBody,
  toBodyText,
} from '../../../mock-server/admin/journal-body.ts';

describe('mock-server/admin/journal-body', () => {
  it('counts and reads a body kept in pieces as the text the pieces make', () => {
    const body = new BodyText(['{"a":', '[1,', '2]}'], true);
    expect(body.chars).to.equal('{"a":[1,2]}'.length);
    expect(readBody(body)).to.deep.equal({ a: [1, 2] });
  });

  it('cuts a body in pieces over the cap to a preview, with the length of all pieces', () => {
    const pieces = ['x'.repeat(600), 'y'.repeat(600)];
    const cut = toBodyText(new BodyText(pieces, false), 1_000);
    expect(readBody(cut)).to.deep.equal({
      truncated: true,
      length: 1_200,
      preview: 'x'.repeat(512),
    });
  });

  it('scrubs a secret that spans two pieces', () => {
    const scrubbed = scrubBody(new BodyText(['"tok', 'en-123"'], true), ['token-123']);
    expect(readBody(scrubbed)).to.equal('[redacted]');
  });
});
