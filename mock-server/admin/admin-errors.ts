// The admin API's error body and its error handler: `{error, message}` in JSON. The admin side is
// the harness's own, so it does not mimic AWS's error form.
import type { ErrorRequestHandler, Response } from 'express';

import { ConfigError, HarnessError } from '../../scim/errors.ts';
import type { MockContext } from '../context.ts';

export interface AdminErrorBody {
  error: string;
  message: string;
}

export function sendAdminError(
  res: Response,
  status: number,
  error: string,
  message: string,
): void {
  const body: AdminErrorBody = { error, message: message.replace(/^\[scim-harness\] /, '') };
  res.status(status).json(body);
}

/** Client mistakes become 4xx with the reason; anything else is a logged 500. */
export function adminErrorHandler(ctx: MockContext): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const parserStatus = bodyParserStatus(error);
    if (parserStatus !== null) {
      sendAdminError(res, parserStatus, 'ADMIN_BAD_BODY', (error as Error).message);
      return;
    }
    const mapped = harnessStatus(error);
    if (mapped !== null) {
      sendAdminError(res, mapped, (error as HarnessError).code, (error as Error).message);
      return;
    }
    ctx.logger.error({ err: error, method: req.method, path: req.path }, 'admin: request failed');
    const code = error instanceof HarnessError ? error.code : 'ADMIN_INTERNAL';
    sendAdminError(res, 500, code, 'the admin request failed; see the mock log');
  };
}

/** Registry refusals (tenants.ts codes) that describe the caller's request, not a fault. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_TENANT_ID: 400,
  BAD_TOKEN: 400,
  UNKNOWN_TENANT: 404,
  TOKEN_LIMIT: 409,
  TOKEN_EXISTS: 409,
};

function harnessStatus(error: unknown): number | null {
  if (!(error instanceof HarnessError)) return null;
  if (error instanceof ConfigError) return 400;
  return STATUS_BY_CODE[error.code] ?? null;
}

/** body-parser marks its errors with `type` and a 4xx `status` (bad JSON, too large). */
function bodyParserStatus(error: unknown): number | null {
  const candidate = error as { type?: unknown; status?: unknown };
  const isParser = typeof candidate?.type === 'string' && typeof candidate.status === 'number';
  return isParser && (candidate.status as number) < 500 ? (candidate.status as number) : null;
}
