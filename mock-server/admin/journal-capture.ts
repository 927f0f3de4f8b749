// Express middleware that journals each SCIM exchange. It runs before body parsing, so it reads
// `req.body` when the response finishes, and it taps `res.write`/`res.end` for the response text.
// It runs on every request, so it keeps references and wire text only, and it leaves the costly
// work (redacting headers and query, scrubbing secrets from bodies) to the journal's first read
// (journal.ts, journal-details.ts): an entry that is never read never pays for it.
import { performance } from 'node:perf_hooks';

import type { Request, RequestHandler, Response } from 'express';

import type { JournalEntry, MockContext } from '../context.ts';
import { BodyText, scrubBody } from './journal-body.ts';
import { headersFromRaw, redactRequest, secretsOf, type QueryParser } from './journal-details.ts';
import { MemoryJournal, type CapturedEntry } from './journal.ts';
import { requestIdOf } from './request-id.ts';
import { isAdminPath, pathOf } from './scim-path.ts';

/** Response text beyond this is counted but not kept (the journal caps bodies again). */
const CAPTURE_MAX_CHARS = 1024 * 1024;
const PREVIEW_CHARS = 512;

/** A URL that parseurl (behind `req.query`) does not simply split at its first '?'. */
const ODD_URL = /[#\s\u00a0\ufeff]/;

/** Where a journalled response keeps its Capture: in res.locals, so `res` itself is left alone. */
const CAPTURE = Symbol('journal capture');

/** Marks an app's response prototype whose write, end and emit are tapped. */
const TAPPED = Symbol('journal taps');

/** One exchange in flight: what it needs at the end, and the response text so far. */
class Capture {
  /** The response text in chunks; most answers come in one. */
  readonly chunks: string[] = [];
  length = 0;

  constructor(
    readonly ctx: MockContext,
    readonly path: string,
    /** Epoch milliseconds, from the mock's clock: the entry's `at`. */
    readonly startedAtMs: number,
    /** performance.now(), for the duration. */
    readonly startedMs: number,
  ) {}
}

type Locals = Record<string | symbol, unknown> & { [CAPTURE]?: Capture };

type Emit = (this: Response, event: string | symbol, ...args: unknown[]) => boolean;
type Write = (this: Response, chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
type End = (this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) => Response;

/** Journals every request outside `/_admin`, tokens redacted; place it right after request ids. */
export function journalMiddleware(ctx: MockContext): RequestHandler {
  return (req, res, next) => {
    const path = pathOf(req.originalUrl);
    if (isAdminPath(path)) {
      next();
      return;
    }
    // Express gives each response the app's `response` object as its prototype (app.handle).
    tapResponses((req.app as unknown as { response: Response }).response);
    const startedAtMs = ctx.clock.now().getTime();
    (res.locals as Locals)[CAPTURE] = new Capture(ctx, path, startedAtMs, performance.now());
    next();
  };
}

function captureOf(res: Response): Capture | undefined {
  return (res.locals as Locals | undefined)?.[CAPTURE];
}

/**
 * Taps `write`, `end` and `emit` once, on the prototype express gives every response of the app,
 * rather than on each response: a listener and two own properties per request cost the SCIM hot
 * path more than the rest of the journal. Responses without a Capture pass straight through.
 */
function tapResponses(proto: Response): void {
  if (Object.hasOwn(proto, TAPPED)) return;
  const { write, end, emit } = proto as unknown as { write: Write; end: End; emit: Emit };
  Object.defineProperties(proto, {
    [TAPPED]: { value: true },
    write: {
      configurable: true,
      writable: true,
      value: function tappedWrite(
        this: Response,
        chunk: unknown,
        encoding?: unknown,
        cb?: unknown,
      ) {
        const capture = captureOf(this);
        if (capture) keep(capture, chunk, encoding);
        return write.call(this, chunk, encoding, cb);
      },
    },
    end: {
      configurable: true,
      writable: true,
      value: function tappedEnd(this: Response, chunk?: unknown, encoding?: unknown, cb?: unknown) {
        const capture = captureOf(this);
        if (capture) keep(capture, chunk, encoding);
        return end.call(this, chunk, encoding, cb);
      },
    },
    emit: {
      configurable: true,
      writable: true,
      // A ServerResponse emits 'close' once, after 'finish' or when the socket went first.
      value: function tappedEmit(this: Response, event: string | symbol): boolean {
        if (event === 'close') {
          const capture = captureOf(this);
          if (capture) recordExchange(this, capture);
        }
        // `arguments` rather than rest parameters: no array is built for each event.
        // eslint-disable-next-line prefer-rest-params
        return Reflect.apply(emit, this, arguments) as boolean;
      },
    },
  });
}

function keep(capture: Capture, chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
  const text = chunkText(chunk, encoding);
  if (capture.length < CAPTURE_MAX_CHARS) capture.chunks.push(text);
  capture.length += text.length;
}

function recordExchange(res: Response, capture: Capture): void {
  (res.locals as Locals)[CAPTURE] = undefined;
  const { ctx } = capture;
  try {
    const captured = capturedEntry(res.req, res, capture);
    if (ctx.journal instanceof MemoryJournal) ctx.journal.appendCaptured(captured);
    else ctx.journal.record(toJournalEntry(captured));
  } catch (error) {
    // A journal fault must never take the mock down; it only costs this entry.
    ctx.logger.error({ err: error, path: capture.path }, 'journal: could not record a request');
  }
}

/** The exchange as it crossed the wire: no copy, no scrub; the journal keeps it as bytes. */
function capturedEntry(req: Request, res: Response, capture: Capture): CapturedEntry {
  const fault: unknown = (res.locals as { fault?: unknown }).fault;
  const url = req.originalUrl;
  return {
    requestId: requestIdOf(res),
    method: req.method,
    startedAtMs: capture.startedAtMs,
    url,
    rawHeaders: req.rawHeaders,
    // Rare enough to pay for now, and then exactly as req.query parses it. Express parses the
    // query string on every read of req.query, so the usual URL is left for the journal's read.
    parsedQuery: url.includes('?') && ODD_URL.test(url) ? req.query : null,
    requestBody: requestBodyOf(req),
    // A socket closed before the answer (a `drop` fault, a client abort) has no status: 0.
    status: res.writableFinished ? res.statusCode : 0,
    responseBody: assemble(res, capture),
    durationMs: Math.round((performance.now() - capture.startedMs) * 1000) / 1000,
    fault: typeof fault === 'string' ? fault : undefined,
    adminToken: capture.ctx.adminToken,
    parseQuery: req.app.get('query parser fn') as QueryParser | undefined,
  };
}

/** For a journal other than MemoryJournal: everything redacted and scrubbed now. */
function toJournalEntry(captured: CapturedEntry): Omit<JournalEntry, 'seq'> {
  const raw = { ...captured, headers: headersFromRaw(captured.rawHeaders) };
  const secrets = secretsOf(raw);
  const entry: Omit<JournalEntry, 'seq'> = {
    requestId: captured.requestId,
    ...redactRequest(raw, secrets),
    method: captured.method,
    requestBody: scrubBody(captured.requestBody, secrets),
    status: captured.status,
    responseBody: scrubBody(captured.responseBody, secrets),
    durationMs: captured.durationMs,
  };
  if (captured.fault !== undefined) entry.fault = captured.fault;
  return entry;
}

/** The request body as text; a body parsed as JSON is written back to JSON text. */
function requestBodyOf(req: Request): BodyText | null {
  const body: unknown = req.body;
  if (body === undefined || body === null) return null;
  if (Buffer.isBuffer(body)) return new BodyText(body.toString('utf8'), false);
  if (typeof body === 'string') return new BodyText(body, false);
  return new BodyText(JSON.stringify(body), true);
}

function chunkText(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') {
    const plain = typeof encoding !== 'string' || /^utf-?8$/i.test(encoding);
    return plain ? chunk : Buffer.from(chunk, encoding as BufferEncoding).toString('utf8');
  }
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString('utf8');
  return String(chunk);
}

function assemble(res: Response, capture: Capture): BodyText | null {
  const { chunks, length } = capture;
  if (length === 0) return null;
  if (length > CAPTURE_MAX_CHARS) {
    return new BodyText(chunks.join('').slice(0, PREVIEW_CHARS), false, length);
  }
  const contentType = String(res.getHeader('content-type') ?? '');
  // Pieces are kept unjoined, as they are mostly kept resource texts (sendJsonParts), in an array
  // of their own size: the one pushed to has room for sixteen.
  const text = chunks.length === 1 ? chunks[0] : chunks.slice();
  return new BodyText(text, contentType.includes('json'));
}
