// The benchmark's yardstick: a bare Express 5 app that answers `userName eq` from a Map behind
// the same bearer check as the mock (the tenant registry's), with the same ListResponse shape.
import express from 'express';
import type { Express } from 'express';

import type { TenantRegistry } from '../../mock-server/context.ts';
import type { StoredResource } from '../../mock-server/store/types.ts';
import { LIST_RESPONSE_URN, USER_URN } from '../../scim/urns.ts';

const USER_NAME_EQ = /^userName eq "([^"]*)"$/;

export function baselineApp(registry: TenantRegistry, users: StoredResource[]): Express {
  const byUserName = new Map(users.map((user) => [String(user.doc.userName).toLowerCase(), user]));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.get('/:tenantId/scim/v2/Users', (req, res) => {
    const auth = registry.authenticate(req.params.tenantId, req.headers.authorization);
    if (!auth.ok) {
      res.status(401).json({ status: '401' });
      return;
    }
    const match = USER_NAME_EQ.exec(typeof req.query.filter === 'string' ? req.query.filter : '');
    const user = match ? byUserName.get(match[1].toLowerCase()) : undefined;
    const resources = user ? [render(user)] : [];
    res.type('application/json').send(
      JSON.stringify({
        totalResults: resources.length,
        itemsPerPage: resources.length,
        startIndex: 1,
        schemas: [LIST_RESPONSE_URN],
        Resources: resources,
      }),
    );
  });
  return app;
}

function render(user: StoredResource): Record<string, unknown> {
  return {
    id: user.id,
    meta: { resourceType: 'User', created: user.created, lastModified: user.lastModified },
    schemas: [USER_URN],
    ...user.doc,
  };
}
