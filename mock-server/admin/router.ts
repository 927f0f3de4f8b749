// The mock's admin API, mounted by the core at `/_admin/v1`: state, journal, faults, tenants and
// tokens. Tests and the provisioner suite drive it through AdminClient (client.ts).
import express from 'express';
import type { Request, Response, Router } from 'express';

import { ConfigError } from '../../scim/errors.ts';
import type { MockContext, StateSnapshot } from '../context.ts';
import { adminAuth } from './admin-auth.ts';
import type { AdminAccessOptions } from './admin-auth.ts';
import { adminErrorHandler, sendAdminError } from './admin-errors.ts';
import { validateFaultSettings } from './fault-settings.ts';
import { parseJournalQuery } from './journal-query.ts';
import { tenantRoutes } from './tenant-routes.ts';

export type AdminRouterOptions = AdminAccessOptions;

/** A 100,000-user snapshot is tens of megabytes; every other admin body is small. */
const STATE_BODY_LIMIT = '512mb';
const BODY_LIMIT = '1mb';

export function adminRouter(ctx: MockContext, options: AdminRouterOptions = {}): Router {
  const router = express.Router();
  router.use(adminAuth(ctx, options));
  router.put('/state', express.json({ limit: STATE_BODY_LIMIT }));
  router.use(express.json({ limit: BODY_LIMIT }));

  router.post('/reset', (_req, res) => {
    ctx.store.reset();
    res.status(204).end();
  });
  router.get('/state', (_req, res) => {
    res.json(ctx.store.exportSnapshot());
  });
  router.put('/state', (req, res) => importState(ctx, req, res));

  router.get('/journal', (req, res) => {
    res.json({
      entries: ctx.journal.query(parseJournalQuery(req.query)),
    });
  });
  router.delete('/journal', (_req, res) => {
    ctx.journal.clear();
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json(ctx.faults.settings());
  });
  // PUT replaces: rules and rate limit left out are switched off; a seed left out is kept.
  router.put('/faults', (req, res) => {
    const settings = validateFaultSettings(jsonBody(req));
    res.json(ctx.faults.configure({ rules: [], rateLimit: null, ...settings }));
  });
  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.status(204).end();
  });

  router.use('/tenants', tenantRoutes(ctx));
  router.use((req, res) => {
    sendAdminError(res, 404, 'ADMIN_NOT_FOUND', `no admin endpoint ${req.method} ${req.path}`);
  });
  router.use(adminErrorHandler(ctx));
  return router;
}

function jsonBody(req: Request): unknown {
  if (req.body === undefined) {
    throw new ConfigError('send a JSON body with Content-Type: application/json');
  }
  return req.body;
}

/** The store imports all or nothing and throws ConfigError on bad content: a 400. */
function importState(ctx: MockContext, req: Request, res: Response): void {
  ctx.store.importSnapshot(validateSnapshot(jsonBody(req)));
  res.status(204).end();
}

function validateSnapshot(input: unknown): StateSnapshot {
  const snapshot = input as Partial<StateSnapshot> | null;
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) {
    throw new ConfigError('state must be a JSON object as GET /state returns it');
  }
  if (snapshot.version !== 1) {
    throw new ConfigError(`state 'version' must be 1, got ${JSON.stringify(snapshot.version)}`);
  }
  if (typeof snapshot.savedAt !== 'string' || !Array.isArray(snapshot.tenants)) {
    throw new ConfigError("state needs 'savedAt' (a string) and 'tenants' (an array)");
  }
  return snapshot as StateSnapshot;
}
