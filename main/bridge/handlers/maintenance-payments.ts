import { isDocumentPrinter } from '../../../devices/printer/ipp-printer.js';
import { composeReconciliation } from '../../core/documents/reconciliation.js';
import type { Kiosk } from '../../core/kiosk.js';
import type { Payments } from '../../core/payment/payments.js';
import { dayIn, reconcile, type Reconciliation } from '../../core/payment/reconcile.js';
import { isFinal } from '../../core/payment/states.js';
import type { PaymentsReconciliation } from '../contract.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

/** How long a re-query holds the call before answering "still settling" (the UI's bridge call times out at 20 s). */
export const requeryAnswerWithinMs = 15_000;

function requireMaintenance(kiosk: Kiosk): void {
  const s = kiosk.session.snapshot();
  if (s.mode !== 'maintenance' || s.phase === 'idle')
    throw new BridgeFailure({ code: 'forbidden', messageKey: 'maintenance.error.locked', detail: 'maintenance mode is not unlocked' });
  kiosk.session.activity();
}

function requirePayments(kiosk: Kiosk): Payments {
  if (!kiosk.payments)
    throw new BridgeFailure({
      code: 'unavailable',
      messageKey: 'maintenance.payments.notConfigured',
      detail: 'no platform configured: no payments',
    });
  return kiosk.payments;
}

/** The day's 对账; when the platform's statement cannot be fetched, the journal's side alone (disagreements unknown). */
async function dayReconciliation(payments: Payments, date: string, timeZone: string): Promise<{ r: Reconciliation; available: boolean }> {
  try {
    return { r: await payments.reconcile(date), available: true };
  } catch {
    const r = reconcile(payments.service.journal, { terminal: '', date, orders: [], totals: { orders: 0, paid: 0, paidFen: 0 } }, timeZone);
    return { r, available: false };
  }
}

function toReply(r: Reconciliation, available: boolean): PaymentsReconciliation {
  return {
    date: r.date,
    statementAvailable: available,
    rows: r.rows,
    totals: { ...r.totals, platformPaidFen: available ? r.totals.platformPaidFen : null },
    disagreements: available ? r.disagreements : [],
    unfinished: r.unfinished.map((o) => ({
      orderId: o.orderId,
      noticeNo: o.noticeNo,
      item: o.item,
      amountFen: o.amountFen,
      state: o.state,
      updatedAt: o.updatedAt,
    })),
  };
}

/** Technicians' 对账: the day's orders and totals, a re-query of an unfinished order, the printed 对账单. */
export function maintenancePaymentHandlers(
  kiosk: Kiosk,
  o: { requeryAnswerWithinMs?: number } = {},
): Pick<Handlers, 'maintenance.payments' | 'maintenance.paymentRequery' | 'maintenance.reconciliationPrint'> {
  const timeZone = () => kiosk.config.terminal.timeZone;
  return {
    'maintenance.payments': async ({ date }) => {
      requireMaintenance(kiosk);
      const payments = requirePayments(kiosk);
      const { r, available } = await dayReconciliation(payments, date ?? dayIn(new Date(), timeZone()), timeZone());
      return toReply(r, available);
    },
    'maintenance.paymentRequery': async ({ orderId }) => {
      requireMaintenance(kiosk);
      const payments = requirePayments(kiosk);
      const service = payments.service;
      if (!service.journal.get(orderId))
        throw new BridgeFailure({ code: 'badParams', messageKey: 'maintenance.payments.noOrder', detail: `no order "${orderId}"` });
      kiosk.audit.append('maintenance.paymentRequery', { orderId });
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        service.requery(orderId),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), o.requeryAnswerWithinMs ?? requeryAnswerWithinMs))),
      ]).finally(() => clearTimeout(timer));
      if (outcome === null) kiosk.log.info({ orderId }, 'maintenance re-query still settling; it goes on in the background');
      const now = service.journal.get(orderId)!;
      return { orderId, state: now.state, final: isFinal(now.state), failure: now.failure, moneyReturned: now.moneyReturned };
    },
    'maintenance.reconciliationPrint': async ({ date }) => {
      requireMaintenance(kiosk);
      const payments = requirePayments(kiosk);
      const printer = kiosk.devices.all().find(isDocumentPrinter);
      if (!printer) return { result: 'failed' as const, messageKey: 'flow.error.noPrinter' };
      const { r, available } = await dayReconciliation(payments, date, timeZone());
      if (!available) return { result: 'failed' as const, messageKey: 'maintenance.payments.printNeedsStatement' };
      const pdf = await composeReconciliation({
        terminalId: kiosk.config.terminal.id,
        reconciliation: r,
        at: new Date(),
        timeZone: timeZone(),
      });
      kiosk.audit.append('maintenance.reconciliationPrint', { date });
      const res = await printer.print(pdf, { jobName: `reconciliation ${kiosk.config.terminal.id} ${date}` });
      return res.ok ? { result: 'printed' as const, messageKey: null } : { result: 'failed' as const, messageKey: res.error.messageKey };
    },
  };
}
