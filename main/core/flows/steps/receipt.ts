import type { ReceiptPrinter } from '../../../../devices/printer/index.js';
import { serviceReceipt } from '../../documents/service-receipt.js';
import type { StepHandler } from '../types.js';
import { fail, next } from './outcomes.js';
import { CASE, RECEIPT_OUTCOME } from './proof-data.js';

/** The thermal receipt of the case. A failure says what went wrong (paper, cover, cutter, offline), not always paper. */
export function receiptStep(deps: {
  receiptPrinter: () => ReceiptPrinter | null;
  terminal: { id: string; hotline: string; timeZone: string };
  now: () => Date;
}): StepHandler {
  return {
    name: 'receipt',
    timeoutMs: 30_000,
    async enter(ctx) {
      const c = ctx.data.require(CASE);
      const printer = deps.receiptPrinter();
      if (!printer) return fail({ messageKey: 'flow.error.noReceiptPrinter', actions: ['skip'] });
      const doc = serviceReceipt({
        kind: 'service',
        caseId: c.caseId,
        matterName: c.matterName,
        verificationCode: c.verificationCode,
        verifyUrl: c.verifyUrl,
        at: deps.now(),
        timeZone: deps.terminal.timeZone,
        terminalId: deps.terminal.id,
        hotline: deps.terminal.hotline,
      });
      const r = await printer.printReceipt(doc, ctx.signal);
      if (r.ok) {
        ctx.data.set(RECEIPT_OUTCOME, { printed: true, messageKey: null });
        return next();
      }
      ctx.data.set(RECEIPT_OUTCOME, { printed: false, messageKey: r.error.messageKey });
      return fail({ messageKey: 'flow.error.receiptFailed', params: { reasonKey: r.error.messageKey }, actions: ['retry', 'skip'] });
    },
  };
}
