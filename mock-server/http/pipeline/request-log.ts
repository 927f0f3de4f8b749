// One log line per request: method, path, status, duration and request id. Headers and bodies
// are never logged, so no token can reach the log.
import { performance } from 'node:perf_hooks';

import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

import { requestIdOf } from '../respond.ts';

export function requestLogMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    // Routers rewrite req.url while they run; the original URL is what the client asked for.
    const path = req.originalUrl.split('?')[0];
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
