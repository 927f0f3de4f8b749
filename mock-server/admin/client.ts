// Typed client for the mock's admin API (router.ts). Tests and the provisioner suite use it to
// seed state, inject faults and read back exactly what a SCIM client sent.
import { HarnessError } from '../../scim/errors.ts';
import type {
  FaultSettings,
  JournalEntry,
  JournalQuery,
  StateSnapshot,
  TokenRecord,
} from '../context.ts';

export const ADMIN_BASE_PATH = '/_admin/v1';

/** A non-2xx answer from the admin API; `body` is the parsed answer (never holds the token). */
export class AdminRequestError extends HarnessError {
  override readonly name = 'AdminRequestError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`admin ${method} ${path} answered ${status}: ${describe(body)}`, 'ADMIN_REQUEST_FAILED');
  }
}

export interface IssuedToken {
  id: string;
  /** The secret, shown only in this answer. */
  token: string;
  expiresAt: string;
}

export class AdminClient {
  private readonly base: string;

  constructor(
    origin: string,
    private readonly adminToken: string,
  ) {
    this.base = `${origin.replace(/\/+$/, '')}${ADMIN_BASE_PATH}`;
  }

  reset = (): Promise<void> => this.call('POST', '/reset');
  exportState = (): Promise<StateSnapshot> => this.call('GET', '/state');
  importState = (snapshot: StateSnapshot): Promise<void> => this.call('PUT', '/state', snapshot);

  async journal(query: JournalQuery = {}): Promise<JournalEntry[]> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    const answer = await this.call<{ entries: JournalEntry[] }>('GET', `/journal${search}`);
    return answer.entries;
  }

  clearJournal = (): Promise<void> => this.call('DELETE', '/journal');
  getFaults = (): Promise<FaultSettings> => this.call('GET', '/faults');
  /** Replaces the fault settings: rules and rate limit left out are switched off. */
  setFaults = (settings: Partial<FaultSettings>): Promise<FaultSettings> =>
    this.call('PUT', '/faults', settings);
  clearFaults = (): Promise<void> => this.call('DELETE', '/faults');

  async listTenants(): Promise<string[]> {
    return (await this.call<{ tenants: string[] }>('GET', '/tenants')).tenants;
  }

  async createTenant(tenantId?: string): Promise<string> {
    const body = tenantId === undefined ? {} : { tenantId };
    return (await this.call<{ tenantId: string }>('POST', '/tenants', body)).tenantId;
  }

  deleteTenant = (tenantId: string): Promise<void> =>
    this.call('DELETE', `/tenants/${encodeURIComponent(tenantId)}`);

  async listTokens(tenantId: string): Promise<TokenRecord[]> {
    const path = `${tenantPath(tenantId)}/tokens`;
    return (await this.call<{ tokens: TokenRecord[] }>('GET', path)).tokens;
  }

  /** Issues a token (the given secret or a generated one); 409 when two live tokens exist. */
  issueToken = (tenantId: string, token?: string): Promise<IssuedToken> =>
    this.call('POST', `${tenantPath(tenantId)}/tokens`, token === undefined ? {} : { token });

  revokeToken = (tenantId: string, tokenId: string): Promise<void> =>
    this.call('DELETE', `${tenantPath(tenantId)}/tokens/${encodeURIComponent(tokenId)}`);

  expireToken = (tenantId: string, tokenId: string): Promise<void> =>
    this.call('POST', `${tenantPath(tenantId)}/tokens/${encodeURIComponent(tokenId)}/expire`);

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.adminToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = parseAnswer(text);
    if (!response.ok) throw new AdminRequestError(method, path, response.status, parsed);
    return parsed as T;
  }
}

function tenantPath(tenantId: string): string {
  return `/tenants/${encodeURIComponent(tenantId)}`;
}

function parseAnswer(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(body: unknown): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string') return message;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text === undefined ? '(no body)' : text.slice(0, 300);
}
