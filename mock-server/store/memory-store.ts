// The in-memory MockStore: one TenantData per tenant of the registry, plus snapshot export and
// import that carry the registry's tenants and hashed tokens along with the SCIM data.
import { ConfigError } from '../../scim/errors.ts';
import type { Clock, MockStore, StateSnapshot } from '../context.ts';
import type { MemoryTenantRegistry } from '../tenants.ts';
import { parseSnapshot, type TenantSnapshot } from './snapshot.ts';
import { TenantData } from './tenant-data.ts';

export class MemoryStore implements MockStore {
  private readonly data = new Map<string, TenantData>();

  constructor(
    private readonly registry: MemoryTenantRegistry,
    private readonly clock: Clock,
  ) {
    registry.onTenantDeleted((tenantId) => this.data.delete(tenantId));
  }

  /** The data of a tenant the registry knows; created on first use. */
  tenant(tenantId: string): TenantData {
    let data = this.data.get(tenantId);
    if (!data) {
      if (!this.registry.hasTenant(tenantId)) {
        throw new Error(`[scim-harness] store: unknown tenant '${tenantId}'`);
      }
      data = new TenantData(tenantId);
      this.data.set(tenantId, data);
    }
    return data;
  }

  /** Drops every user, group and membership; tenants and tokens stay. */
  reset(): void {
    for (const data of this.data.values()) data.clear();
  }

  exportSnapshot(): StateSnapshot {
    const tenants = this.registry.listTenants().map((tenantId) => this.exportTenant(tenantId));
    return { version: 1, savedAt: this.clock.now().toISOString(), tenants };
  }

  /** Replaces all tenants, tokens and data with the snapshot's; a bad snapshot changes nothing. */
  importSnapshot(snapshot: StateSnapshot): void {
    const tenants = parseSnapshot(snapshot);
    const previous = parseSnapshot(this.exportSnapshot());
    try {
      this.replaceAll(tenants);
    } catch (error) {
      this.replaceAll(previous);
      throw error;
    }
  }

  private replaceAll(tenants: readonly TenantSnapshot[]): void {
    this.registry.clear();
    this.data.clear();
    for (const tenant of tenants) this.importTenant(tenant);
  }

  private exportTenant(tenantId: string): TenantSnapshot {
    const data = this.tenant(tenantId);
    return {
      tenantId,
      tokens: this.registry.exportTokens(tenantId),
      users: data.users.values(),
      groups: data.groups.values().map((group) => ({
        ...group,
        members: [...data.memberships.membersOf(group.id).values()],
      })),
    };
  }

  private importTenant(tenant: TenantSnapshot): void {
    this.registry.restoreTenant(tenant.tenantId, tenant.tokens);
    const data = this.tenant(tenant.tenantId);
    for (const user of tenant.users) {
      if (data.users.get(user.id)) throw new ConfigError(`state snapshot repeats user ${user.id}`);
      data.users.insert(user);
    }
    for (const { members, ...group } of tenant.groups) {
      if (data.groups.get(group.id)) {
        throw new ConfigError(`state snapshot repeats group ${group.id}`);
      }
      data.groups.insert(group);
      for (const userId of members) {
        if (data.users.get(userId)) data.memberships.add(group.id, userId);
      }
    }
  }
}
