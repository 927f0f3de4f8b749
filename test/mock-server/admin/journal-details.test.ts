import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';

import { expect } from 'chai';

import {
  capturedHead,
  headersFromRaw,
  methodOfCapturedHead,
  readCapturedHead,
} from '../../../mock-server/admin/journal-details.ts';

/** Sends `lines` as a raw HTTP/1.1 request and resolves with the request Node parsed. */
async function parsedBy(lines: string[]): Promise<IncomingMessage> {
  const server = createServer();
  const received = new Promise<IncomingMessage>((resolve) => {
    server.on('request', (req: IncomingMessage, res) => {
      res.end();
      resolve(req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  try {
    return await received;
  } finally {
    socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('mock-server/admin/journal-details', () => {
  it('rebuilds request headers from raw headers as Node does, repeats included', async () => {
    const req = await parsedBy([
      'GET /t1/scim/v2/Users?filter=x HTTP/1.1',
      'Host: 127.0.0.1',
      'Authorization: Bearer first',
      'authorization: Bearer second',
      'Content-Type: application/scim+json',
      'X-Trace: a',
      'x-trace: b',
      'Cookie: k=1',
      'cookie: k=2',
      'Set-Cookie: s=1',
      'set-cookie: s=2',
      'User-Agent: one',
      'User-Agent: two',
      'Accept: a/b',
      'accept: c/d',
    ]);
    expect(headersFromRaw(req.rawHeaders)).to.deep.equal({ ...req.headers });
  });

  it('keeps id, method, URL and headers of a request in one string and reads them back', () => {
    const raw = ['Host', 'h', 'X-A', '1', 'x-a', '2'];
    const head = capturedHead('req-7', 'PATCH', '/t/scim/v2/Users/u?a=b', raw);
    expect(methodOfCapturedHead(head)).to.equal('PATCH');
    expect(readCapturedHead(head)).to.deep.equal({
      requestId: 'req-7',
      method: 'PATCH',
      url: '/t/scim/v2/Users/u?a=b',
      headers: { host: 'h', 'x-a': '1, 2' },
    });
    expect(readCapturedHead(capturedHead('r', 'GET', '/', [])).headers).to.deep.equal({});
  });
});
