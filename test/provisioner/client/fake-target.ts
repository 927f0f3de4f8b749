// A scripted SCIM target on 127.0.0.1 for the client tests: each request goes to a handler
// that the test supplies, and every request is recorded.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Handler = (
  req: SeenRequest,
  res: ServerResponse,
) => void | { status: number; body?: unknown; headers?: Record<string, string> };

export interface FakeTarget {
  baseUrl: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeTarget(handler: Handler): Promise<FakeTarget> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      seen.push(request);
      const answer = handler(request, res);
      if (!answer) return;
      res.writeHead(answer.status, { 'content-type': 'application/scim+json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function awsError(status: number, detail: string): { status: number; body: unknown } {
  const urn = 'urn:ietf:params:scim:api:messages:2.0:Error';
  return {
    status,
    body: {
      schema: [urn],
      schemas: [urn],
      detail,
      status: String(status),
      exceptionRequestId: 'req-' + status,
      timeStamp: '2026-01-01 00:00:00.000',
    },
  };
}
