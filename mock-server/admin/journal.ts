// The mock's request journal: a bounded in-memory ring of what clients sent and what they got,
// read by the admin API so tests can assert on the wire traffic.
import { ConfigError } from '../../scim/errors.ts';
import type { Journal, JournalEntry, JournalQuery } from '../context.ts';
import { readBody, scrubBody, toBodyText, type BodyText } from './journal-body.ts';
import {
  redactRequest,
  secretsOf,
  type RawRequest,
  type RequestDetails,
} from './journal-details.ts';
import { compilePathPattern } from './path-pattern.ts';

export { journalMiddleware } from './journal-capture.ts';

export interface MemoryJournalOptions {
  /** Most entries kept; the oldest are dropped first. */
  limit?: number;
  /** Most body characters kept across all entries, so large list pages cannot exhaust memory. */
  maxChars?: number;
  /** A body longer than this is kept as a truncation marker with a short preview. */
  maxBodyChars?: number;
}

/**
 * What the capture middleware hands over, ready to keep as it is: the request's details still raw
 * and both bodies not yet scrubbed. Both are done on the entry's first read (`detailsOf`).
 */
export interface CapturedEntry {
  seq: number;
  requestId: string;
  method: string;
  requestBody: BodyText | null;
  status: number;
  responseBody: BodyText | null;
  durationMs: number;
  fault: string | undefined;
  details: null;
  raw: RawRequest;
  chars: number;
}

type StoredEntry = Omit<CapturedEntry, 'details' | 'raw'> & {
  /** Redacted details; null until first read when the entry came from the capture middleware. */
  details: RequestDetails | null;
  /** Set until the first read; while it is, the bodies are not yet scrubbed. */
  raw: RawRequest | null;
};

const DEFAULTS = { limit: 10_000, maxChars: 16 * 1024 * 1024, maxBodyChars: 1024 * 1024 };
const DEFAULT_QUERY_LIMIT = 1_000;

export class MemoryJournal implements Journal {
  private readonly slots: (StoredEntry | undefined)[];
  private readonly maxChars: number;
  private readonly maxBodyChars: number;
  private oldest = 0;
  private size = 0;
  private chars = 0;
  private nextSeq = 1;

  constructor(options: MemoryJournalOptions = {}) {
    const limit = options.limit ?? DEFAULTS.limit;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new ConfigError(`journal limit must be a positive integer, got ${limit}`);
    }
    this.slots = new Array<StoredEntry | undefined>(limit);
    this.maxChars = options.maxChars ?? DEFAULTS.maxChars;
    this.maxBodyChars = options.maxBodyChars ?? DEFAULTS.maxBodyChars;
  }

  /** Stores an entry; bodies may be BodyText (as the capture middleware passes) or plain values. */
  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    return toEntry(this.store(fromEntry(entry, this.maxBodyChars)));
  }

  /** `record` without building a reader copy. */
  append(entry: Omit<JournalEntry, 'seq'>): number {
    return this.store(fromEntry(entry, this.maxBodyChars)).seq;
  }

  /**
   * The capture middleware's hot path: the entry is kept as handed over, with no copy; its
   * details are redacted and its bodies scrubbed on first read.
   */
  appendCaptured(captured: CapturedEntry): number {
    captured.requestBody = toBodyText(captured.requestBody, this.maxBodyChars);
    captured.responseBody = toBodyText(captured.responseBody, this.maxBodyChars);
    return this.store(captured).seq;
  }

  private store(stored: StoredEntry): StoredEntry {
    stored.seq = this.nextSeq++;
    stored.chars = charsOf(stored);
    if (this.size === this.slots.length) this.evictOldest();
    this.slots[(this.oldest + this.size) % this.slots.length] = stored;
    this.size += 1;
    this.chars += stored.chars;
    while (this.chars > this.maxChars && this.size > 1) this.evictOldest();
    return stored;
  }

  /** Matching entries, oldest first, after `sinceSeq`; at most `limit` (default 1,000). */
  query(query: JournalQuery = {}): JournalEntry[] {
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const matches = entryFilter(query);
    const result: JournalEntry[] = [];
    for (let i = this.firstIndexAfter(query.sinceSeq); i < this.size; i++) {
      const stored = this.slots[(this.oldest + i) % this.slots.length]!;
      if (!matches(stored)) continue;
      result.push(toEntry(stored));
      if (result.length >= limit) break;
    }
    return result;
  }

  /** Drops every entry; sequence numbers keep rising so a reader's `sinceSeq` stays valid. */
  clear(): void {
    this.slots.fill(undefined);
    this.oldest = 0;
    this.size = 0;
    this.chars = 0;
  }

  private firstIndexAfter(sinceSeq: number | undefined): number {
    if (sinceSeq === undefined || this.size === 0) return 0;
    const oldestSeq = this.slots[this.oldest]!.seq;
    // Sequence numbers are contiguous inside the ring, so the start is arithmetic.
    return Math.min(this.size, Math.max(0, sinceSeq + 1 - oldestSeq));
  }

  private evictOldest(): void {
    const evicted = this.slots[this.oldest];
    if (evicted) this.chars -= evicted.chars;
    this.slots[this.oldest] = undefined;
    this.oldest = (this.oldest + 1) % this.slots.length;
    this.size -= 1;
  }
}

