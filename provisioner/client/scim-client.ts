// The SCIM HTTP client for one target: bounded concurrency, retries with backoff on 429, 5xx
// and network errors (honouring Retry-After), and one record per attempt for the audit log.
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { DEFAULT_RETRY, backoffDelay, isRetryableStatus, parseRetryAfter } from './backoff.ts';
import type { RetryPolicy } from './backoff.ts';
import { Semaphore } from './semaphore.ts';
import { Transport } from './transport.ts';
import { TargetError, attributeAtFault, parseErrorBody } from './target-error.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a request is for, as the audit log shows it: `create-user`, `user "alice"`. */
export interface RequestLabel {
  operation: string;
  subject?: string;
}

/** One HTTP attempt as the audit log sees it; never carries the token or a body. */
export interface AttemptRecord {
  method: HttpMethod;
  path: string;
  status: number;
  attempt: number;
  durationMs: number;
  requestId: string | undefined;
  outcome: 'ok' | 'retry' | 'failed';
  detail?: string;
  label?: RequestLabel;
}

export interface ScimClientOptions {
  /** SCIM base URL without a trailing slash. */
  baseUrl: string;
  token: string;
  concurrency: number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  onAttempt?(record: AttemptRecord): void;
  random?: () => number;
}

export interface ScimResponse<T = unknown> {
  status: number;
  body: T | undefined;
  requestId: string | undefined;
  attempts: number;
}

interface AttemptResult {
  status: number;
  body: unknown;
  requestId: string | undefined;
  retryAfterMs?: number;
  networkError?: unknown;
}

export class ScimClient {
  private readonly limiter: Semaphore;
  private readonly retry: RetryPolicy;
  private readonly baseUrl: string;
  private readonly transport: Transport;
  // A private field keeps the token out of JSON.stringify, util.inspect and error objects.
  readonly #authorization: string;

  private readonly options: Omit<ScimClientOptions, 'token'>;

  constructor({ token, ...options }: ScimClientOptions) {
    this.options = options;
    this.limiter = new Semaphore(options.concurrency);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#authorization = `Bearer ${token}`;
    this.transport = new Transport(this.baseUrl, options.concurrency);
  }

  /** Closes pooled connections (the client still works after, on new ones). */
  close(): void {
    this.transport.close();
  }

  /** Sends one request, retrying transient failures; throws TargetError on a final failure. */
  request<T = unknown>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    label?: RequestLabel,
  ): Promise<ScimResponse<T>> {
    return this.limiter.run(() => this.withRetries<T>(method, path, body, label));
  }

  private async withRetries<T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    label: RequestLabel | undefined,
  ): Promise<ScimResponse<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      const result = await this.attempt(method, path, body);
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const transient = result.networkError !== undefined || isRetryableStatus(result.status);
      const ok = !transient && result.status < 400;
      const last = attempt >= this.retry.maxAttempts;
      const outcome = ok ? 'ok' : transient && !last ? 'retry' : 'failed';
      const detail = ok ? undefined : this.detailOf(result);
      this.options.onAttempt?.({
        method,
        path,
        status: result.status,
        attempt,
        durationMs,
        requestId: result.requestId,
        outcome,
        detail,
        label,
      });
      if (ok)
        return {
          status: result.status,
          body: result.body as T,
          requestId: result.requestId,
          attempts: attempt,
        };
      if (outcome === 'failed') throw this.failure(method, path, body, result, attempt);
      await sleep(backoffDelay(attempt, this.retry, result.retryAfterMs, this.options.random));
    }
  }

  private async attempt(method: HttpMethod, path: string, body: unknown): Promise<AttemptResult> {
    const headers: Record<string, string> = {
      authorization: this.#authorization,
      accept: 'application/scim+json, application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/scim+json';
    try {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const url = `${this.baseUrl}${path}`;
      const timeoutMs = this.options.timeoutMs ?? 30_000;
      const response = await this.transport.send(method, url, headers, text, timeoutMs);
      const parsed = parseBody(response.text);
      return {
        status: response.status,
        body: parsed,
        requestId: requestIdOf(response.headers, parsed),
        retryAfterMs: parseRetryAfter(header(response.headers, 'retry-after') ?? null),
      };
    } catch (error) {
      return { status: 0, body: undefined, requestId: undefined, networkError: error };
    }
  }

  private detailOf(result: AttemptResult): string {
    if (result.networkError !== undefined) return errorText(result.networkError);
    return parseErrorBody(result.body).detail ?? `HTTP ${result.status}`;
  }

  private failure(
    method: HttpMethod,
    path: string,
    body: unknown,
    result: AttemptResult,
    attempts: number,
  ): TargetError {
    const detail = this.detailOf(result);
    const attribute = result.status === 400 ? attributeAtFault(detail, body) : undefined;
    const cause = result.networkError;
    return new TargetError({
      method,
      path,
      status: result.status,
      detail,
      attempts,
      requestId: result.requestId,
      attribute,
      cause,
    });
  }
}

function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function requestIdOf(headers: IncomingHttpHeaders, body: unknown): string | undefined {
  const id = header(headers, 'x-amzn-requestid') ?? header(headers, 'x-request-id');
  return id ?? parseErrorBody(body).exceptionRequestId;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}
