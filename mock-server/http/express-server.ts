// An http server for an express app whose requests and responses are born with the app's
// prototypes. Express gives every request and response the app's prototypes with
// Object.setPrototypeOf (app.handle). On a fresh object V8 pays for that with new hidden classes
// that outlive the request: with it, a quarter of what each request allocates survived a young
// GC and was copied to the old generation, and a bigger heap (the mock at 100,000 users) then
// paid more for every collection. When the prototype is already the app's, setPrototypeOf has
// nothing to do (it returns when the prototype is the same), so nothing survives.
import { IncomingMessage, ServerResponse, createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

import type { Express } from 'express';

/** What express puts on every request and response: `app.request` and `app.response`. */
interface AppPrototypes {
  request: object;
  response: object;
}

export function createExpressServer(app: Express): Server {
  const { request, response } = app as unknown as AppPrototypes;
  // node:http constructs these with `new`; both base classes are plain functions it can `call`.
  function AppRequest(this: IncomingMessage, socket: Socket): void {
    (IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void).call(
      this,
      socket,
    );
  }
  AppRequest.prototype = request;
  function AppResponse(this: ServerResponse, req: IncomingMessage, options?: object): void {
    (
      ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, o?: object) => void
    ).call(this, req, options);
  }
  AppResponse.prototype = response;
  return createServer(
    {
      IncomingMessage: AppRequest as unknown as typeof IncomingMessage,
      ServerResponse: AppResponse as unknown as typeof ServerResponse,
    },
    app,
  );
}
