// Judges one answer to a hostile request: a 4xx, and in AWS's error form when the app answered
// (schema and schemas, string status, exceptionRequestId equal to x-amzn-RequestId, timeStamp).
import { ERROR_URN } from '../../scim/urns.ts';
import type { BadRequest } from './generators/index.ts';
import type { RawAnswer } from './raw-http.ts';

const KEYS = ['schema', 'schemas', 'detail', 'status', 'exceptionRequestId', 'timeStamp'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME_STAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{1,3}$/;

/** What is wrong with the answer, or undefined when it is what AWS would send. */
export function answerProblem(sent: BadRequest, answer: RawAnswer): string | undefined {
  if (answer.status === 0) return `no answer: ${answer.error ?? 'socket closed'}`;
  if (answer.status < 400 || answer.status >= 500) return `status ${answer.status}, expected a 4xx`;
  if (sent.answeredBy === 'parser') return undefined;
  const requestId = answer.headers['x-amzn-requestid'];
  if (typeof requestId !== 'string' || !UUID.test(requestId)) return 'no x-amzn-RequestId header';
  if (sent.answeredBy === 'head')
    return answer.text === '' ? undefined : 'HEAD answered with a body';
  return bodyProblem(answer, requestId);
}

function bodyProblem(answer: RawAnswer, requestId: string): string | undefined {
  if (answer.headers['content-type'] !== 'application/json') {
    return `Content-Type ${String(answer.headers['content-type'])}`;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    return `body is not JSON: ${answer.text.slice(0, 80)}`;
  }
  if (JSON.stringify(Object.keys(body)) !== JSON.stringify(KEYS))
    return `keys ${Object.keys(body).join(',')}`;
  if (JSON.stringify(body.schema) !== JSON.stringify([ERROR_URN]))
    return 'schema is not [Error URN]';
  if (JSON.stringify(body.schemas) !== JSON.stringify([ERROR_URN]))
    return 'schemas is not [Error URN]';
  if (body.status !== String(answer.status))
    return `status ${JSON.stringify(body.status)} in the body`;
  if (body.exceptionRequestId !== requestId)
    return 'exceptionRequestId differs from x-amzn-RequestId';
  if (typeof body.timeStamp !== 'string' || !TIME_STAMP.test(body.timeStamp))
    return `timeStamp ${String(body.timeStamp)}`;
  if (typeof body.detail !== 'string' || body.detail === '') return 'no detail';
  return undefined;
}
