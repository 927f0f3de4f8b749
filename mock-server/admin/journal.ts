// The mock's request journal: a bounded log of what clients sent and what they got, read by the
// admin API so tests can assert on the wire traffic. Entries live as bytes in a RecordRing, so a
// busy mock adds nothing per request to the heap V8 collects; they are redacted on read.
import { ConfigError } from '../../scim/errors.ts';
import type { Journal, JournalEntry, JournalQuery } from '../context.ts';
import type { BodyText } from './journal-body.ts';
import { readBody, toBodyText, type KeptBody } from './journal-body.ts';
import {
  capturedHead,
  methodOfCapturedHead,
  readCapturedHead,
  redactRequest,
  secretsOf,
  type QueryParser,
  type RequestDetails,
} from './journal-details.ts';
import {
  peekRecord,
  readRecord,
  recordBound,
  writeRecord,
  type ReadRecord,
  type RecordFields,
} from './journal-record.ts';
import { compilePathPattern } from './path-pattern.ts';
import { RecordRing } from './record-ring.ts';
import { scrub } from './redact.ts';

export { journalMiddleware } from './journal-capture.ts';

export interface MemoryJournalOptions {
  /** Most entries kept; the oldest are dropped first. */
  limit?: number;
  /**
   * Bytes of memory for the entries (URL, headers and bodies as UTF-8); the oldest are dropped
   * to make room, so large list pages cannot exhaust memory. At least 64 KiB.
   */
  maxBytes?: number;
  /** A body longer than this is kept as a truncation marker with a short preview. */
  maxBodyChars?: number;
}

/** What the capture middleware hands over: the exchange as it crossed the wire, unredacted. */
export interface CapturedEntry {
  requestId: string;
  method: string;
  /** Epoch milliseconds. */
  startedAtMs: number;
  /** The URL as the client sent it, query included. */
  url: string;
  /** `req.rawHeaders`: names and values in turn, as they came. */
  rawHeaders: readonly string[];
  /** `req.query` for a URL the journal would not parse the same way on read; else null. */
  parsedQuery: Record<string, unknown> | null;
  requestBody: BodyText | null;
  status: number;
  responseBody: BodyText | null;
  durationMs: number;
  fault: string | undefined;
  /** The mock's admin token, scrubbed wherever it shows when the entry is read. */
  adminToken: string;
  /** The app's query parser, as `req.query` applies it. */
  parseQuery: QueryParser | undefined;
}

const DEFAULTS = { limit: 10_000, maxBytes: 32 * 1024 * 1024, maxBodyChars: 1024 * 1024 };
const MIN_BYTES = 64 * 1024;
const DEFAULT_QUERY_LIMIT = 1_000;
export class MemoryJournal implements Journal {
  private readonly ring: RecordRing;
  private readonly maxBodyChars: number;
  // The same for every request of one mock, so kept once rather than in each entry.
  private adminToken = '';
  private parseQuery: QueryParser | undefined;

