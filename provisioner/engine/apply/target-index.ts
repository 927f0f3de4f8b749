// Finds users and groups already on the target before creating them (match by externalId, then
// userName; groups by displayName). Many creates: one paged read of the whole target; a few:
// one filtered lookup each. Either way a duplicate is never created.
import { findOne, listAll, quote } from '../../client/list-all.ts';
import type { ScimResource } from '../../client/list-all.ts';
import type { ScimClient } from '../../client/scim-client.ts';

/** Above this many creates, reading the whole target costs fewer requests than lookups. */
export const BULK_MATCH_THRESHOLD = 50;

export class TargetIndex {
  private users: Map<string, ScimResource> | undefined;
  private groups: Map<string, ScimResource> | undefined;

  constructor(private readonly client: ScimClient) {}

  async preloadUsers(): Promise<void> {
    const { resources, complete } = await listAll(this.client, 'Users');
    if (!complete) return; // a capped list cannot prove absence; fall back to lookups
    this.users = new Map();
    for (const user of resources) {
      if (typeof user.externalId === 'string') this.users.set(`e:${user.externalId}`, user);
      if (typeof user.userName === 'string')
        this.users.set(`u:${user.userName.toLowerCase()}`, user);
    }
  }

  async preloadGroups(): Promise<void> {
    const { resources, complete } = await listAll(this.client, 'Groups');
    if (!complete) return;
    this.groups = new Map();
    for (const group of resources) {
      if (typeof group.displayName === 'string')
        this.groups.set(group.displayName.toLowerCase(), group);
    }
  }

  /** After a 409 the preloaded view is stale by definition: always ask the target. */
  async findUser(
    userName: string,
    externalId: unknown,
    fresh = false,
  ): Promise<ScimResource | undefined> {
    const ext = typeof externalId === 'string' && externalId !== '' ? externalId : undefined;
    if (this.users && !fresh) {
      return (ext && this.users.get(`e:${ext}`)) || this.users.get(`u:${userName.toLowerCase()}`);
    }
    const label = { operation: 'match-user', subject: `user "${userName}"` };
    const byExternal = ext
      ? await findOne(this.client, 'Users', `externalId eq ${quote(ext)}`, label)
      : undefined;
    return byExternal ?? findOne(this.client, 'Users', `userName eq ${quote(userName)}`, label);
  }

  async findGroup(displayName: string, fresh = false): Promise<ScimResource | undefined> {
    if (this.groups && !fresh) return this.groups.get(displayName.toLowerCase());
    const label = { operation: 'match-group', subject: `group "${displayName}"` };
    return findOne(this.client, 'Groups', `displayName eq ${quote(displayName)}`, label);
  }
}
