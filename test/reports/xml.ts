// A strict little XML parser for the tests: enough of XML 1.0 to prove the JUnit report is
// well-formed (legal characters, balanced tags, known entities) and to walk its tree.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

function checkChars(source: string): void {
  for (const char of source) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new Error(`illegal XML character U+${code.toString(16)}`);
  }
}

function decode(raw: string): string {
  return raw.replace(/&([^;&]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare '&' in ${JSON.stringify(raw)}`);
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (!numeric) {
      if (!(name in NAMED)) throw new Error(`unknown entity ${whole}`);
      return NAMED[name];
    }
    const digits = numeric[1];
    const code = digits.startsWith('x') ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
    if (!isXmlChar(code)) throw new Error(`reference to an illegal character ${whole}`);
    return String.fromCodePoint(code);
  });
}

class Cursor {
  pos = 0;
  constructor(readonly source: string) {}

  expect(token: string): void {
    if (!this.source.startsWith(token, this.pos)) {
      throw new Error(
        `expected '${token}' at ${this.pos}: ${this.source.slice(this.pos, this.pos + 40)}`,
      );
    }
    this.pos += token.length;
  }

  match(pattern: RegExp): string {
    const sticky = new RegExp(pattern.source, 'y');
    sticky.lastIndex = this.pos;
    const found = sticky.exec(this.source);
    if (!found) throw new Error(`expected ${pattern.source} at ${this.pos}`);
    this.pos += found[0].length;
    return found[0];
  }

  until(token: string): string {
    const end = this.source.indexOf(token, this.pos);
    if (end < 0) throw new Error(`unterminated, missing '${token}'`);
    const text = this.source.slice(this.pos, end);
    this.pos = end + token.length;
    return text;
  }
}

const NAME = /[A-Za-z_:][\w.:-]*/;

function attributes(cursor: Cursor): Record<string, string> {
  const attrs: Record<string, string> = {};
  while (cursor.match(/\s*/) !== '' && NAME.test(cursor.source[cursor.pos] ?? '')) {
    const name = cursor.match(NAME);
    if (name in attrs) throw new Error(`duplicate attribute ${name}`);
    cursor.match(/\s*=\s*/);
    const quote = cursor.match(/["']/);
    const raw = cursor.until(quote);
    if (raw.includes('<')) throw new Error(`'<' in attribute ${name}`);
    attrs[name] = decode(raw);
  }
  return attrs;
}

function content(cursor: Cursor, element: XmlElement): void {
  for (;;) {
    const text = cursor.match(/[^<]*/);
    element.text += decode(text);
    if (cursor.source.startsWith('</', cursor.pos)) break;
    if (cursor.source.startsWith('<![CDATA[', cursor.pos)) {
      cursor.expect('<![CDATA[');
      element.text += cursor.until(']]>');
    } else if (cursor.source.startsWith('<!--', cursor.pos)) {
      cursor.until('-->');
    } else element.children.push(parseElement(cursor));
  }
  cursor.expect(`</${element.name}`);
  cursor.match(/\s*>/);
}

function parseElement(cursor: Cursor): XmlElement {
  cursor.expect('<');
  const element: XmlElement = { name: cursor.match(NAME), attributes: {}, children: [], text: '' };
  element.attributes = attributes(cursor);
  if (cursor.source.startsWith('/>', cursor.pos)) {
    cursor.expect('/>');
    return element;
  }
  cursor.expect('>');
  content(cursor, element);
  return element;
}

/** Parses a document with one root element, or throws saying where it is malformed. */
export function parseXml(source: string): XmlElement {
  checkChars(source);
  const cursor = new Cursor(source);
  if (source.startsWith('<?xml')) cursor.until('?>');
  cursor.match(/\s*/);
  const root = parseElement(cursor);
  cursor.match(/\s*/);
  if (cursor.pos !== source.length) throw new Error(`content after the root at ${cursor.pos}`);
  return root;
}

/** Every descendant element with this name, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendants(child, name),
  ]);
}