function charsOf(entry: StoredEntry): number {
  return (entry.requestBody?.chars ?? 0) + (entry.responseBody?.chars ?? 0);
}

/** A stored entry from a caller's full entry; bodies become text. */
function fromEntry(entry: Omit<JournalEntry, 'seq'>, maxBodyChars: number): StoredEntry {
  const { at, tenantId, path, query, requestHeaders, requestBody, responseBody, ...rest } = entry;
  return {
    ...rest,
    seq: 0,
    fault: rest.fault,
    requestBody: toBodyText(requestBody, maxBodyChars),
    responseBody: toBodyText(responseBody, maxBodyChars),
    details: { at, tenantId, path, query, requestHeaders },
    raw: null,
    chars: 0,
  };
}

/**
 * The redacted details, derived once from the raw request and then kept instead of it; the
 * bodies are scrubbed of the same secrets at that moment.
 */
function detailsOf(stored: StoredEntry): RequestDetails {
  if (stored.raw !== null) {
    const secrets = secretsOf(stored.raw);
    stored.details = redactRequest(stored.raw, secrets);
    stored.requestBody = scrubBody(stored.requestBody, secrets);
    stored.responseBody = scrubBody(stored.responseBody, secrets);
    stored.raw = null;
  }
  return stored.details!;
}

/** Cheap tests first, so entries they rule out are never redacted. */
function entryFilter(query: JournalQuery): (entry: StoredEntry) => boolean {
  const pathMatches = compilePathPattern(query.path);
  const method = query.method?.toUpperCase();
  return (entry) =>
    (method === undefined || entry.method === method) &&
    (query.status === undefined || entry.status === query.status) &&
    (query.tenantId === undefined || detailsOf(entry).tenantId === query.tenantId) &&
    (query.path === undefined || pathMatches(detailsOf(entry).path));
}

/** A reader's copy, keys in JournalEntry order; bodies are parsed on first access. */
function toEntry(stored: StoredEntry): JournalEntry {
  const { at, tenantId, path, query, requestHeaders } = detailsOf(stored);
  const { seq, requestId, method } = stored;
  const entry = {
    seq,
    requestId,
    at,
    tenantId,
    method,
    path,
    query,
    requestHeaders,
  } as JournalEntry;
  defineLazyBody(entry, 'requestBody', stored.requestBody);
  entry.status = stored.status;
  defineLazyBody(entry, 'responseBody', stored.responseBody);
  entry.durationMs = stored.durationMs;
  if (stored.fault !== undefined) entry.fault = stored.fault;
  return entry;
}

function defineLazyBody(
  entry: JournalEntry,
  key: 'requestBody' | 'responseBody',
  body: BodyText | null,
): void {
  let parsed: { value: unknown } | undefined;
  Object.defineProperty(entry, key, {
    enumerable: true,
    configurable: true,
    get: () => (parsed ??= { value: readBody(body) }).value,
    set: (value: unknown) => {
      parsed = { value };
    },
  });
}
