// The HTTP helper every check uses: sends SCIM requests with fetch and records each one as an
// Exchange (suites/model.ts) with the Authorization header and the token redacted.
import type { JsonBody } from './json.ts';
import type { Exchange } from '../model.ts';
import { redactExchange } from './redact.ts';

/** A query value of null renders a bare key (`?cursor`), as AWS's cursor mode takes it. */
export type Query = Record<string, string | number | null | undefined>;

export interface ScimRequest {
  method: string;
  /** Path below the base URL (`/Users/1`), or an absolute URL. */
  path: string;
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent byte for byte, for malformed and oversized bodies. */
  rawBody?: string;
  /** Defaults to application/scim+json when there is a body; null sends none. */
  contentType?: string | null;
  /** The Authorization header: omitted means the target's bearer token, null means none. */
  authorization?: string | null;
  /** Retry a 429 up to three times (default true); checks of 429 itself switch it off. */
  retryOn429?: boolean;
}

export interface ScimResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body is a JSON object or array; otherwise undefined (see `text`). */
  body: JsonBody | undefined;
  text: string;
}

const TIMEOUT_MS = 15_000;

export class ScimHttp {
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** A client for the same target whose exchanges are recorded separately. */
  fork(): ScimHttp {
    return new ScimHttp(this.baseUrl, this.token);
  }

  get(path: string, query?: Query): Promise<ScimResponse> {
    return this.send({ method: 'GET', path, query });
  }

  post(path: string, body: unknown): Promise<ScimResponse> {
    return this.send({ method: 'POST', path, body });
  }

  put(path: string, body: unknown): Promise<ScimResponse> {
    return this.send({ method: 'PUT', path, body });
  }

  patch(path: string, body: unknown): Promise<ScimResponse> {
    return this.send({ method: 'PATCH', path, body });
  }

  delete(path: string): Promise<ScimResponse> {
    return this.send({ method: 'DELETE', path });
  }

  async send(request: ScimRequest): Promise<ScimResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await this.sendOnce(request);
      if (response.status !== 429 || request.retryOn429 === false || attempt >= 3) return response;
      await backoff(response.headers['retry-after'], attempt);
    }
  }

  private async sendOnce(request: ScimRequest): Promise<ScimResponse> {
    const url = this.urlFor(request.path, request.query);
    const headers = this.headersFor(request);
    const payload =
      request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const started = performance.now();
    const answer = await fetch(url, {
      method: request.method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await answer.text();
    const response: ScimResponse = {
      status: answer.status,
      headers: Object.fromEntries(answer.headers.entries()),
      body: parseJson(text),
      text,
    };
    this.record(request, url, headers, response, performance.now() - started);
    return response;
  }

  private urlFor(path: string, query: Query = {}): string {
    const base = /^https?:\/\//.test(path) ? path : `${this.baseUrl}${path}`;
    const parts = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) =>
        value === null ? key : `${key}=${encodeURIComponent(String(value))}`,
      );
    return parts.length === 0 ? base : `${base}${base.includes('?') ? '&' : '?'}${parts.join('&')}`;
  }

  private headersFor(request: ScimRequest): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/scim+json, application/json',
      'user-agent': 'scim-harness',
    };
    const hasBody = request.body !== undefined || request.rawBody !== undefined;
    const contentType =
      request.contentType === undefined ? 'application/scim+json' : request.contentType;
    if (hasBody && contentType !== null) headers['content-type'] = contentType;
    const authorization =
      request.authorization === undefined ? `Bearer ${this.token}` : request.authorization;
    if (authorization !== null) headers.authorization = authorization;
    return headers;
  }

  private record(
    request: ScimRequest,
    url: string,
    headers: Record<string, string>,
    response: ScimResponse,
    durationMs: number,
  ): void {
    const exchange: Exchange = {
      method: request.method,
      url,
      requestHeaders: headers,
      requestBody: request.rawBody === undefined ? request.body : summariseRaw(request.rawBody),
      status: response.status,
      responseHeaders: response.headers,
      responseBody: response.body ?? summariseText(response.text),
      durationMs: Math.round(durationMs),
    };
    this.exchanges.push(redactExchange(exchange, this.token));
  }
}

function parseJson(text: string): JsonBody | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function summariseText(text: string): string | undefined {
  if (text === '') return undefined;
  return text.length > 4096 ? `${text.slice(0, 4096)}…` : text;
}

/** Large raw bodies are described, not stored, so reports stay small. */
function summariseRaw(raw: string): string {
  return raw.length > 2048 ? `[${raw.length} characters, not recorded]` : raw;
}

async function backoff(retryAfter: string | undefined, attempt: number): Promise<void> {
  const seconds = Number(retryAfter);
  const ms =
    Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 250 * 2 ** attempt;
  await new Promise((resolve) => setTimeout(resolve, ms));
}
