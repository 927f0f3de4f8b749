// A mock on loopback with two tenants holding users, groups and memberships, and the Target the
// generators aim at: the first tenant under test, the second one to leak into.
import { Writable } from 'node:stream';

import { pino, type Logger } from 'pino';

import { startMockServer, type RunningMock } from '../../mock-server/server.ts';
import { USER_URN } from '../../scim/urns.ts';
import type { Target } from './generators/index.ts';

export const TOKEN = 'rel-token-A-3f9c2e7d';
export const OTHER_TOKEN = 'rel-token-B-8a41b6c0';

/** A pino logger writing into an array, so tests can read every line the mock logged. */
export function capturedLogger(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

export async function scim(
  mock: RunningMock,
  tenantId: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${mock.scimBaseUrl(tenantId)}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by chai
  const parsed: any = text === '' ? undefined : JSON.parse(text);
  return { status: response.status, body: parsed, headers: response.headers };
}

export function userBody(name: string): Record<string, unknown> {
  return {
    schemas: [USER_URN],
    userName: `${name}@example.com`,
    displayName: `User ${name}`,
    name: { givenName: 'Given', familyName: name },
    emails: [{ value: `${name}@example.com`, type: 'work', primary: true }],
  };
}

async function created(
  answer: Promise<{ status: number; body: { id?: string } }>,
): Promise<string> {
  const { status, body } = await answer;
  if (status !== 201 || typeof body?.id !== 'string')
    throw new Error(`seed create answered ${status}`);
  return body.id;
}

/** Users u0..u(n-1) and groups g0..g2 in a tenant; g0 holds every user, g1 the first two. */
export async function seedTenant(
  mock: RunningMock,
  tenantId: string,
  token: string,
  prefix: string,
  users = 5,
) {
  const userIds: string[] = [];
  for (let i = 0; i < users; i++)
    userIds.push(
      await created(scim(mock, tenantId, token, 'POST', '/Users', userBody(`${prefix}-u${i}`))),
    );
  const groupIds: string[] = [];
  const members = [userIds, userIds.slice(0, 2), []];
  for (const [i, ids] of members.entries()) {
    const body = { displayName: `${prefix} group ${i}`, members: ids.map((value) => ({ value })) };
    groupIds.push(await created(scim(mock, tenantId, token, 'POST', '/Groups', body)));
  }
  return { userIds, groupIds };
}

async function nextCursor(
  mock: RunningMock,
  tenantId: string,
  token: string,
  path: string,
): Promise<string> {
  const { status, body } = await scim(mock, tenantId, token, 'GET', path);
  if (status !== 200 || typeof body.nextCursor !== 'string')
    throw new Error(`no cursor from ${path}`);
  return body.nextCursor as string;
}

export interface TwoTenants {
  mock: RunningMock;
  target: Target;
}

export async function startTwoTenants(logger?: Logger): Promise<TwoTenants> {
  const mock = await startMockServer({
    tenantId: 'tenant-a',
    token: TOKEN,
    logLevel: 'silent',
    ...(logger ? { logger } : {}),
  });
  const otherTenantId = await mock.admin.createTenant('tenant-b');
  await mock.admin.issueToken(otherTenantId, OTHER_TOKEN);
  const own = await seedTenant(mock, mock.tenantId, TOKEN, 'a');
  const other = await seedTenant(mock, otherTenantId, OTHER_TOKEN, 'b');
  const filter = encodeURIComponent(`groups.value eq "${own.groupIds[0]}"`);
  const cursors = {
    users: await nextCursor(mock, mock.tenantId, TOKEN, '/Users?cursor&count=1'),
    groups: await nextCursor(mock, mock.tenantId, TOKEN, '/Groups?cursor&count=1'),
    otherUsers: await nextCursor(mock, otherTenantId, OTHER_TOKEN, '/Users?cursor&count=1'),
    filteredUsers: await nextCursor(
      mock,
      mock.tenantId,
      TOKEN,
      `/Users?cursor&count=1&filter=${filter}`,
    ),
  };
  const target: Target = {
    tenantId: mock.tenantId,
    token: TOKEN,
    otherTenantId,
    otherToken: OTHER_TOKEN,
    adminToken: mock.adminToken,
    userIds: own.userIds,
    groupIds: own.groupIds,
    otherUserIds: other.userIds,
    otherGroupIds: other.groupIds,
    cursors,
  };
  return { mock, target };
}
