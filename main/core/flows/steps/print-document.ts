import type { DeviceError } from '../../../../devices/core/errors.js';
import type { DocumentPrinter } from '../../../../devices/printer/index.js';
import type { Logger } from '../../log/logger.js';
import type { AuditLog } from '../../store/audit.js';
import type { FailureView, StepHandler } from '../types.js';
import { fail, next } from './outcomes.js';
import { COPIES, PROOF } from './proof-data.js';

/**
 * A failed print as the resident sees it. A jam and an empty tray offer the same ways forward (reprint once fixed,
 * the electronic copy by QR, the hotline) and say what happened to a half-printed page: the kiosk canceled the job,
 * so a reprint starts again from page 1 and nothing printed counts.
 */
export function printFailure(error: DeviceError, guideUrl: string | null): FailureView {
  const base =
    error.code === 'mediaJam' ? 'flow.error.printJam' : error.code === 'noMedia' ? 'flow.error.printPaperOut' : 'flow.error.printFailed';
  return {
    messageKey: guideUrl ? `${base}Qr` : base,
    params: { reasonKey: error.messageKey },
    qrUrl: guideUrl,
    actions: ['retry', 'home'],
  };
}

/** Prints the issued proof with live page progress; a reprint sends the same document again. */
export function printDocumentStep(deps: { printer: () => DocumentPrinter | null; audit: AuditLog; log: Logger }): StepHandler {
  return {
    name: 'printDocument',
    timeoutMs: 5 * 60_000,
    async enter(ctx) {
      const proof = ctx.data.require(PROOF);
      const copies = ctx.data.get(COPIES) ?? 1;
      const guideUrl = ctx.matter?.guideUrl ?? null;
      const printer = deps.printer();
      if (!printer) return fail({ messageKey: 'flow.error.noPrinter', qrUrl: guideUrl, actions: ['home'] });
      const total = proof.pages * copies;
      ctx.update({ step: 'printing', pagesDone: 0, pages: total });
      const r = await printer.print(proof.pdf, {
        jobName: proof.caseId,
        copies,
        timeoutMs: 60_000 + total * 20_000,
        signal: ctx.signal,
        onProgress: (p) => ctx.update({ step: 'printing', pagesDone: p.pagesDone, pages: p.pages ?? total }),
      });
      if (r.ok) {
        deps.audit.append('print.completed', { caseId: proof.caseId, pages: proof.pages, copies });
        deps.log.info({ caseId: proof.caseId, copies }, 'proof printed');
        return next();
      }
      deps.audit.append('print.failed', { caseId: proof.caseId, pages: proof.pages, copies, code: r.error.code });
      deps.log.warn({ caseId: proof.caseId, code: r.error.code, detail: r.error.detail }, 'proof not printed');
      return fail(printFailure(r.error, guideUrl));
    },
  };
}
