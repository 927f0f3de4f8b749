// Writes SCIM answers the way AWS does: `Content-Type: application/json` exactly, no charset
// (AWS-HTTP-CONTENT-TYPE), and errors in AWS's body shape (AWS-ERROR-BODY).
import type { Response } from 'express';

import { renderAwsError, type ScimError } from '../../scim/errors.ts';
import type { Clock } from '../context.ts';

export function sendJson(res: Response, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** `sendJson` for a body that is JSON text already (a cached rendering). */
export function sendJsonText(res: Response, status: number, text: string): void {
  // Set directly: express's status() only adds checks that our fixed statuses always pass.
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * `sendJsonText` for a body in pieces (a list envelope around kept texts), written without
 * joining them. Node corks the socket for the rest of the tick after a response's first write,
 * so the pieces still leave in one packet.
 */
export function sendJsonParts(res: Response, status: number, parts: readonly string[]): void {
  let bytes = 0;
  for (const part of parts) bytes += Buffer.byteLength(part);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', bytes);
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) res.write(parts[i]);
  res.end(parts[last]);
}

/** A success without a body, as AWS answers DELETE and group PATCH. */
export function sendNoContent(res: Response): void {
  res.status(204).end();
}

/** AWS-HTTP-REQUEST-ID: the body repeats the x-amzn-RequestId header as exceptionRequestId. */
export function sendScimError(res: Response, error: ScimError, clock: Clock): void {
  const requestId = requestIdOf(res);
  sendJson(res, error.status, renderAwsError(error.status, error.detail, requestId, clock.now()));
}

export function requestIdOf(res: Response): string {
  const id: unknown = (res.locals as { requestId?: unknown }).requestId;
  return typeof id === 'string' ? id : '';
}
