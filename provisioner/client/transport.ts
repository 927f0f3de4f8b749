// HTTP(S) for one target over node:http with a keep-alive pool of its own. The pool lives as
// long as the client: each run starts on fresh connections, so it never writes to a socket the
// server closed while the process was busy between runs (a request lost before it was read).
import http from 'node:http';
import https from 'node:https';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export class Transport {
  private readonly agent: http.Agent;
  private readonly secure: boolean;

  constructor(baseUrl: string, maxSockets: number) {
    this.secure = baseUrl.startsWith('https:');
    const options = { keepAlive: true, maxSockets };
    this.agent = this.secure ? new https.Agent(options) : new http.Agent(options);
  }

  send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
  ): Promise<RawResponse> {
    const request = this.secure ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { method, headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      if (body !== undefined) req.setHeader('content-length', Buffer.byteLength(body));
      req.end(body);
    });
  }

  /** Closes the pooled connections; requests after this open new ones. */
  close(): void {
    this.agent.destroy();
  }
}
