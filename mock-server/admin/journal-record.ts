// How one journal entry is laid out as bytes in the journal's RecordRing, and read back. The hot
// path writes what crossed the wire as it is (URL, headers, body texts); redaction and parsing
// wait for a read, as before. Layout: a fixed header of numbers, then length-prefixed UTF-8
// strings in the order of STRING_FIELDS.
import type { BodyText } from './journal-body.ts';
import type { RecordRing } from './record-ring.ts';

/** The strings of a record, in the order they are written. */
export interface RecordStrings {
  /** Who asked for what: request id, method, and the URL and headers or the given details. */
  head: string;
  /** Captured: `req.query` as JSON for a URL the journal would parse differently; else empty. */
  parsedQuery: string;
  fault: string;
}

export interface RecordFields extends RecordStrings {
  /** Captured from the wire (details redacted on read) or given whole by a caller of record(). */
  captured: boolean;
  startedAtMs: number;
  durationMs: number;
  status: number;
  hasFault: boolean;
  requestBody: BodyText | null;
  responseBody: BodyText | null;
}

/** A record read back: bodies as text, ready for scrubbing and lazy parsing. */
export interface ReadRecord extends RecordStrings {
  captured: boolean;
  startedAtMs: number;
  durationMs: number;
  status: number;
  hasFault: boolean;
  requestBody: ReadBody | null;
  responseBody: ReadBody | null;
}

export interface ReadBody {
  text: string;
  json: boolean;
  truncatedFrom: number | undefined;
}

const STRING_FIELDS = [
  'head',
  'parsedQuery',
  'fault',
] as const satisfies readonly (keyof RecordStrings)[];

// Header: startedAtMs f64 @0, durationMs f64 @8, status u16 @16, flags u8 @18, then the two
// bodies' truncatedFrom as i32 @20 and @24 (-1: kept whole).
const HEADER_BYTES = 28;
const FLAG_CAPTURED = 1;
const FLAG_FAULT = 2;
const FLAG_REQUEST_BODY = 4;
const FLAG_REQUEST_JSON = 8;
const FLAG_RESPONSE_BODY = 16;
const FLAG_RESPONSE_JSON = 32;
/** Every string and body is prefixed by its length in bytes. */
const LENGTH_BYTES = 4;
/** A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4). */
const MAX_BYTES_PER_CHAR = 3;

/** The most bytes the record can take: reserving this, the write needs no measuring pass. */
export function recordBound(fields: RecordFields): number {
  let chars = (fields.requestBody?.chars ?? 0) + (fields.responseBody?.chars ?? 0);
  for (const name of STRING_FIELDS) chars += fields[name].length;
  return HEADER_BYTES + LENGTH_BYTES * (STRING_FIELDS.length + 2) + MAX_BYTES_PER_CHAR * chars;
}

/** Writes the record into the ring; returns its sequence number. */
export function writeRecord(ring: RecordRing, fields: RecordFields): number {
  const buffer = ring.bytes;
  const start = ring.reserve(recordBound(fields));
  buffer.writeDoubleLE(fields.startedAtMs, start);
  buffer.writeDoubleLE(fields.durationMs, start + 8);
  buffer.writeUInt16LE(fields.status, start + 16);
  buffer.writeUInt8(flagsOf(fields), start + 18);
  buffer.writeInt32LE(truncation(fields.requestBody), start + 20);
  buffer.writeInt32LE(truncation(fields.responseBody), start + 24);
  let at = start + HEADER_BYTES;
  for (const name of STRING_FIELDS) at = writeString(buffer, at, fields[name]);
  at = writeBody(buffer, at, fields.requestBody);
  at = writeBody(buffer, at, fields.responseBody);
  return ring.commit(at - start);
}

/** The original length of a cut body, held in an int32; -1 for a body kept whole. */
function truncation(body: BodyText | null): number {
  return body?.truncatedFrom === undefined ? -1 : Math.min(body.truncatedFrom, 0x7fffffff);
}

