// Admin routes for tenants and their bearer tokens. Token records are listed, never secrets; a
// secret is shown once, in the answer that issues it.
import express from 'express';
import type { Request, Response, Router } from 'express';

import { ConfigError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';
import { sendAdminError } from './admin-errors.ts';

/** Path-safe ids, so a tenant id never needs escaping in `/{tenantId}/scim/v2`. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** Bearer token68 characters plus `:` (AWS tokens are colon-separated); no whitespace. */
const TOKEN = /^[A-Za-z0-9\-._~+/:=]{16,2048}$/;

export function tenantRoutes(ctx: MockContext): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.json({ tenants: ctx.tenants.listTenants() });
  });
  router.post('/', (req, res) => createTenant(ctx, req, res));
  router.delete('/:id', (req, res) => {
    if (!ctx.tenants.deleteTenant(req.params.id)) return unknownTenant(res, req.params.id);
    res.status(204).end();
  });
  router.get('/:id/tokens', (req, res) => {
    if (!ctx.tenants.hasTenant(req.params.id)) return unknownTenant(res, req.params.id);
    res.json({ tokens: ctx.tenants.listTokens(req.params.id) });
  });
  router.post('/:id/tokens', (req, res) => issueToken(ctx, req, res));
  router.delete('/:id/tokens/:tokenId', (req, res) => {
    const done = ctx.tenants.revokeToken(req.params.id, req.params.tokenId);
    answerTokenChange(res, done, req.params.id, req.params.tokenId);
  });
  router.post('/:id/tokens/:tokenId/expire', (req, res) => {
    const done = ctx.tenants.expireToken(req.params.id, req.params.tokenId);
    answerTokenChange(res, done, req.params.id, req.params.tokenId);
  });
  return router;
}

function createTenant(ctx: MockContext, req: Request, res: Response): void {
  const { tenantId } = (req.body ?? {}) as { tenantId?: unknown };
  if (tenantId !== undefined && (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId))) {
    throw new ConfigError(
      `'tenantId' must be 1-128 letters, digits, '_' or '-', starting with a letter or digit`,
    );
  }
  if (tenantId !== undefined && ctx.tenants.hasTenant(tenantId)) {
    sendAdminError(res, 409, 'TENANT_EXISTS', `tenant ${tenantId} already exists`);
    return;
  }
  res.status(201).json({ tenantId: ctx.tenants.createTenant(tenantId) });
}

/**
 * AWS-AUTH-TOKEN-LIMIT: the registry refuses a third live token; the error handler answers 409
 * (a conflict with the tenant's state, like the console's "delete one first"), not 400.
 */
function issueToken(ctx: MockContext, req: Request<{ id: string }>, res: Response): void {
  const tenantId = req.params.id;
  if (!ctx.tenants.hasTenant(tenantId)) return unknownTenant(res, tenantId);
  const { token } = (req.body ?? {}) as { token?: unknown };
  if (token !== undefined && (typeof token !== 'string' || !TOKEN.test(token))) {
    throw new ConfigError(`'token' must be 16-2048 token characters (letters, digits, -._~+/:=)`);
  }
  if (token === ctx.adminToken) {
    throw new ConfigError(`'token' must differ from the admin token`);
  }
  const { record, secret } = ctx.tenants.issueToken(tenantId, token);
  res.status(201).json({ id: record.id, token: secret, expiresAt: record.expiresAt });
}

function answerTokenChange(res: Response, done: boolean, tenantId: string, tokenId: string): void {
  if (done) {
    res.status(204).end();
    return;
  }
  sendAdminError(res, 404, 'TOKEN_NOT_FOUND', `no token ${tokenId} in tenant ${tenantId}`);
}

function unknownTenant(res: Response, tenantId: string): void {
  sendAdminError(res, 404, 'TENANT_NOT_FOUND', `no tenant ${tenantId}`);
}
