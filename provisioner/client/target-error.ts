// A request the target refused or that never got an answer, with what a person needs to fix it:
// the object, the attribute at fault (read from AWS's error body) and the target's request id.

/** AWS's error body (aws-scim-behaviour.md §6); every field optional because targets differ. */
export interface TargetErrorBody {
  detail?: string;
  status?: string | number;
  scimType?: string;
  exceptionRequestId?: string;
}

export interface TargetErrorInit {
  method: string;
  path: string;
  /** 0 when no HTTP answer came back (network error, timeout). */
  status: number;
  detail: string;
  attempts: number;
  requestId?: string;
  attribute?: string;
  /** Who the request was about, e.g. `user "alice"`; set by the engine. */
  subject?: string;
  cause?: unknown;
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly detail: string;
  readonly attempts: number;
  readonly requestId: string | undefined;
  readonly attribute: string | undefined;
  readonly subject: string | undefined;

  constructor(init: TargetErrorInit) {
    super(describe(init), { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.detail = init.detail;
    this.attempts = init.attempts;
    this.requestId = init.requestId;
    this.attribute = init.attribute;
    this.subject = init.subject;
  }

  /** The same error, now naming the object it concerned. */
  about(subject: string): TargetError {
    return new TargetError({ ...this, subject, cause: this.cause });
  }
}

function describe(init: TargetErrorInit): string {
  const who = init.subject ? ` for ${init.subject}` : '';
  const what = init.status === 0 ? 'no answer' : `HTTP ${init.status}`;
  const attr = init.attribute ? `; attribute at fault: ${init.attribute}` : '';
  const id = init.requestId ? ` (request id ${init.requestId})` : '';
  const tries = init.attempts > 1 ? ` after ${init.attempts} attempts` : '';
  return `${init.method} ${init.path}${who} failed with ${what}${tries}: ${init.detail}${attr}${id}`;
}

/** Reads an AWS or RFC 7644 error body; anything else yields an empty object. */
export function parseErrorBody(body: unknown): TargetErrorBody {
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
  return {
    detail: text('detail'),
    status: text('status') ?? (typeof record.status === 'number' ? record.status : undefined),
    scimType: text('scimType'),
    exceptionRequestId: text('exceptionRequestId'),
  };
}

/**
 * The attribute a 400 was about. AWS's detail is mostly generic, so: an attribute the detail
 * names, else the multi-valued attribute when AWS says lists allow one item, else the path of
 * a single-operation PATCH.
 */
export function attributeAtFault(detail: string, requestBody: unknown): string | undefined {
  const names = requestAttributeNames(requestBody);
  const lowered = detail.toLowerCase();
  const named = names
    .filter((name) => lowered.includes(name.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  if (named) return named;
  if (/only allow single item|single value|at most one/i.test(detail)) {
    return multiValuedNames(requestBody)[0];
  }
  const ops = patchOperations(requestBody);
  return ops.length === 1 && typeof ops[0].path === 'string' ? ops[0].path : undefined;
}

function requestAttributeNames(body: unknown): string[] {
  const ops = patchOperations(body);
  if (ops.length > 0) return ops.flatMap((op) => (typeof op.path === 'string' ? [op.path] : []));
  if (!body || typeof body !== 'object') return [];
  return Object.keys(body).filter((key) => key !== 'schemas');
}

function multiValuedNames(body: unknown): string[] {
  const ops = patchOperations(body);
  const values =
    ops.length > 0
      ? ops.map((op) => [op.path, op.value] as const)
      : Object.entries((body ?? {}) as Record<string, unknown>);
  return values
    .filter(([, value]) => Array.isArray(value) && value.length > 1)
    .map(([name]) => String(name));
}

function patchOperations(body: unknown): Array<{ path?: unknown; value?: unknown }> {
  if (!body || typeof body !== 'object') return [];
  const ops = (body as { Operations?: unknown }).Operations;
  return Array.isArray(ops) ? (ops as Array<{ path?: unknown; value?: unknown }>) : [];
}
