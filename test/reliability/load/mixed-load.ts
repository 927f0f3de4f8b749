// Bounded mixed load with autocannon: each connection cycles 6 reads and 4 writes that leave the
// data as found (create a user, patch it, add it to a group, delete it).
import autocannon, { type AutocannonRequest as Request } from 'autocannon';

import { USER_URN } from '../../../scim/urns.ts';

export interface LoadTarget {
  origin: string;
  tenantId: string;
  token: string;
  userIds: string[];
  groupIds: string[];
}

/** Bounded by a request count (`amount`) or, for the short test run, by `seconds`. */
export interface LoadRun {
  amount?: number;
  seconds?: number;
  connections: number;
  /** Requests per second over all connections; unlimited when absent. */
  rate?: number;
}

export interface LoadSummary {
  requests: number;
  /** Transport errors, timeouts, resets and non-2xx answers. */
  failed: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  seconds: number;
  perSecond: number;
}

const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;

function userBody(n: number): string {
  const name = `load-${process.pid}-${n}`;
  return JSON.stringify({
    schemas: [USER_URN],
    userName: `${name}@example.com`,
    displayName: `Load ${n}`,
    name: { givenName: 'Load', familyName: String(n) },
    emails: [{ value: `${name}@example.com`, type: 'work', primary: true }],
  });
}

let runCounter = 0;

/** The per-connection cycle; `pick` spreads reads over the seeded users and groups. */
function cycle(target: LoadTarget, base: string): Request[] {
  // Counts on from the last run: a run cut mid-cycle leaves its user, whose name must not recur.
  let n = (runCounter += 1_000_000);
  const pick = <T>(items: T[]): T => items[n++ % items.length];
  const created = (context: Record<string, unknown>) => context.userId as string | undefined;
  const withUser =
    (build: (id: string) => Request) => (request: Request, context: Record<string, unknown>) => {
      const id = created(context);
      // No user (its create failed, already counted): autocannon restarts the cycle on undefined.
      return id === undefined ? (undefined as unknown as Request) : { ...request, ...build(id) };
    };
  const patch = (value: unknown) =>
    JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [value],
    });
  return [
    {
      method: 'GET',
      setupRequest: (r) => ({ ...r, path: `${base}/Users/${pick(target.userIds)}` }),
    },
    {
      method: 'GET',
      setupRequest: (r) => ({
        ...r,
        path: `${base}/Users?${q(`userName eq "seed-${n++ % target.userIds.length}@example.com"`)}`,
      }),
    },
    {
      method: 'GET',
      setupRequest: (r) => ({
        ...r,
        path: `${base}/Groups?${q(`members.value eq "${pick(target.userIds)}"`)}`,
      }),
    },
    { method: 'GET', path: `${base}/Users?cursor&count=20` },
    {
      method: 'POST',
      path: `${base}/Users`,
      setupRequest: (r) => ({ ...r, body: userBody(n++) }),
      onResponse: (status, body, context) => {
        context.userId = status === 201 ? (JSON.parse(body) as { id: string }).id : undefined;
      },
    },
    {
      method: 'PATCH',
      setupRequest: withUser((id) => ({
        path: `${base}/Users/${id}`,
        body: patch({ op: 'replace', path: 'displayName', value: `Patched ${n++}` }),
      })),
    },
    {
      method: 'PATCH',
      setupRequest: withUser((id) => ({
        path: `${base}/Groups/${pick(target.groupIds)}`,
        body: patch({ op: 'add', path: 'members', value: [{ value: id }] }),
      })),
    },
    {
      method: 'GET',
      setupRequest: (r) => ({
        ...r,
        path: `${base}/Users?count=10&${q(`groups.value eq "${pick(target.groupIds)}"`)}`,
      }),
    },
    { method: 'DELETE', setupRequest: withUser((id) => ({ path: `${base}/Users/${id}` })) },
    {
      method: 'GET',
      setupRequest: (r) => ({ ...r, path: `${base}/Groups/${pick(target.groupIds)}` }),
    },
  ];
}

export async function runMixedLoad(target: LoadTarget, run: LoadRun): Promise<LoadSummary> {
  const base = `/${encodeURIComponent(target.tenantId)}/scim/v2`;
  const result = await autocannon({
    url: target.origin,
    connections: run.connections,
    ...(run.amount === undefined ? { duration: run.seconds ?? 5 } : { amount: run.amount }),
    ...(run.rate === undefined ? {} : { overallRate: run.rate }),
    timeout: 10,
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/scim+json' },
    requests: cycle(target, base),
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const { p50, p90, p99, max } = result.latency;
  return {
    requests: result.requests.total,
    failed: result.errors + result.timeouts + result.resets + result.non2xx,
    statuses,
    latencyMs: { p50, p90, p99, max },
    seconds: result.duration,
    perSecond: Math.round(result.requests.total / result.duration),
  };
}
