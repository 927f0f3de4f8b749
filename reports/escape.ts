// Escaping for XML and HTML text and attributes; characters XML 1.0 forbids become visible `\uXXXX`.

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Quotes, and whitespace that attribute parsing would otherwise fold into spaces. */
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
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

function escapeWith(text: string, entities: Readonly<Record<string, string>>): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += isXmlChar(code) ? (entities[char] ?? char) : visibleCode(code);
  }
  return out;
}

/** Safe as element content in XML and HTML; quotes stay as they are, for readable bodies. */
export function escapeMarkup(text: string): string {
  return escapeWith(text, TEXT_ENTITIES);
}

/** Safe inside a double- or single-quoted attribute value in XML and HTML. */
export function escapeAttribute(text: string): string {
  return escapeWith(text, ATTRIBUTE_ENTITIES);
}