  constructor(options: MemoryJournalOptions = {}) {
    const limit = options.limit ?? DEFAULTS.limit;
    const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new ConfigError(`journal limit must be a positive integer, got ${limit}`);
    }
    if (!Number.isInteger(maxBytes) || maxBytes < MIN_BYTES) {
      throw new ConfigError(`journal maxBytes must be an integer >= ${MIN_BYTES}, got ${maxBytes}`);
    }
    this.ring = new RecordRing(limit, maxBytes);
    this.maxBodyChars = options.maxBodyChars ?? DEFAULTS.maxBodyChars;
  }

  /** Stores an entry given whole (details as given, bodies as values or text). */
  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    return this.entryAt(this.append(entry));
  }

  /** `record` without reading the entry back; returns its sequence number. */
  append(entry: Omit<JournalEntry, 'seq'>): number {
    const { requestId, method, at, tenantId, path, query, requestHeaders } = entry;
    const details: RequestDetails = { at, tenantId, path, query, requestHeaders };
    const head: GivenHead = { requestId, method, details };
    return this.write({
      captured: false,
      head: JSON.stringify(head),
      parsedQuery: '',
      fault: entry.fault ?? '',
      hasFault: entry.fault !== undefined,
      startedAtMs: 0,
      durationMs: entry.durationMs,
      status: entry.status,
      requestBody: toBodyText(entry.requestBody, this.maxBodyChars),
      responseBody: toBodyText(entry.responseBody, this.maxBodyChars),
    });
  }

  /** The capture middleware's hot path: wire text in, redaction left to the first read. */
  appendCaptured(captured: CapturedEntry): number {
    this.adminToken = captured.adminToken;
    this.parseQuery = captured.parseQuery ?? this.parseQuery;
    return this.write({
      captured: true,
      head: capturedHead(captured.requestId, captured.method, captured.url, captured.rawHeaders),
      parsedQuery: captured.parsedQuery === null ? '' : JSON.stringify(captured.parsedQuery),
      fault: captured.fault ?? '',
      hasFault: captured.fault !== undefined,
      startedAtMs: captured.startedAtMs,
      durationMs: captured.durationMs,
      status: captured.status,
      requestBody: toBodyText(captured.requestBody, this.maxBodyChars),
      responseBody: toBodyText(captured.responseBody, this.maxBodyChars),
    });
  }

  /** Matching entries, oldest first, after `sinceSeq`; at most `limit` (default 1,000). */
  query(query: JournalQuery = {}): JournalEntry[] {
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const matching = this.filterOf(query);
    const result: JournalEntry[] = [];
    const from = Math.max(this.ring.firstSeq, (query.sinceSeq ?? 0) + 1);
    for (let seq = from; seq < this.ring.nextSeq && result.length < limit; seq++) {
      const entry = matching(seq);
      if (entry) result.push(entry);
    }
    return result;
  }

  /**
   * The entry at a sequence number when it matches the query. Method and status are read from
   * the record as it is, so the entries they rule out are never decoded or redacted.
   */
  private filterOf(query: JournalQuery): (seq: number) => JournalEntry | undefined {
    const pathMatches = compilePathPattern(query.path);
    const method = query.method?.toUpperCase();
    const { status, tenantId, path } = query;
    return (seq) => {
      if (method !== undefined || status !== undefined) {
        const peek = peekRecord(this.ring, seq);
        if (status !== undefined && peek.status !== status) return undefined;
        if (method !== undefined && methodOf(peek) !== method) return undefined;
      }
      const entry = this.entryAt(seq);
      if (tenantId !== undefined && entry.tenantId !== tenantId) return undefined;
      return path === undefined || pathMatches(entry.path) ? entry : undefined;
    };
  }

  /** Drops every entry; sequence numbers keep rising so a reader's `sinceSeq` stays valid. */
  clear(): void {
    this.ring.clear();
  }

  private write(fields: RecordFields): number {
    // A record larger than the whole ring keeps its bodies as previews, so it is still listed.
    if (recordBound(fields) > this.ring.bytes.length) {
      fields.requestBody = preview(fields.requestBody);
      fields.responseBody = preview(fields.responseBody);
    }
    return writeRecord(this.ring, fields);
  }

  private entryAt(seq: number): JournalEntry {
    const record = readRecord(this.ring, seq)!;
    const { requestId, method, details, secrets } = record.captured
      ? this.readCaptured(record)
      : { ...(JSON.parse(record.head) as GivenHead), secrets: [] };
    const entry = {
      seq,
      requestId,
      at: details.at,
      tenantId: details.tenantId,
      method,
      path: details.path,
      query: details.query,
      requestHeaders: details.requestHeaders,
    } as JournalEntry;
    defineLazyBody(entry, 'requestBody', record.requestBody, secrets);
    entry.status = record.status;
    defineLazyBody(entry, 'responseBody', record.responseBody, secrets);
    entry.durationMs = record.durationMs;
    if (record.hasFault) entry.fault = record.fault;
    return entry;
  }

  /** A captured record's details, redacted, and the secrets to scrub from its bodies. */
  private readCaptured(record: ReadRecord): GivenHead & { secrets: string[] } {
    const { requestId, method, url, headers } = readCapturedHead(record.head);
    const { parsedQuery } = record;
    const raw = {
      startedAtMs: record.startedAtMs,
      url,
      headers,
      adminToken: this.adminToken,
      parsedQuery: parsedQuery === '' ? null : (JSON.parse(parsedQuery) as Record<string, unknown>),
      parseQuery: this.parseQuery,
    };
    const secrets = secretsOf(raw);
    return { requestId, method, details: redactRequest(raw, secrets), secrets };
  }
}

/** The head of an entry given whole to record(): its details are kept as given. */
interface GivenHead {
  requestId: string;
  method: string;
  details: RequestDetails;
}

function methodOf(peek: { captured: boolean; head: string }): string {
  return peek.captured
    ? methodOfCapturedHead(peek.head)
    : (JSON.parse(peek.head) as GivenHead).method;
}

/** The body cut to journal-body's preview; one already cut keeps the length it was cut from. */
function preview(body: BodyText | null): BodyText | null {
  return body?.truncatedFrom !== undefined ? body : toBodyText(body, 0);
}

/** A reader's body: scrubbed of the entry's secrets and parsed on first access. */
function defineLazyBody(
  entry: JournalEntry,
  key: 'requestBody' | 'responseBody',
  body: KeptBody | null,
  secrets: readonly string[],
): void {
  let parsed: { value: unknown } | undefined;
  Object.defineProperty(entry, key, {
    enumerable: true,
    configurable: true,
    get: () => (parsed ??= { value: readBody(scrubbed(body, secrets)) }).value,
    set: (value: unknown) => {
      parsed = { value };
    },
  });
}

function scrubbed(body: KeptBody | null, secrets: readonly string[]): KeptBody | null {
  if (body === null || secrets.length === 0) return body;
  return { ...body, text: scrub(body.text, secrets) };
}
