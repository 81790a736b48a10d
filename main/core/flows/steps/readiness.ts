import type { DocumentPrinter } from '../../../../devices/printer/index.js';
import type { StepHandler } from '../types.js';
import { fail, next } from './outcomes.js';

/**
 * Before the resident does any work: can the A4 printer print now? Out of paper, a jam, an open cover or an offline
 * printer is said at once, with the electronic copy by QR when the matter has one.
 */
export function readinessStep(deps: { printer: () => DocumentPrinter | null }): StepHandler {
  return {
    name: 'readiness',
    timeoutMs: 15_000,
    async enter(ctx) {
      const qrUrl = ctx.matter?.guideUrl ?? null;
      const printer = deps.printer();
      if (!printer) return fail({ messageKey: 'flow.error.noPrinter', qrUrl, actions: ['home'] });
      const r = await printer.readiness(ctx.signal);
      if (r.ok) return next();
      return fail({
        messageKey: qrUrl ? 'flow.error.printerPausedQr' : 'flow.error.printerPaused',
        params: { reasonKey: r.error.messageKey },
        qrUrl,
        actions: ['retry', 'home'],
      });
    },
  };
}
