import { expect } from 'chai';

import { escapeAttribute, escapeMarkup } from '../../reports/escape.ts';

describe('reports/escape', () => {
  it('escapes markup characters in text and quotes too in attributes', () => {
    expect(escapeMarkup(`<a href="x">&'</a>`)).to.equal(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
    expect(escapeAttribute(`<"&'>`)).to.equal('&lt;&quot;&amp;&apos;&gt;');
  });

  it('shows characters XML 1.0 forbids as \\u escapes and keeps legal ones', () => {
    const text = `a\u0000b\u001bc\uFFFEd\uD800e\tf\n😀`;
    expect(escapeMarkup(text)).to.equal('a\\u0000b\\u001Bc\\uFFFEd\\uD800e\tf\n😀');
  });

  it('keeps tabs and newlines in attributes as references', () => {
    expect(escapeAttribute('a\tb\nc\rd')).to.equal('a&#9;b&#10;c&#13;d');
  });
});
