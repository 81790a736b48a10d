import type { Clock } from '../../../devices/core/operation.js';
import type { Logger } from '../log/logger.js';
import type { PlatformClient } from '../platform/client.js';
import {
  fetchPaymentInvoice,
  fetchPaymentStatement,
  lookupPaymentNotice,
  platformPaymentGateway,
  type PaymentInvoice,
  type PaymentNotice,
  type PaymentStatement,
} from '../platform/payments.js';
import { PaymentJournal } from './journal.js';
import { openJournalDb } from './journal-db.js';
import { PaymentService, type PaymentPolicy } from './payment-service.js';
import { reconcile, type Reconciliation } from './reconcile.js';

/** What the pay flow's steps and maintenance use: the journal-backed service and the platform's look-ups. */
export interface Payments {
  service: PaymentService;
  lookup(noticeNo: string, signal?: AbortSignal): Promise<PaymentNotice>;
  invoice(orderId: string, signal?: AbortSignal): Promise<PaymentInvoice>;
  statement(date: string, signal?: AbortSignal): Promise<PaymentStatement>;
  /** 对账 of one day (YYYY-MM-DD in the terminal's zone) against the platform's statement. */
  reconcile(date: string, signal?: AbortSignal): Promise<Reconciliation>;
  close(): void;
}

/** The composition root's one call: the journal file in the data dir, the gateway over the platform client. */
export function createPayments(o: {
  dataDir: string;
  platform: PlatformClient;
  clock: Clock;
  terminalId: string;
  log: Logger;
  policy?: Partial<PaymentPolicy>;
  /** The terminal's time zone: a reconciliation day is a calendar day there. */
  timeZone?: string;
}): Payments {
  const db = openJournalDb(o.dataDir);
  const service = new PaymentService({
    journal: new PaymentJournal(db, () => new Date(o.clock.now())),
    gateway: platformPaymentGateway(o.platform),
    clock: o.clock,
    terminalId: o.terminalId,
    policy: o.policy,
    log: o.log,
  });
  return {
    service,
    lookup: (n, signal) => lookupPaymentNotice(o.platform, n, { signal }),
    invoice: (id, signal) => fetchPaymentInvoice(o.platform, id, { signal }),
    statement: (date, signal) => fetchPaymentStatement(o.platform, date, { signal }),
    reconcile: async (date, signal) =>
      reconcile(service.journal, await fetchPaymentStatement(o.platform, date, { signal }), o.timeZone ?? 'Asia/Shanghai'),
    close: () => {
      service.stop();
      db.close();
    },
  };
}
