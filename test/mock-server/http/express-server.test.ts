import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect } from 'chai';
import express from 'express';

import { createExpressServer } from '../../../mock-server/http/express-server.ts';

describe('mock-server/http/express-server', () => {
  it("hands express requests and responses that already have the app's prototypes", async () => {
    const app = express();
    app.get('/hello/:name', (req, res) => {
      res.locals.seen = true;
      res.status(201).json({ name: req.params.name, path: req.path, query: req.query.q });
    });
    const server = createExpressServer(app);
    const protos = app as unknown as { request: object; response: object };
    const born: boolean[] = [];
    // Runs before the app: what node:http built, before express re-parents anything.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      born.push(
        Object.getPrototypeOf(req) === protos.request &&
          Object.getPrototypeOf(res) === protos.response,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/hello/ann?q=1`);
      expect(answer.status).to.equal(201);
      expect(await answer.json()).to.deep.equal({ name: 'ann', path: '/hello/ann', query: '1' });
      expect(born).to.deep.equal([true]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
