import { expect } from 'chai';
import express from 'express';
import type { ErrorRequestHandler, RequestHandler } from 'express';

import { sequence } from '../../../../mock-server/http/pipeline/sequence.ts';
import { serve, type Served } from '../../admin/helpers.ts';

/** A step that notes its name in the response's trail and goes on. */
function mark(name: string): RequestHandler {
  return (_req, res, next) => {
    (res.locals.trail as string[]).push(name);
    next();
  };
}

const answerError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  res.status(500).json({ error: (error as Error).message, trail: res.locals.trail as string[] });
};

/** The app: a sequence, then a layer that proves the request left it, then express's errors. */
function appWith(steps: RequestHandler[]): express.Express {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.trail = [];
    next();
  });
  app.use(sequence(steps, answerError));
  app.use((_req, res) => {
    res.json({ left: true, trail: res.locals.trail as string[] });
  });
  return app;
}

describe('mock-server/http/pipeline/sequence', () => {
  let server: Served | undefined;
  afterEach(async () => server?.close());

  async function get(steps: RequestHandler[]): Promise<unknown> {
    server = await serve(appWith(steps));
    return (await fetch(`${server.origin}/x`)).json();
  }

  it('runs the steps in order, then hands the request to the next express layer', async () => {
    expect(await get([mark('a'), mark('b')])).to.deep.equal({ left: true, trail: ['a', 'b'] });
  });

  it('stops at a step that answers', async () => {
    const answer: RequestHandler = (_req, res) => {
      res.json({ answeredBy: 'b', trail: res.locals.trail as string[] });
    };
    expect(await get([mark('a'), answer, mark('c')])).to.deep.equal({
      answeredBy: 'b',
      trail: ['a'],
    });
  });

  it("leaves for the next layer on next('route'), skipping the rest", async () => {
    const leave: RequestHandler = (_req, _res, next) => next('route');
    expect(await get([mark('a'), leave, mark('c')])).to.deep.equal({ left: true, trail: ['a'] });
  });

  it('sends next(error) and a thrown error to the error handler, skipping the rest', async () => {
    const failing: RequestHandler = (_req, _res, next) => next(new Error('refused'));
    const throwing: RequestHandler = () => {
      throw new Error('thrown');
    };
    expect(await get([mark('a'), failing, mark('c')])).to.deep.equal({
      error: 'refused',
      trail: ['a'],
    });
    await server?.close();
    expect(await get([throwing, mark('b')])).to.deep.equal({ error: 'thrown', trail: [] });
  });

  it('goes on when a step calls next later, as a body read or an injected latency does', async () => {
    const later: RequestHandler = (_req, _res, next) => {
      setTimeout(() => next(), 5);
    };
    expect(await get([later, mark('b')])).to.deep.equal({ left: true, trail: ['b'] });
  });
});
