// Builds a directory through the configuration side's own functions: an app on a target, users
// in groups, and one policy naming every group, so the whole directory is in scope.
import type Database from 'better-sqlite3';

import { createApp } from '../../../provisioner/apps/store.ts';
import { assign, createGroup } from '../../../provisioner/directory/groups.ts';
import { addUser } from '../../../provisioner/directory/users.ts';
import type { AppConfig } from '../../../provisioner/model.ts';
import { addPolicy } from '../../../provisioner/policies.ts';

export interface DirectorySpec {
  endpoint: string;
  token: string;
  users: number;
  groups: number;
  /** Groups each user belongs to (round robin). */
  groupsPerUser?: number;
  app?: Partial<Pick<AppConfig, 'concurrency' | 'maxDeprovisionShare'>>;
  appName?: string;
}

export function userName(i: number): string {
  return `user${String(i).padStart(5, '0')}@example.com`;
}

export function seedDirectory(db: Database.Database, spec: DirectorySpec): AppConfig {
  const name = spec.appName ?? 'app1';
  const app = createApp(db, {
    name,
    preset: 'aws',
    endpoint: spec.endpoint,
    token: spec.token,
    maxDeprovisionShare: 1,
    ...spec.app,
  });
  db.transaction(() => {
    const groupNames = Array.from(
      { length: spec.groups },
      (_, j) => `Group ${String(j).padStart(3, '0')}`,
    );
    for (const group of groupNames) createGroup(db, group);
    const members = new Map<string, string[]>(groupNames.map((g) => [g, []]));
    for (let i = 0; i < spec.users; i += 1) {
      const user = addUser(db, {
        userName: userName(i),
        firstName: 'User',
        lastName: `Number${i}`,
        email: userName(i),
      });
      for (let k = 0; k < (spec.groupsPerUser ?? 1) && groupNames.length > 0; k += 1) {
        members.get(groupNames[(i + k) % groupNames.length])!.push(user.userName);
      }
    }
    for (const [group, userNames] of members)
      if (userNames.length > 0) assign(db, group, userNames);
    if (groupNames.length > 0)
      addPolicy(db, { name: `${name}-all`, app: name, groups: groupNames });
  })();
  return app;
}
