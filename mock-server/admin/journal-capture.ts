// Express middleware that journals each SCIM exchange. It runs before body parsing, so it reads
// `req.body` when the response finishes, and it taps `res.write`/`res.end` for the response text.
import { performance } from 'node:perf_hooks';

import type { Request, RequestHandler, Response } from 'express';

import type { JournalEntry, MockContext } from '../context.ts';
import { BodyText } from './journal-body.ts';
import { MemoryJournal } from './journal.ts';
import { requestIdOf } from './request-id.ts';
import { bearerSecret, redactHeaders, scrub } from './redact.ts';
import { isAdminPath, parseScimPath, pathOf } from './scim-path.ts';

/** Response text beyond this is counted but not kept (the journal caps bodies again). */
const CAPTURE_MAX_CHARS = 1024 * 1024;
const PREVIEW_CHARS = 512;

/** Journals every request outside `/_admin`, tokens redacted; place it right after request ids. */
export function journalMiddleware(ctx: MockContext): RequestHandler {
  return (req, res, next) => {
    const path = pathOf(req.originalUrl);
    if (isAdminPath(path)) {
      next();
      return;
    }
    const started = { at: ctx.clock.now().toISOString(), ms: performance.now() };
    const response = tapResponse(res);
    // A ServerResponse emits 'close' once, after 'finish' or when the socket went first.
    res.once('close', () => {
      try {
        const entry = buildEntry(ctx, req, res, path, started, response.body());
        if (ctx.journal instanceof MemoryJournal) ctx.journal.append(entry);
        else ctx.journal.record(entry);
      } catch (error) {
        // A journal fault must never take the mock down; it only costs this entry.
        ctx.logger.error({ err: error, path }, 'journal: could not record a request');
      }
    });
    next();
  };
}

function buildEntry(
  ctx: MockContext,
  req: Request,
  res: Response,
  path: string,
  started: { at: string; ms: number },
  responseText: BodyText | null,
): Omit<JournalEntry, 'seq'> {
  const secrets = secretsOf(ctx, req);
  const locals = res.locals as { fault?: unknown };
  const entry: Omit<JournalEntry, 'seq'> = {
    requestId: requestIdOf(res),
    at: started.at,
    tenantId: parseScimPath(path)?.tenantId ?? null,
    method: req.method,
    path: scrub(path, secrets),
    query: queryOf(req, secrets),
    requestHeaders: redactHeaders(req.headers, secrets),
    requestBody: requestBodyOf(req, secrets),
    // A socket closed before the answer (a `drop` fault, a client abort) has no status: 0.
    status: res.writableFinished ? res.statusCode : 0,
    responseBody: responseText && scrubBody(responseText, secrets),
    durationMs: Math.round((performance.now() - started.ms) * 1000) / 1000,
  };
  if (typeof locals.fault === 'string') entry.fault = locals.fault;
  return entry;
}

function secretsOf(ctx: MockContext, req: Request): string[] {
  const secrets = [ctx.adminToken];
  const bearer = bearerSecret(req.headers.authorization);
  if (bearer) secrets.push(bearer);
  const adminHeader = req.headers['x-admin-token'];
  if (typeof adminHeader === 'string') secrets.push(adminHeader);
  return secrets;
}

function queryOf(req: Request, secrets: string[]): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  // Express parses the query string on every read of req.query; most SCIM calls have none.
  if (!req.originalUrl.includes('?')) return result;
  for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) {
    result[scrub(key, secrets)] = Array.isArray(value)
      ? value.map((item) => scrub(stringOf(item), secrets))
      : scrub(stringOf(value), secrets);
  }
  return result;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function requestBodyOf(req: Request, secrets: string[]): BodyText | null {
  const body: unknown = req.body;
  if (body === undefined || body === null) return null;
  if (Buffer.isBuffer(body)) return new BodyText(scrub(body.toString('utf8'), secrets), false);
  if (typeof body === 'string') return new BodyText(scrub(body, secrets), false);
  return new BodyText(scrub(JSON.stringify(body), secrets), true);
}

function scrubBody(body: BodyText, secrets: string[]): BodyText {
  return new BodyText(scrub(body.text, secrets), body.json, body.truncatedFrom);
}

type WriteArgs = [chunk: unknown, encodingOrCallback?: unknown, callback?: unknown];

/** Wraps `write` and `end` so the response text is collected as it is sent. */
function tapResponse(res: Response): { body(): BodyText | null } {
  const chunks: string[] = [];
  let length = 0;
  const keep = (chunk: unknown, encoding: unknown): void => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const text = chunkText(chunk, encoding);
    if (length < CAPTURE_MAX_CHARS) chunks.push(text);
    length += text.length;
  };
  const write = res.write.bind(res) as (...args: WriteArgs) => boolean;
  const end = res.end.bind(res) as (...args: WriteArgs) => Response;
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, encoding);
    return write(chunk, encoding, callback);
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, encoding);
    return end(chunk, encoding, callback);
  }) as Response['end'];
  return { body: () => assemble(res, chunks, length) };
}

function chunkText(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') {
    const plain = typeof encoding !== 'string' || /^utf-?8$/i.test(encoding);
    return plain ? chunk : Buffer.from(chunk, encoding as BufferEncoding).toString('utf8');
  }
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString('utf8');
  return String(chunk);
}

function assemble(res: Response, chunks: string[], length: number): BodyText | null {
  if (length === 0) return null;
  const text = chunks.join('');
  if (length > CAPTURE_MAX_CHARS) return new BodyText(text.slice(0, PREVIEW_CHARS), false, length);
  const contentType = String(res.getHeader('content-type') ?? '');
  return new BodyText(text, contentType.includes('json'));
}
