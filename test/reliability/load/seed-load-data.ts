// Seeds a tenant for the load run through the SCIM API: users named seed-N@example.com and
// groups holding a slice of them, so that every read of the load cycle has something to find.
import { USER_URN } from '../../../scim/urns.ts';
import { runPool } from '../raw-http.ts';
import type { LoadTarget } from './mixed-load.ts';

async function post(base: string, token: string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(`seeding ${path} answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

export async function seedLoadData(
  origin: string,
  tenantId: string,
  token: string,
  users: number,
  groups: number,
): Promise<LoadTarget> {
  const base = `${origin}/${encodeURIComponent(tenantId)}/scim/v2`;
  const userIds = await runPool(
    Array.from({ length: users }, (_, i) => i),
    8,
    (i) =>
      post(base, token, '/Users', {
        schemas: [USER_URN],
        userName: `seed-${i}@example.com`,
        displayName: `Seed ${i}`,
        name: { givenName: 'Seed', familyName: String(i) },
        emails: [{ value: `seed-${i}@example.com`, type: 'work', primary: true }],
      }),
  );
  const perGroup = Math.min(100, Math.ceil(users / groups));
  const groupIds = await runPool(
    Array.from({ length: groups }, (_, g) => g),
    8,
    (g) => {
      const members = userIds.slice(g * perGroup, (g + 1) * perGroup).map((value) => ({ value }));
      return post(base, token, '/Groups', { displayName: `Load group ${g}`, members });
    },
  );
  return { origin, tenantId, token, userIds, groupIds };
}