function flagsOf(fields: RecordFields): number {
  let flags = fields.captured ? FLAG_CAPTURED : 0;
  if (fields.hasFault) flags |= FLAG_FAULT;
  if (fields.requestBody) flags |= FLAG_REQUEST_BODY;
  if (fields.requestBody?.json) flags |= FLAG_REQUEST_JSON;
  if (fields.responseBody) flags |= FLAG_RESPONSE_BODY;
  if (fields.responseBody?.json) flags |= FLAG_RESPONSE_JSON;
  return flags;
}

function writeString(buffer: Buffer, at: number, text: string): number {
  const length = text.length === 0 ? 0 : buffer.write(text, at + LENGTH_BYTES);
  buffer.writeUInt32LE(length, at);
  return at + LENGTH_BYTES + length;
}

function writeBody(buffer: Buffer, at: number, body: BodyText | null): number {
  if (body === null) return at;
  if (typeof body.pieces === 'string') return writeString(buffer, at, body.pieces);
  let end = at + LENGTH_BYTES;
  for (const piece of body.pieces) end += buffer.write(piece, end);
  buffer.writeUInt32LE(end - at - LENGTH_BYTES, at);
  return end;
}

/** The head and status of a kept record, read without decoding its bodies. */
export function peekRecord(
  ring: RecordRing,
  seq: number,
): { captured: boolean; head: string; status: number } {
  const [start] = ring.bounds(seq)!;
  const buffer = ring.bytes;
  return {
    captured: (buffer.readUInt8(start + 18) & FLAG_CAPTURED) !== 0,
    head: readString(buffer, start + HEADER_BYTES).text,
    status: buffer.readUInt16LE(start + 16),
  };
}

/** Reads a kept record back; undefined once it was dropped. */
export function readRecord(ring: RecordRing, seq: number): ReadRecord | undefined {
  const bounds = ring.bounds(seq);
  if (bounds === undefined) return undefined;
  const buffer = ring.bytes;
  const [start] = bounds;
  const flags = buffer.readUInt8(start + 18);
  const strings: Partial<RecordStrings> = {};
  let at = start + HEADER_BYTES;
  for (const name of STRING_FIELDS) {
    const read = readString(buffer, at);
    strings[name] = read.text;
    at = read.next;
  }
  const request = readBody(buffer, at, flags, FLAG_REQUEST_BODY, FLAG_REQUEST_JSON, start + 20);
  const response = readBody(
    buffer,
    request.next,
    flags,
    FLAG_RESPONSE_BODY,
    FLAG_RESPONSE_JSON,
    start + 24,
  );
  return {
    ...(strings as RecordStrings),
    captured: (flags & FLAG_CAPTURED) !== 0,
    startedAtMs: buffer.readDoubleLE(start),
    durationMs: buffer.readDoubleLE(start + 8),
    status: buffer.readUInt16LE(start + 16),
    hasFault: (flags & FLAG_FAULT) !== 0,
    requestBody: request.body,
    responseBody: response.body,
  };
}

function readString(buffer: Buffer, at: number): { text: string; next: number } {
  const length = buffer.readUInt32LE(at);
  const from = at + LENGTH_BYTES;
  const text = length === 0 ? '' : buffer.toString('utf8', from, from + length);
  return { text, next: from + length };
}

function readBody(
  buffer: Buffer,
  at: number,
  flags: number,
  present: number,
  json: number,
  truncatedAt: number,
): { body: ReadBody | null; next: number } {
  if ((flags & present) === 0) return { body: null, next: at };
  const { text, next } = readString(buffer, at);
  const truncatedFrom = buffer.readInt32LE(truncatedAt);
  const body = {
    text,
    json: (flags & json) !== 0,
    truncatedFrom: truncatedFrom < 0 ? undefined : truncatedFrom,
  };
  return { body, next };
}
