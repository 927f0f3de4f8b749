// The loads the mock benchmark drives: reads by id and by userName, user create and patch, and a
// group PATCH adding 100 members, each built from the seeded sample.
import { PATCH_OP_URN } from '../../scim/urns.ts';
import type { LoadSpec } from './load.ts';
import type { Target } from './target-process.ts';

export type ScenarioName =
  'get-user-by-id' | 'list-username-eq' | 'post-user' | 'patch-user' | 'patch-group-add-100';

const MEMBERS_PER_PATCH = 100;

function scimPath(target: Target, path: string): string {
  return `/${target.tenantId}/scim/v2${path}`;
}

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length];
}

function patchBody(operations: unknown[]): string {
  return JSON.stringify({ schemas: [PATCH_OP_URN], Operations: operations });
}

/** `runId` keeps userNames of created users unique across rounds against one target. */
export function scenarioSpec(name: ScenarioName, target: Target, runId: string): LoadSpec {
  const { userIds, userNames, groupIds } = target.sample;
  const headers = {
    authorization: `Bearer ${target.token}`,
    'content-type': 'application/scim+json',
  };
  const specs: Record<ScenarioName, LoadSpec['next']> = {
    'get-user-by-id': (n) => ({
      method: 'GET',
      path: scimPath(target, `/Users/${pick(userIds, n)}`),
    }),
    'list-username-eq': (n) => ({
      method: 'GET',
      path: scimPath(
        target,
        `/Users?filter=${encodeURIComponent(`userName eq "${pick(userNames, n)}"`)}`,
      ),
    }),
    'post-user': (n) => {
      const userName = `new-${runId}-${n}@bench.example.com`;
      const body = {
        userName,
        displayName: `New ${n}`,
        name: { givenName: 'New', familyName: `User${n}` },
        emails: [{ value: userName, type: 'work', primary: true }],
      };
      return { method: 'POST', path: scimPath(target, '/Users'), body: JSON.stringify(body) };
    },
    'patch-user': (n) => ({
      method: 'PATCH',
      path: scimPath(target, `/Users/${pick(userIds, n)}`),
      body: patchBody([{ op: 'replace', path: 'displayName', value: `Renamed ${runId} ${n}` }]),
    }),
    'patch-group-add-100': (n) => {
      const start = (n * MEMBERS_PER_PATCH) % Math.max(1, userIds.length - MEMBERS_PER_PATCH);
      const value = userIds.slice(start, start + MEMBERS_PER_PATCH).map((id) => ({ value: id }));
      return {
        method: 'PATCH',
        path: scimPath(target, `/Groups/${pick(groupIds, n)}`),
        body: patchBody([{ op: 'add', path: 'members', value }]),
      };
    },
  };
  return { url: target.origin, headers, next: specs[name] };
}
