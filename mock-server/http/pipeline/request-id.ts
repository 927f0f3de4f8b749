// First in the chain: gives each exchange an id, sent as x-amzn-RequestId on every response and
// kept in res.locals for the journal, the log line and error bodies (AWS-HTTP-REQUEST-ID).
import { randomUUID } from 'node:crypto';

import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-amzn-RequestId';

export function requestIdMiddleware(): RequestHandler {
  return (_req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}
