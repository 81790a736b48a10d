import type { DocumentPrinter, ReceiptPrinter } from '../../../../devices/printer/index.js';
import type { ReceiptDocument } from '../../../../devices/printer/index.js';
import type { PlatformCase } from '../../platform/cases-schemas.js';
import type { StepHandler } from '../types.js';
import { SELECTED_CASE, SLIP, SLIP_PRINTED } from './case-data.js';
import { fail, next } from './outcomes.js';
import { printFailure } from './print-document.js';

/** Prints the progress slip of the chosen case on the printer the resident chose, then returns to the case. */
export function printSlipStep(deps: {
  printer: () => DocumentPrinter | null;
  receiptPrinter: () => ReceiptPrinter | null;
  a4Slip: (c: PlatformCase) => Promise<Uint8Array>;
  receiptSlip: (c: PlatformCase) => ReceiptDocument;
}): StepHandler {
  return {
    name: 'printSlip',
    timeoutMs: 2 * 60_000,
    async enter(ctx) {
      const c = ctx.data.require(SELECTED_CASE);
      const kind = ctx.data.require(SLIP);
      if (kind === 'receipt') {
        const rp = deps.receiptPrinter();
        if (!rp) return fail({ messageKey: 'flow.error.noReceiptPrinter', actions: ['back', 'home'] });
        const r = await rp.printReceipt(deps.receiptSlip(c), ctx.signal);
        if (!r.ok)
          return fail({ messageKey: 'flow.error.receiptFailed', params: { reasonKey: r.error.messageKey }, actions: ['retry', 'back'] });
      } else {
        const printer = deps.printer();
        if (!printer) return fail({ messageKey: 'flow.error.noPrinter', actions: ['back', 'home'] });
        const pdf = await deps.a4Slip(c);
        ctx.update({ step: 'printing', pagesDone: 0, pages: 1 });
        const r = await printer.print(pdf, {
          jobName: c.caseNumber,
          signal: ctx.signal,
          timeoutMs: 90_000,
          onProgress: (p) => ctx.update({ step: 'printing', pagesDone: p.pagesDone, pages: p.pages ?? 1 }),
        });
        if (!r.ok) return fail({ ...printFailure(r.error, c.queryUrl), actions: ['retry', 'back'] });
      }
      ctx.data.set(SLIP_PRINTED, kind);
      return next('detail');
    },
  };
}
