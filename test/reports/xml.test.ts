import { expect } from 'chai';

import { descendants, parseXml } from './xml.ts';

describe('test/reports/xml (the JUnit tests’ parser)', () => {
  it('reads attributes, entities, text and nesting', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<a x="1 &amp; &#10;2"><b>t&lt;&#x41;</b><b/></a>\n',
    );
    expect(root.attributes.x).to.equal('1 & \n2');
    expect(descendants(root, 'b').map((b) => b.text)).to.deep.equal(['t<A', '']);
  });

  it('rejects what is not well-formed XML', () => {
    expect(() => parseXml('<a>\u0001</a>')).to.throw('illegal XML character');
    expect(() => parseXml('<a>&#1;</a>')).to.throw('illegal character');
    expect(() => parseXml('<a>&</a>')).to.throw("bare '&'");
    expect(() => parseXml('<a>&nbsp;</a>')).to.throw('unknown entity');
    expect(() => parseXml('<a><b></a>')).to.throw("expected '</b'");
    expect(() => parseXml('<a x="<"/>')).to.throw("'<' in attribute");
    expect(() => parseXml('<a/><b/>')).to.throw('content after the root');
  });
});
