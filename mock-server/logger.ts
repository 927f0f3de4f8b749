// The mock's one logger: pino, level from the option or LOG_LEVEL. Request lines carry method,
// path, status, duration and request id, never headers, so tokens stay out of the log.
import { pino, type DestinationStream, type Logger } from 'pino';

export function createLogger(level?: string, destination?: DestinationStream): Logger {
  const options = {
    level: level ?? process.env.LOG_LEVEL ?? 'info',
    base: { name: 'scim-harness-mock' },
    redact: ['req.headers.authorization', 'headers.authorization'],
  };
  return destination ? pino(options, destination) : pino(options);
}
