import { z } from 'zod';
import type { DocumentPrinter, ReceiptPrinter } from '../../../../devices/printer/index.js';
import { composeAcceptanceReceipt } from '../../documents/acceptance-receipt.js';
import { applySlip, composeSavedReceipt } from '../../documents/apply-receipts.js';
import { maskName } from '../../log/mask.js';
import type { AuditLog } from '../../store/audit.js';
import { dataKey, type StepContext, type StepHandler, type StepOutcome } from '../types.js';
import { APPLY_FORM, APPLY_MATERIALS, APPLY_OUTCOME } from './apply-data.js';
import { next } from './outcomes.js';
import { RECEIPT_OUTCOME } from './proof-data.js';

const ReceiptAnswer = z.union([z.object({ reprint: z.literal(true) }).strict(), z.object({ done: z.literal(true) }).strict()]);
const PRINTED = dataKey<{ a4: boolean; slip: boolean; messageKey: string | null }>('apply.printed');

/**
 * The papers the resident takes home: the A4 受理回执 (case number, 查询码, QR to the case's page) on the certificate
 * printer and a thermal slip; for an application saved but not yet delivered, papers that say exactly that with
 * the local reference. The case number (or reference) stays on screen whatever the printers do; a failed print can
 * be tried again, and what printed already is not printed twice.
 */
export function applyReceiptStep(deps: {
  printer: () => DocumentPrinter | null;
  receiptPrinter: () => ReceiptPrinter | null;
  applicant: () => { name: string; idNumber: string } | null;
  agency: (matterId: string) => string | null;
  terminal: { id: string; hotline: string; timeZone: string; outlet: string };
  audit: Pick<AuditLog, 'append'>;
  now: () => Date;
}): StepHandler<z.infer<typeof ReceiptAnswer>> {
  const print = async (ctx: StepContext): Promise<void> => {
    const outcome = ctx.data.require(APPLY_OUTCOME);
    if (outcome.kind !== 'accepted' && outcome.kind !== 'queued') return;
    const form = ctx.data.require(APPLY_FORM);
    const matterName = ctx.matter?.name ?? form.matterId;
    const at = deps.now();
    const printed = ctx.data.get(PRINTED) ?? { a4: false, slip: false, messageKey: null };
    let messageKey: string | null = null;
    const chosen = new Set((ctx.data.get(APPLY_MATERIALS) ?? []).filter((m) => m.kind !== 'deferred').map((m) => m.materialId));
    const materials = form.materials.filter((m) => chosen.has(m.id)).map((m) => m.name);
    const applicant = maskName(deps.applicant()?.name ?? '');
    const printer = deps.printer();
    if (!printed.a4 && printer) {
      const pdf =
        outcome.kind === 'accepted'
          ? await composeAcceptanceReceipt({
              caseId: outcome.case.caseNumber,
              queryCode: outcome.case.queryCode,
              matterName,
              agency: deps.agency(form.matterId) ?? '',
              applicant,
              terminalId: deps.terminal.id,
              outlet: deps.terminal.outlet,
              acceptedAt: at,
              timeZone: deps.terminal.timeZone,
              promisedDays: null,
              promisedDate: outcome.case.promisedDate,
              needsReview: outcome.case.status === 'needsReview',
              materials,
              progressUrl: outcome.case.queryUrl ?? ctx.matter?.guideUrl ?? '',
              hotline: deps.terminal.hotline,
            })
          : await composeSavedReceipt({
              localReference: outcome.localReference,
              matterName,
              applicant,
              terminalId: deps.terminal.id,
              outlet: deps.terminal.outlet,
              savedAt: at,
              timeZone: deps.terminal.timeZone,
              materials,
              hotline: deps.terminal.hotline,
            });
      const jobName = outcome.kind === 'accepted' ? outcome.case.caseNumber : outcome.localReference;
      ctx.update({ step: 'printing', pagesDone: 0, pages: 1 });
      const r = await printer.print(pdf, { jobName, signal: ctx.signal, timeoutMs: 90_000 });
      printed.a4 = r.ok;
      if (r.ok) deps.audit.append('print.completed', { caseId: jobName, pages: 1, copies: 1 });
      else messageKey = r.error.messageKey;
    }
    const rp = deps.receiptPrinter();
    if (!printed.slip && rp) {
      const slip = applySlip(
        outcome.kind === 'accepted'
          ? {
              kind: 'accepted',
              caseNumber: outcome.case.caseNumber,
              queryCode: outcome.case.queryCode,
              promisedDate: outcome.case.promisedDate,
              queryUrl: outcome.case.queryUrl,
              matterName,
              at,
              timeZone: deps.terminal.timeZone,
              terminalId: deps.terminal.id,
              hotline: deps.terminal.hotline,
            }
          : {
              kind: 'queued',
              localReference: outcome.localReference,
              matterName,
              at,
              timeZone: deps.terminal.timeZone,
              terminalId: deps.terminal.id,
              hotline: deps.terminal.hotline,
            },
      );
      const r = await rp.printReceipt(slip, ctx.signal);
      printed.slip = r.ok;
      if (!r.ok) messageKey ??= r.error.messageKey;
    }
    ctx.data.set(PRINTED, { ...printed, messageKey });
    ctx.data.set(RECEIPT_OUTCOME, { printed: printed.slip, messageKey: printed.slip ? null : messageKey });
  };
  const view = (ctx: StepContext): StepOutcome => {
    const outcome = ctx.data.require(APPLY_OUTCOME);
    const printed = ctx.data.get(PRINTED) ?? { a4: false, slip: false, messageKey: null };
    return {
      kind: 'wait',
      view: {
        step: 'applyReceipt',
        outcome:
          outcome.kind === 'accepted'
            ? {
                kind: 'accepted',
                caseNumber: outcome.case.caseNumber,
                queryCode: outcome.case.queryCode,
                status: outcome.case.status,
                promisedDate: outcome.case.promisedDate,
              }
            : { kind: 'queued', localReference: outcome.kind === 'queued' ? outcome.localReference : '' },
        printed,
        canReprint: (!printed.a4 && deps.printer() !== null) || (!printed.slip && deps.receiptPrinter() !== null),
      },
    };
  };
  return {
    name: 'applyReceipt',
    timeoutMs: 3 * 60_000,
    answer: ReceiptAnswer,
    returnable: false,
    async enter(ctx) {
      if (!ctx.data.get(PRINTED)) await print(ctx);
      return view(ctx);
    },
    async onAnswer(ctx, a) {
      if ('done' in a) return next();
      await print(ctx);
      return view(ctx);
    },
  };
}
