// Runs several middlewares as one express layer. Each express layer costs a pass through the
// router's dispatch (path parse, match, param processing) on every request, and the mock's SCIM
// chain is eight middlewares long.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

/** One request's way through the steps. */
interface Run {
  steps: RequestHandler[];
  onError: ErrorRequestHandler;
  req: Request;
  res: Response;
  leave: NextFunction;
  index: number;
  next: NextFunction;
}

/**
 * The steps in order, with express's meaning of `next`: `next()` runs the following step,
 * `next(error)` (or a throw) goes to `onError`, and `next('route')` leaves the sequence for the
 * app's next layer, as does `next()` after the last step. Steps may call `next` later (a body
 * read, an injected latency), but each step calls it at most once.
 */
export function sequence(steps: RequestHandler[], onError: ErrorRequestHandler): RequestHandler {
  return (req, res, leave) => {
    const run: Run = { steps, onError, req, res, leave, index: 0, next: leave };
    run.next = nextOf(run);
    advance(run, undefined);
  };
}

/**
 * The `next` the steps get. Returned straight from here, so it is an anonymous function: the
 * TypeScript loader names every function bound to a name, which costs on each request.
 */
function nextOf(run: Run): NextFunction {
  return (signal?: unknown) => advance(run, signal);
}

function advance(run: Run, signal: unknown): void {
  if (signal === 'route') return run.leave();
  // Like express, any truthy value other than 'route' is an error.
  if (signal) return fail(run, signal);
  const step = run.steps[run.index++];
  if (step === undefined) return run.leave();
  try {
    // Every step is synchronous or calls next itself; none returns a promise to wait on.
    void step(run.req, run.res, run.next);
  } catch (error) {
    fail(run, error);
  }
}

function fail(run: Run, error: unknown): void {
  try {
    run.onError(error, run.req, run.res, run.leave);
  } catch (thrown) {
    run.leave(thrown);
  }
}
