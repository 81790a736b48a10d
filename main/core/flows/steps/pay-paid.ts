import { z } from 'zod';
import type { DocumentPrinter, ReceiptPrinter } from '../../../../devices/printer/index.js';
import { paymentReceipt } from '../../documents/payment-receipt.js';
import type { Payments } from '../../payment/payments.js';
import type { PaymentInvoice } from '../../platform/payments.js';
import { dataKey, type StepContext, type StepHandler, type StepOutcome } from '../types.js';
import { next } from './outcomes.js';
import { PAY_NOTICE, PAY_PAID } from './pay-data.js';
import { CASE } from './proof-data.js';

const PaidAnswer = z.union([z.object({ printInvoice: z.literal(true) }).strict(), z.object({ done: z.literal(true) }).strict()]);
const INVOICE = dataKey<PaymentInvoice | null>('pay.invoice');
const PRINTED = dataKey<{ receipt: boolean; invoice: boolean; messageKey: string | null }>('pay.printed');

/**
 * Paid: the amount and the 财政电子票据's numbers on screen, the 缴费凭条 printed on the thermal printer, and on request
 * the e-invoice PDF on the A4 printer. A printer that fails says so; the payment stands whatever the paper does.
 */
export function payPaidStep(deps: {
  payments: () => Payments | null;
  receiptPrinter: () => ReceiptPrinter | null;
  printer: () => DocumentPrinter | null;
  terminal: { id: string; hotline: string; timeZone: string };
}): StepHandler<z.infer<typeof PaidAnswer>> {
  const view = (ctx: StepContext): StepOutcome => {
    const n = ctx.data.require(PAY_NOTICE);
    const inv = ctx.data.get(INVOICE) ?? null;
    const printed = ctx.data.get(PRINTED) ?? { receipt: false, invoice: false, messageKey: null };
    return {
      kind: 'wait',
      view: {
        step: 'payPaid',
        item: n.item,
        totalFen: n.totalFen,
        invoice: inv ? { invoiceCode: inv.invoiceCode, invoiceNumber: inv.invoiceNumber, checkCode: inv.checkCode } : null,
        invoicePrintable: inv !== null && deps.printer() !== null,
        printed,
      },
    };
  };
  return {
    name: 'payPaid',
    timeoutMs: 90_000,
    answer: PaidAnswer,
    async enter(ctx) {
      const n = ctx.data.require(PAY_NOTICE);
      const paid = ctx.data.require(PAY_PAID);
      ctx.data.set(CASE, { caseId: n.noticeNo, matterId: 'pay', matterName: n.item, verificationCode: null, verifyUrl: null });
      if (ctx.data.get(INVOICE) === undefined) {
        // the e-invoice comes from the platform after the payment; without it the receipt still prints
        const inv = await deps
          .payments()
          ?.invoice(paid.orderId, ctx.signal)
          .catch(() => null);
        ctx.data.set(INVOICE, inv ?? null);
      }
      if (!ctx.data.get(PRINTED)) {
        const rp = deps.receiptPrinter();
        const inv = ctx.data.get(INVOICE) ?? null;
        const r = rp
          ? await rp.printReceipt(
              paymentReceipt({
                item: n.item,
                agency: n.agency,
                noticeNo: n.noticeNo,
                orderId: paid.orderId,
                totalFen: n.totalFen,
                invoice: inv,
                paidAt: paid.paidAt,
                ...deps.terminal,
                terminalId: deps.terminal.id,
              }),
              ctx.signal,
            )
          : null;
        ctx.data.set(PRINTED, { receipt: r?.ok ?? false, invoice: false, messageKey: r && !r.ok ? r.error.messageKey : null });
      }
      return view(ctx);
    },
    async onAnswer(ctx, a) {
      if ('done' in a) return next();
      const inv = ctx.data.get(INVOICE);
      const printer = deps.printer();
      const printed = ctx.data.get(PRINTED) ?? { receipt: false, invoice: false, messageKey: null };
      if (inv && printer) {
        ctx.update({ step: 'printing', pagesDone: 0, pages: 1 });
        const r = await printer.print(inv.pdf, { jobName: `invoice-${inv.invoiceNumber}`, signal: ctx.signal, timeoutMs: 90_000 });
        ctx.data.set(PRINTED, { ...printed, invoice: r.ok, messageKey: r.ok ? null : r.error.messageKey });
      }
      return view(ctx);
    },
  };
}
