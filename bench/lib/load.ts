// Runs one autocannon load against a target and reduces the result to the figures we report.
import autocannon from 'autocannon';
import type { AutocannonRequest } from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers outside 2xx plus connection errors; a clean run has none. */
  failures: number;
}

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  /** Builds each request in turn; `n` counts requests on this connection's client. */
  next: (n: number) => AutocannonRequest;
}

export interface LoadSettings {
  durationSeconds: number;
  connections: number;
}

export async function runLoad(spec: LoadSpec, settings: LoadSettings): Promise<LoadFigures> {
  let counter = 0;
  const result = await autocannon({
    url: spec.url,
    connections: settings.connections,
    duration: settings.durationSeconds,
    headers: spec.headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...spec.next(counter++) }) }],
  });
  const requests = result.requests.total;
  return {
    requestsPerSecond: Math.round(requests / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors,
  };
}
