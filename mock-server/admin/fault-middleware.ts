// Express middleware that applies the fault rules to SCIM requests (never to `/_admin`), and the
// gate the SCIM router calls for the per-tenant rate limit once a token is accepted. Both run
// after journal capture, which records the fault they leave in `res.locals`.
import type { Request, RequestHandler, Response } from 'express';

import { AWS_DETAIL, HarnessError, renderAwsError } from '../../scim/errors.ts';
import type { FaultRule, MockContext } from '../context.ts';
import { keepBodyThen } from '../http/pipeline/body.ts';
import { sendJson } from '../http/respond.ts';
import type { TenantGate } from '../http/scim-router.ts';
import { SeededFaultInjector } from './faults.ts';
import type { FaultDecision } from './faults.ts';
import { requestIdOf } from './request-id.ts';
import { parseScimPath, pathOf } from './scim-path.ts';

const RATE_LIMIT_FAULT = 'rate-limit';

function injectorOf(ctx: MockContext): SeededFaultInjector {
  if (ctx.faults instanceof SeededFaultInjector) return ctx.faults;
  throw new HarnessError(
    'fault injection needs ctx.faults to be a SeededFaultInjector (mock-server/admin/faults.ts)',
    'CONFIG_ERROR',
  );
}

export function faultMiddleware(ctx: MockContext): RequestHandler {
  const injector = injectorOf(ctx);
  return (req, res, next) => {
    // Fault rules are off in most runs; then a request pays nothing here, not even a path parse.
    if (!injector.hasRules) {
      next();
      return;
    }
    const scim = parseScimPath(pathOf(req.originalUrl));
    if (!scim) {
      next();
      return;
    }
    const decision = injector.decide({
      method: req.method,
      path: scim.resourcePath,
      tenantId: scim.tenantId,
    });
    if (!decision) {
      next();
      return;
    }
    res.locals.fault = decision.labels.join(',');
    const act = (): void => applyDecision(ctx, req, res, decision, next);
    if (decision.latencyMs > 0) setTimeout(act, decision.latencyMs);
    else act();
  };
}

/**
 * AWS-THROTTLE-429: the tenant's token bucket, answered with 429 when it is empty. The SCIM router
 * calls it after the token check, so a request with no or a wrong token gets its 401 and spends
 * nothing of a tenant's rate, and only known tenants ever get a bucket.
 */
export function rateLimitGate(ctx: MockContext): TenantGate {
  const injector = injectorOf(ctx);
  return (req, res, tenantId) => {
    if (!injector.rateLimited || injector.admit(tenantId, ctx.clock.now().getTime())) {
      return false;
    }
    res.locals.fault = RATE_LIMIT_FAULT;
    // The journal shows what a throttled client sent, so a retry can be compared with it.
    keepBodyThen(req, res, ctx.profile.maxBodyBytes, () =>
      sendAwsFault(ctx, res, 429, ctx.profile.retryAfter),
    );
    return true;
  };
}

function applyDecision(
  ctx: MockContext,
  req: Request,
  res: Response,
  decision: FaultDecision,
  next: () => void,
): void {
  const rule = decision.terminal;
  if (rule === null) {
    next();
    return;
  }
  if (rule.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  // The journal shows what a client sent even when a fault answered it (a retried write, say).
  keepBodyThen(req, res, ctx.profile.maxBodyBytes, () =>
    sendAwsFault(ctx, res, rule.status ?? 500, retryAfterFor(ctx, rule)),
  );
}

function retryAfterFor(ctx: MockContext, rule: FaultRule): number | null {
  if (rule.retryAfter !== undefined) return rule.retryAfter;
  return rule.status === 429 ? ctx.profile.retryAfter : null;
}

/** An error answer in AWS's form (scim/errors.ts), as the real endpoint's front door sends it. */
function sendAwsFault(
  ctx: MockContext,
  res: Response,
  status: number,
  retryAfter: number | null,
): void {
  const detail = status === 429 ? AWS_DETAIL.throttled : AWS_DETAIL.internal;
  const body = renderAwsError(status, detail, requestIdOf(res), ctx.clock.now());
  if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
  // AWS-HTTP-CONTENT-TYPE: exactly application/json, like every other answer (no charset).
  sendJson(res, status, body);
}
