// Test helpers: a mock on 127.0.0.1 port 0 with a known tenant and token, a small SCIM client
// over fetch, and valid user bodies to vary.
import { randomUUID } from 'node:crypto';

import { startMockServer, type MockOptions, type RunningMock } from '../../mock-server/server.ts';
import { USER_URN } from '../../scim/urns.ts';

export const TOKEN = 'test-token';

export async function startTestMock(options: MockOptions = {}): Promise<RunningMock> {
  return startMockServer({ logLevel: 'silent', tenantId: 't1', token: TOKEN, ...options });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by chai
  body: any;
}

export class ScimTestClient {
  constructor(
    private readonly base: string,
    /** null sends no Authorization header. */
    private readonly token: string | null = TOKEN,
  ) {}

  static of(mock: RunningMock, token?: string): ScimTestClient {
    return new ScimTestClient(mock.scimBaseUrl(), token ?? TOKEN);
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const sent: Record<string, string> = {};
    if (this.token !== null) sent.authorization = `Bearer ${this.token}`;
    if (body !== undefined) sent['content-type'] = 'application/scim+json';
    const payload = typeof body === 'string' || body === undefined ? body : JSON.stringify(body);
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...sent, ...headers },
      body: payload,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: parse(text) };
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, body: unknown) => this.call('POST', path, body);
  put = (path: string, body: unknown) => this.call('PUT', path, body);
  patch = (path: string, body: unknown) => this.call('PATCH', path, body);
  delete = (path: string) => this.call('DELETE', path);

  /** Creates a user and returns its id; fails loudly when the mock refuses. */
  async createUser(name: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const answer = await this.post('/Users', userBody(name, overrides));
    if (answer.status !== 201) throw new Error(`create ${name}: ${answer.status} ${answer.text}`);
    return answer.body.id as string;
  }

  async createGroup(displayName: string, members: string[] = []): Promise<string> {
    const body = { displayName, members: members.map((value) => ({ value })) };
    const answer = await this.post('/Groups', body);
    if (answer.status !== 201) throw new Error(`group ${displayName}: ${answer.text}`);
    return answer.body.id as string;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Answer.body
function parse(text: string): any {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A user AWS accepts: the required attributes and one primary email. */
export function userBody(name: string, overrides: Record<string, unknown> = {}) {
  return {
    schemas: [USER_URN],
    userName: `${name}@example.com`,
    displayName: `User ${name}`,
    name: { givenName: 'Given', familyName: name },
    emails: [{ value: `${name}@example.com`, type: 'work', primary: true }],
    ...overrides,
  };
}

/** Puts `count` users straight into the store: setup for list tests that need many. */
export function seedUsers(mock: RunningMock, count: number, prefix = 'seed'): string[] {
  const data = mock.context.store.tenant(mock.tenantId);
  const at = '2026-01-01T00:00:00Z';
  return Array.from({ length: count }, (_, index) => {
    const { schemas: _schemas, ...doc } = userBody(`${prefix}${index}`, { active: true });
    const id = randomUUID();
    data.users.insert({ id, created: at, lastModified: at, doc });
    return id;
  });
}

export const filterQuery = (filter: string) => `filter=${encodeURIComponent(filter)}`;
