// Escaping for XML and HTML text and attributes; characters XML 1.0 forbids become visible `\uXXXX`.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Whitespace kept as references inside attributes, where parsers would otherwise fold it. */
const ATTRIBUTE_WHITESPACE: Readonly<Record<string, string>> = {
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** XML 1.0 `Char`: no C0 controls but tab and newlines, no lone surrogates, no U+FFFE/U+FFFF. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  if (code <= 0xd7ff) return true;
  if (code <= 0xdfff) return false;
  return code <= 0xfffd || code >= 0x10000;
}

function visibleCode(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Safe inside element content and quoted attribute values, in XML and in HTML alike. */
export function escapeMarkup(text: string, { attribute = false } = {}): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) out += visibleCode(code);
    else if (attribute && ATTRIBUTE_WHITESPACE[char]) out += ATTRIBUTE_WHITESPACE[char];
    else out += ENTITIES[char] ?? char;
  }
  return out;
}

export function escapeAttribute(text: string): string {
  return escapeMarkup(text, { attribute: true });
}
