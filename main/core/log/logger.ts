import pino, { type Logger } from 'pino';
import { maskPersonalData, maskText } from './mask.js';

export type { Logger };

/**
 * Structured logger (pino) with masking applied to every object and message. Namespace per module with
 * `logger.child({ module: 'session' })`.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.KIOSK_LOG_LEVEL ?? 'info',
      base: undefined,
      formatters: {
        log: (obj) => maskPersonalData(obj) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>;
          return method.apply(this, masked);
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}
