// Builds the benchmark's data set as a state snapshot: N users, groups of members, and a sample
// of ids and names for the load generator to pick from.
import { randomUUID } from 'node:crypto';

import type { StateSnapshot } from '../../mock-server/context.ts';
import type { GroupSnapshot, TenantSnapshot } from '../../mock-server/store/snapshot.ts';
import type { StoredResource } from '../../mock-server/store/types.ts';

export interface SeedPlan {
  users: number;
  /** Groups of `membersPerGroup` users each, taken in turn from the users. */
  groups: number;
  membersPerGroup: number;
}

export interface SeedSample {
  userIds: string[];
  userNames: string[];
  groupIds: string[];
}

/**
 * How many distinct users the loads read: the same at every size, so that comparing 1,000 users
 * with 100,000 varies only what the store holds, not how many users the loads touch. At 1,000
 * users that is all of them; at 100,000 every 100th, spread over the whole store. (With 2,000
 * at 100k the 100k target also had twice the working set: paired medians of its userName-eq
 * ratio were 0.899 and 0.921 against 0.946 and 0.961 with 1,000, 2026-12-04.)
 */
const SAMPLE_SIZE = 1_000;
const CREATED = '2026-01-01T00:00:00Z';

export function benchUserName(index: number): string {
  return `user${index}@bench.example.com`;
}

/**
 * One seeded user, held as the mock holds a user a client sent: with flat strings, as JSON.parse
 * makes them. Built with template literals alone, each attribute stays a rope (a V8 ConsString
 * of several objects): at 100,000 users that took 1,408 bytes of heap a user against 1,000 flat
 * (2026-12-04), and every index read compared its key by walking the rope.
 */
export function benchUser(index: number): StoredResource {
  const userName = benchUserName(index);
  const user: StoredResource = {
    id: randomUUID(),
    created: CREATED,
    lastModified: CREATED,
    doc: {
      userName,
      externalId: `ext-${index}`,
      name: { givenName: `Given${index}`, familyName: `Family${index}` },
      displayName: `Given${index} Family${index}`,
      active: true,
      emails: [{ value: userName, type: 'work', primary: true }],
    },
  };
  return JSON.parse(JSON.stringify(user)) as StoredResource;
}

function benchGroups(plan: SeedPlan, users: StoredResource[]): GroupSnapshot[] {
  return Array.from({ length: plan.groups }, (_, index) => {
    const first = (index * plan.membersPerGroup) % Math.max(1, users.length);
    const members = users.slice(first, first + plan.membersPerGroup).map((user) => user.id);
    return {
      id: randomUUID(),
      created: CREATED,
      lastModified: CREATED,
      doc: { displayName: `Bench group ${index}`, externalId: `grp-${index}` },
      members,
    };
  });
}

/** Adds the plan's users and groups to the named tenant of an exported snapshot (tokens kept). */
export function seededSnapshot(
  base: StateSnapshot,
  tenantId: string,
  plan: SeedPlan,
): { snapshot: StateSnapshot; sample: SeedSample } {
  const users = Array.from({ length: plan.users }, (_, index) => benchUser(index));
  const groups = benchGroups(plan, users);
  const tenants = (base.tenants as TenantSnapshot[]).map((tenant) =>
    tenant.tenantId === tenantId ? { ...tenant, users, groups } : tenant,
  );
  const step = Math.max(1, Math.floor(users.length / SAMPLE_SIZE));
  const sampled = users.filter((_, index) => index % step === 0).slice(0, SAMPLE_SIZE);
  const sample = {
    userIds: sampled.map((user) => user.id),
    userNames: sampled.map((user) => user.doc.userName as string),
    groupIds: groups.map((group) => group.id),
  };
  return { snapshot: { ...base, tenants }, sample };
}
