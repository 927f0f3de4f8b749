// Journal bodies are kept as the text that crossed the wire and parsed only when read, so the
// hot path pays no JSON.parse and the journal can count what it holds.
import { scrub } from './redact.ts';

/**
 * A body as text; `json` says whether reading it should parse it. A response written in pieces
 * (a list page around kept resource texts) is kept in those pieces, which are strings other
 * objects hold anyway, and joined on first read.
 */
export class BodyText {
  readonly chars: number;
  private kept: string | readonly string[];

  constructor(
    text: string | readonly string[],
    readonly json: boolean,
    /** Set when the text was cut to the journal's per-body cap: the original length. */
    readonly truncatedFrom?: number,
  ) {
    this.kept = text;
    this.chars = typeof text === 'string' ? text.length : lengthOf(text);
  }

  /** The text, or the pieces it was written in until `text` was first read. */
  get pieces(): string | readonly string[] {
    return this.kept;
  }

  get text(): string {
    if (typeof this.kept !== 'string') this.kept = this.kept.join('');
    return this.kept;
  }
}

/** A body as a reader gets it back: whole text, whether it reads as JSON, and its cut length. */
export interface KeptBody {
  readonly text: string;
  readonly json: boolean;
  readonly truncatedFrom?: number | undefined;
}

function lengthOf(pieces: readonly string[]): number {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  return length;
}

const PREVIEW_CHARS = 512;

/** The body with every secret replaced; the same object when none shows, which is nearly always. */
export function scrubBody(body: BodyText | null, secrets: readonly string[]): BodyText | null {
  if (body === null) return null;
  const text = scrub(body.text, secrets);
  return text === body.text ? body : new BodyText(text, body.json, body.truncatedFrom);
}

/** Turns what a caller recorded into text; objects are snapshotted so later edits don't leak. */
export function toBodyText(value: unknown, maxChars: number): BodyText | null {
  if (value === undefined || value === null) return null;
  const body =
    value instanceof BodyText
      ? value
      : typeof value === 'string'
        ? new BodyText(value, false)
        : new BodyText(JSON.stringify(value), true);
  if (body.chars <= maxChars) return body;
  return new BodyText(body.text.slice(0, PREVIEW_CHARS), false, body.chars);
}

/** The value a journal reader sees: parsed JSON, a string, null, or a truncation marker. */
export function readBody(body: KeptBody | null): unknown {
  if (body === null || body.text === '') return null;
  if (body.truncatedFrom !== undefined) {
    return { truncated: true, length: body.truncatedFrom, preview: body.text };
  }
  if (!body.json) return body.text;
  try {
    return JSON.parse(body.text) as unknown;
  } catch {
    return body.text;
  }
}
