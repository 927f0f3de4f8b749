// Reads the request id the core's first middleware left for this exchange (AWS-HTTP-REQUEST-ID).
import type { Response } from 'express';

export function requestIdOf(res: Response): string {
  const id: unknown = (res.locals as { requestId?: unknown }).requestId;
  if (typeof id === 'string') return id;
  const header = res.getHeader('x-amzn-RequestId');
  return typeof header === 'string' ? header : '';
}
