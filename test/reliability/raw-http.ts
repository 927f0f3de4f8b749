// A raw HTTP client over node:http that sends the request target verbatim (fetch would
// normalise `..` and escapes) and never throws: a reset socket is an answer with status 0.
import { request, type Agent, type ClientRequest } from 'node:http';

import type { BadRequest } from './generators/index.ts';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  error?: string;
}

export function bodyBytes(body: BadRequest['body']): Buffer | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.isBuffer(body) ? body : body.make();
}

/** Sends one request to `origin` (loopback), answering within `timeoutMs`. */
export function sendRaw(
  origin: string,
  agent: Agent,
  sent: BadRequest,
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  const body = bodyBytes(sent.body);
  return new Promise((resolve) => {
    const headers = { ...sent.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const options = { host: hostname, port, method: sent.method, path: sent.path, headers, agent };
    let req: ClientRequest;
    try {
      req = request({ ...options, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (error) =>
          resolve({ status: 0, headers: {}, text: '', error: String(error) }),
        );
      });
    } catch (error) {
      // The client itself refused to send it (e.g. a character Node forbids in a header).
      resolve({ status: 0, headers: {}, text: '', error: `client refused: ${String(error)}` });
      return;
    }
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ status: 0, headers: {}, text: '', error: String(error) }));
    req.end(body);
  });
}

/** Runs `work` over `items` with at most `concurrency` in flight, keeping the results' order. */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
