// One error model for both sides: ScimError is a protocol fault that renders AWS's error body;
// HarnessError covers misuse of the harness itself (bad config, bad CLI input).
import { ERROR_URN } from './urns.ts';

/** Detail strings AWS sends, verbatim where they were captured (aws-scim-behaviour.md §6). */
export const AWS_DETAIL = {
  invalidRequest: 'Request is unparsable, syntactically incorrect, or violates schema.',
  duplicate: 'Refused to create a new, duplicate resource.',
  patchNoPath:
    'Current PATCH support allows omitting "path" attribute only for Add and Replace operations ' +
    'modifying a single attribute.',
  replaceMembers: 'Replacing group memberships is not supported.',
  tenantMissing: 'TENANT does not exist.',
  // The strings below were never captured from AWS; they are the mock's wording (Part A defaults).
  unauthorized: 'The request is not authorized: missing, invalid or expired bearer token.',
  notFound: 'Resource not found.',
  throttled: 'Rate exceeded.',
  payloadTooLarge: 'Request body exceeds the maximum allowed size.',
  internal: 'An internal error occurred.',
} as const;

/** Exception names by status, as in the error tables of every AWS SCIM developer-guide page. */
export const AWS_EXCEPTION_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'ValidationException',
  401: 'UnauthorizedException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  409: 'ConflictException',
  413: 'ValidationException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'InternalServerException',
};

/** The error body exactly as AWS sends it, key order included (aws-scim-behaviour.md §6). */
export interface AwsErrorBody {
  schema: [typeof ERROR_URN];
  schemas: [typeof ERROR_URN];
  detail: string;
  status: string;
  exceptionRequestId: string;
  timeStamp: string;
}

export interface ScimErrorOptions {
  /** The AWS behaviour id this error enforces, e.g. `AWS-USER-SINGLE-VALUED`. */
  behaviour?: string;
  /** A more specific reason for logs and journals; AWS's body keeps the generic `detail`. */
  reason?: string;
  cause?: unknown;
}

/** A SCIM protocol fault: carries the HTTP status and the detail AWS would send. */
export class ScimError extends Error {
  override readonly name = 'ScimError';
  readonly code: string;
  readonly behaviour: string | undefined;
  readonly reason: string | undefined;

  constructor(
    readonly status: number,
    readonly detail: string,
    options: ScimErrorOptions = {},
  ) {
    super(options.reason ? `${detail} (${options.reason})` : detail, { cause: options.cause });
    this.code = AWS_EXCEPTION_BY_STATUS[status] ?? `HTTP_${status}`;
    this.behaviour = options.behaviour;
    this.reason = options.reason;
  }

  /** The generic 400 AWS answers for anything it cannot parse or does not support. */
  static invalid(reason: string, behaviour?: string): ScimError {
    return new ScimError(400, AWS_DETAIL.invalidRequest, { reason, behaviour });
  }

  static notFound(reason: string, behaviour?: string): ScimError {
    return new ScimError(404, AWS_DETAIL.notFound, { reason, behaviour });
  }

  static conflict(reason: string, behaviour?: string): ScimError {
    return new ScimError(409, AWS_DETAIL.duplicate, { reason, behaviour });
  }
}

/** Misuse of the harness (configuration, CLI input, API calls); never sent over the wire. */
export class HarnessError extends Error {
  override readonly name: string = 'HarnessError';

  constructor(
    message: string,
    readonly code: string = 'HARNESS_ERROR',
    options: { cause?: unknown } = {},
  ) {
    super(`[scim-harness] ${message}`, options);
  }
}

/** A configuration value that cannot be used; the message names the setting and what it takes. */
export class ConfigError extends HarnessError {
  override readonly name = 'ConfigError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, 'CONFIG_ERROR', options);
  }
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, no zone: the shape of AWS's error `timeStamp`. */
export function awsErrorTimestamp(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

/** `YYYY-MM-DDTHH:MM:SSZ`: the shape of AWS's `meta.created` and `meta.lastModified`. */
export function awsMetaTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Renders an error as AWS's body; `status` is a string on the wire. */
export function renderAwsError(
  status: number,
  detail: string,
  requestId: string,
  at: Date,
): AwsErrorBody {
  return {
    schema: [ERROR_URN],
    schemas: [ERROR_URN],
    detail,
    status: String(status),
    exceptionRequestId: requestId,
    timeStamp: awsErrorTimestamp(at),
  };
}
