// One log line per request: method, path, status, duration and request id. Headers and bodies
// are never logged, so no token can reach the log.
import { performance } from 'node:perf_hooks';

import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

import { bearerSecret, scrub } from '../../admin/redact.ts';
import { requestIdOf } from '../respond.ts';

export function requestLogMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    // A silent logger (tests, benchmarks) would drop the line anyway; checked per request so a
    // level changed at run time still takes effect.
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = performance.now();
    // Routers rewrite req.url while they run; the original URL is what the client asked for.
    // A client that also put its token in the path (e.g. as an id) must not leak it here.
    const path = scrubBearer(req.originalUrl.split('?')[0], req.headers.authorization);
    let logged = false;
    const log = (): void => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const status = res.writableFinished ? res.statusCode : 0;
      logger.info(
        { method: req.method, path, status, durationMs, requestId: requestIdOf(res) },
        `${req.method} ${path} ${status} ${durationMs}ms`,
      );
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
}

/** The text with the presented bearer token masked, as the journal masks it. */
export function scrubBearer(text: string, authorization: string | undefined): string {
  const secret = bearerSecret(authorization);
  return secret === null ? text : scrub(text, [secret]);
}
