// checkConsistency(): reads the store read-only and lists where data and indexes disagree (order,
// key indexes, both membership sides); an empty list means consistent.
import type { MockStore } from '../../mock-server/context.ts';
import type { KeyIndex } from '../../mock-server/store/key-index.ts';
import type { Memberships } from '../../mock-server/store/memberships.ts';
import type { OrderedIds } from '../../mock-server/store/ordered-ids.ts';
import type { IndexSpec, ResourceTable } from '../../mock-server/store/resource-table.ts';
import type { StoredResource } from '../../mock-server/store/types.ts';

/** The private fields this check reads; TypeScript allows bracket access to them. */
interface TableView {
  byId: Map<string, StoredResource>;
  order: OrderedIds;
  indexes: Map<string, { spec: IndexSpec<string>; index: KeyIndex }>;
}
interface MembershipView {
  membersByGroup: Map<string, OrderedIds>;
  groupsByUser: Map<string, OrderedIds>;
}

const view = <T>(value: object): T => value as unknown as T;

/** Through OrderedIds' public API: size, values, positions and pages must all agree. */
function checkOrder(order: OrderedIds, where: string): string[] {
  const ids = [...order.values()];
  const problems: string[] = [];
  if (ids.length !== order.size)
    problems.push(`${where}: ${ids.length} ids listed, size ${order.size}`);
  let previous = 0;
  for (const id of ids) {
    const position = order.positionOf(id);
    if (!order.has(id) || position === undefined) problems.push(`${where}: ${id} has no position`);
    else if (position <= previous) problems.push(`${where}: position of ${id} is not rising`);
    previous = position ?? previous;
  }
  const paged = order.page(0, ids.length + 1);
  if (paged.more || paged.ids.join() !== ids.join())
    problems.push(`${where}: a page disagrees with the order`);
  return problems;
}

/** The key → holders entries of a KeyIndex, whatever shape (one holder or a Set) it keeps. */
function indexEntries(index: KeyIndex): [string, StoredResource[]][] {
  const map = Object.values(index).find((value) => value instanceof Map) as Map<string, unknown>;
  const holdersOf = (holders: unknown): StoredResource[] =>
    holders instanceof Set ? [...(holders as Set<StoredResource>)] : [holders as StoredResource];
  return [...map].map(([key, holders]) => [key, holdersOf(holders)]);
}

function checkKeyIndex(table: TableView, name: string, where: string): string[] {
  const entry = table.indexes.get(name)!;
  const caseInsensitive = view<{ caseInsensitive: boolean }>(entry.index).caseInsensitive;
  const fold = (key: string) => (caseInsensitive ? key.toLowerCase() : key);
  const problems: string[] = [];
  let indexed = 0;
  for (const [key, holders] of indexEntries(entry.index)) {
    if (holders.length === 0) problems.push(`${where}.${name}: empty entry for '${key}'`);
    for (const holder of holders) {
      indexed += 1;
      const stored = table.byId.get(holder.id);
      // The index must hold the stored resource itself: a filter answers with what it holds.
      if (stored !== holder)
        problems.push(`${where}.${name}: '${key}' → ${holder.id}, not the stored resource`);
      const docKey = stored && entry.spec.key(stored.doc);
      if (docKey === undefined || fold(docKey) !== key)
        problems.push(`${where}.${name}: '${key}' → ${holder.id}, which does not hold it`);
    }
  }
  const expected = [...table.byId.values()].filter(
    (resource) => entry.spec.key(resource.doc) !== undefined,
  ).length;
  if (indexed !== expected)
    problems.push(`${where}.${name}: ${indexed} entries for ${expected} keyed documents`);
  return problems;
}

function checkTable(table: ResourceTable<string>, where: string): string[] {
  const internals = view<TableView>(table);
  const problems = checkOrder(internals.order, `${where} order`);
  const ordered = [...internals.order.values()];
  if (ordered.length !== internals.byId.size)
    problems.push(`${where}: ${ordered.length} in order, ${internals.byId.size} documents`);
  for (const id of ordered) {
    const resource = internals.byId.get(id);
    if (!resource) problems.push(`${where}: ordered id ${id} has no document`);
    else if (resource.id !== id)
      problems.push(`${where}: document under ${id} says ${resource.id}`);
  }
  for (const name of internals.indexes.keys())
    problems.push(...checkKeyIndex(internals, name, where));
  return problems;
}

function checkSide(
  from: Map<string, OrderedIds>,
  to: Map<string, OrderedIds>,
  fromTable: ResourceTable<string>,
  toTable: ResourceTable<string>,
  where: string,
): string[] {
  const problems: string[] = [];
  for (const [key, ids] of from) {
    problems.push(...checkOrder(ids, `${where}[${key}]`));
    if (ids.size === 0) problems.push(`${where}: empty set left for ${key}`);
    if (!fromTable.get(key)) problems.push(`${where}: ${key} does not exist`);
    for (const id of ids.values()) {
      if (!toTable.get(id)) problems.push(`${where}: ${key} → ${id}, which does not exist`);
      if (!to.get(id)?.has(key)) problems.push(`${where}: ${key} → ${id} has no reverse entry`);
    }
  }
  return problems;
}

function checkMemberships(
  memberships: Memberships,
  users: ResourceTable<string>,
  groups: ResourceTable<string>,
  where: string,
): string[] {
  const { membersByGroup, groupsByUser } = view<MembershipView>(memberships);
  return [
    ...checkSide(membersByGroup, groupsByUser, groups, users, `${where} membersByGroup`),
    ...checkSide(groupsByUser, membersByGroup, users, groups, `${where} groupsByUser`),
  ];
}

/** Every disagreement in every tenant of the store; an empty list means consistent. */
export function checkConsistency(store: MockStore, tenantIds: readonly string[]): string[] {
  return tenantIds.flatMap((tenantId) => {
    const data = store.tenant(tenantId);
    const users = data.users as ResourceTable<string>;
    const groups = data.groups as ResourceTable<string>;
    return [
      ...checkTable(users, `${tenantId} users`),
      ...checkTable(groups, `${tenantId} groups`),
      ...checkMemberships(data.memberships, users, groups, tenantId),
    ];
  });
}
