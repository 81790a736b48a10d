import { createHash } from 'node:crypto';
import { PaymentLedger } from './payment-ledger.js';
import { noticeFor, payerOf, type PaymentNotice, type Wallet } from './payment-personas.js';

export const paymentFaults = [
  { name: 'paySystemError', help: 'pay-by-code: the charge goes through but the reply is a system error (result unknown)' },
  { name: 'payTimeout', help: 'pay-by-code: the charge goes through, the reply comes after 20 s' },
  { name: 'payLostReply', help: 'pay-by-code: the charge goes through, then the connection is cut (lost reply)' },
  { name: 'slowNotification', help: 'QR payments: the platform learns of the payment (and answers waiting queries) 3 s late' },
  { name: 'reverseRefusedWhilePaying', help: 'reverse: refused ("retry") while the payer is still entering the password' },
  { name: 'gatewayDown', help: 'every payment call is dropped (the payment gateway is down; the rest of the platform works)' },
] as const;
export type PaymentFault = (typeof paymentFaults)[number]['name'];

export type OrderState = 'notPaid' | 'userPaying' | 'paid' | 'closed' | 'reversed' | 'refunded';
export type PayFailure = 'codeInvalid' | 'codeExpired' | 'insufficientFunds' | 'orderClosed';

interface Order {
  orderId: string;
  terminal: string;
  noticeNo: string;
  amountFen: number;
  state: OrderState;
  createdAt: number;
  payCalledAt: number | null;
  paidAt: number | null;
  wallet: Wallet | null;
  pending: ReturnType<typeof setTimeout> | null;
  refundIds: Set<string>;
  qr: boolean;
}

export interface GatewayTimings {
  /** How long a payer asked for a password takes to enter it. */
  passwordMs: number;
  /** The gateway answers "retry" to a reverse sooner than this after the pay call (WeChat: at least 15 s). */
  reverseNotBeforeMs: number;
  slowNotificationMs: number;
  payTimeoutMs: number;
}

export const defaultGatewayTimings: GatewayTimings = {
  passwordMs: 8000,
  reverseNotBeforeMs: 15_000,
  slowNotificationMs: 3000,
  payTimeoutMs: 20_000,
};

const FINAL: OrderState[] = ['paid', 'closed', 'reversed', 'refunded'];

/**
 * The province's unified public payment platform as the terminal sees it (统一公共支付平台), emulated: 缴款码 look-up,
 * orders idempotent by the terminal's order id, pay by code (paid / failed / user paying), query (with a long-poll
 * wait standing in for the payment notification), reverse (撤销), close, QR orders, refunds, e-invoices and the
 * daily statement. Every money movement goes to the ledger.
 */
export class PaymentGateway {
  readonly faults = new Set<PaymentFault>();
  readonly ledger: PaymentLedger;
  private readonly orders = new Map<string, Order>();
  private readonly usedCodes = new Set<string>();
  private readonly paidNotices = new Set<string>();
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(private readonly o: { timings?: Partial<GatewayTimings>; ledgerFile?: string; publicUrl: string }) {
    this.ledger = new PaymentLedger(o.ledgerFile);
  }

  get timings(): GatewayTimings {
    return { ...defaultGatewayTimings, ...this.o.timings };
  }

  notice(noticeNo: string): (PaymentNotice & { totalFen: number }) | null {
    const n = noticeFor(noticeNo);
    if (!n) return null;
    const paid = n.paid || this.paidNotices.has(noticeNo);
    return { ...n, paid, totalFen: n.amountFen + n.lateFeeFen };
  }

  createOrder(
    terminal: string,
    a: { orderId: string; noticeNo: string; amountFen: number },
  ): { order: ReturnType<PaymentGateway['view']> } | { error: 'conflict' | 'notFound' | 'alreadyPaid' | 'amountMismatch' } {
    const seen = this.orders.get(a.orderId);
    if (seen) return seen.noticeNo === a.noticeNo && seen.amountFen === a.amountFen ? { order: this.view(seen) } : { error: 'conflict' };
    const n = this.notice(a.noticeNo);
    if (!n) return { error: 'notFound' };
    if (n.paid) return { error: 'alreadyPaid' };
    if (n.totalFen !== a.amountFen) return { error: 'amountMismatch' };
    const order: Order = {
      orderId: a.orderId,
      terminal,
      noticeNo: a.noticeNo,
      amountFen: a.amountFen,
      state: 'notPaid',
      createdAt: Date.now(),
      payCalledAt: null,
      paidAt: null,
      wallet: null,
      pending: null,
      refundIds: new Set(),
      qr: false,
    };
    this.orders.set(a.orderId, order);
    return { order: this.view(order) };
  }

  payByCode(orderId: string, authCode: string): { result: 'paid' | 'userPaying' } | { result: 'failed'; failure: PayFailure } | null {
    const order = this.orders.get(orderId);
    if (!order) return null;
    if (order.state === 'paid') return { result: 'paid' };
    if (order.state === 'userPaying') return { result: 'userPaying' };
    if (order.state !== 'notPaid') return { result: 'failed', failure: 'orderClosed' };
    order.payCalledAt = Date.now();
    const payer = payerOf(authCode);
    if (!payer || this.usedCodes.has(authCode)) return { result: 'failed', failure: 'codeInvalid' };
    this.usedCodes.add(authCode);
    if (payer.behaviour === 'expired') return { result: 'failed', failure: 'codeExpired' };
    if (payer.behaviour === 'insufficient') return { result: 'failed', failure: 'insufficientFunds' };
    order.wallet = payer.wallet;
    if (payer.behaviour === 'instant') {
      this.charge(order);
      return { result: 'paid' };
    }
    order.state = 'userPaying';
    if (payer.behaviour === 'password') order.pending = setTimeout(() => this.charge(order), this.timings.passwordMs);
    return { result: 'userPaying' };
  }

  query(orderId: string): ReturnType<PaymentGateway['view']> | null {
    const order = this.orders.get(orderId);
    return order ? this.view(order) : null;
  }

  /** Resolves at once when the order is final, else when it changes or after `waitMs` (the notification stand-in). */
  async waitQuery(orderId: string, waitMs: number): Promise<ReturnType<PaymentGateway['view']> | null> {
    const order = this.orders.get(orderId);
    if (!order || FINAL.includes(order.state) || waitMs <= 0) return this.query(orderId);
    await new Promise<void>((resolve) => {
      const set = this.waiters.get(orderId) ?? new Set();
      const done = () => {
        clearTimeout(t);
        set.delete(done);
        resolve();
      };
      const t = setTimeout(done, waitMs);
      set.add(done);
      this.waiters.set(orderId, set);
    });
    return this.query(orderId);
  }

  reverse(
    orderId: string,
  ): { result: 'reversed'; moneyReturned: boolean } | { result: 'retry'; reason: string } | { error: 'notFound' | 'refunded' } {
    const order = this.orders.get(orderId);
    if (!order) return { error: 'notFound' };
    if (order.state === 'refunded') return { error: 'refunded' };
    if (order.state === 'reversed') return { result: 'reversed', moneyReturned: false };
    if (order.payCalledAt !== null && Date.now() - order.payCalledAt < this.timings.reverseNotBeforeMs)
      return { result: 'retry', reason: 'tooEarly' };
    if (order.state === 'userPaying' && this.faults.has('reverseRefusedWhilePaying')) return { result: 'retry', reason: 'userPaying' };
    if (order.pending) clearTimeout(order.pending);
    order.pending = null;
    const wasPaid = order.state === 'paid';
    if (wasPaid) {
      this.ledger.record(orderId, 'reverse', order.amountFen);
      this.paidNotices.delete(order.noticeNo);
    }
    this.setState(order, 'reversed');
    return { result: 'reversed', moneyReturned: wasPaid };
  }

  close(orderId: string): { result: 'closed' | 'alreadyPaid' | 'retry' } | { error: 'notFound' } {
    const order = this.orders.get(orderId);
    if (!order) return { error: 'notFound' };
    if (order.state === 'paid' || order.state === 'refunded') return { result: 'alreadyPaid' };
    if (order.state === 'userPaying') return { result: 'retry' };
    if (order.state === 'notPaid') this.setState(order, 'closed');
    return { result: 'closed' };
  }

  qr(orderId: string): { codeUrl: string } | null {
    const order = this.orders.get(orderId);
    if (!order || order.state !== 'notPaid') return null;
    order.qr = true;
    return { codeUrl: `${this.o.publicUrl}/pay/qr/${encodeURIComponent(orderId)}` };
  }

  /** A resident scans the QR on screen with their phone (control panel, tests). */
  scanQr(orderId: string | undefined, behaviour: 'instant' | 'insufficient' = 'instant'): string {
    const order = orderId ? this.orders.get(orderId) : [...this.orders.values()].reverse().find((x) => x.qr && x.state === 'notPaid');
    if (!order || order.state !== 'notPaid') throw new Error('no QR order is waiting');
    if (behaviour === 'instant') {
      order.wallet = 'wechat';
      order.payCalledAt = Date.now();
      this.charge(order);
    }
    return order.orderId;
  }

  refund(
    orderId: string,
    refundId: string,
    amountFen: number,
  ): { result: 'refunded' } | { error: 'notFound' | 'notPaid' | 'amountMismatch' } {
    const order = this.orders.get(orderId);
    if (!order) return { error: 'notFound' };
    if (order.refundIds.has(refundId)) return { result: 'refunded' };
    if (order.state !== 'paid') return { error: 'notPaid' };
    if (amountFen !== order.amountFen) return { error: 'amountMismatch' };
    order.refundIds.add(refundId);
    this.ledger.record(orderId, 'refund', amountFen);
    this.paidNotices.delete(order.noticeNo);
    this.setState(order, 'refunded');
    return { result: 'refunded' };
  }

  invoice(orderId: string): { invoiceCode: string; invoiceNumber: string; checkCode: string; issuedAt: string; verifyUrl: string } | null {
    const order = this.orders.get(orderId);
    if (!order || order.state !== 'paid' || order.paidAt === null) return null;
    const h = createHash('sha256').update(order.orderId).digest('hex');
    return {
      invoiceCode: '33060124',
      invoiceNumber: String(parseInt(h.slice(0, 8), 16) % 1e10).padStart(10, '0'),
      checkCode: h.slice(8, 14),
      issuedAt: new Date(order.paidAt).toISOString(),
      verifyUrl: `${this.o.publicUrl}/pj/verify?code=33060124&check=${h.slice(8, 14)}`,
    };
  }

  /** The platform's own statement of one terminal's orders created on `date` (Beijing time). */
  statement(terminal: string, date: string) {
    const day = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
    const orders = [...this.orders.values()]
      .filter((o) => o.terminal === terminal && day(o.createdAt) === date)
      .map((o) => ({
        orderId: o.orderId,
        noticeNo: o.noticeNo,
        state: o.state,
        amountFen: o.amountFen,
        paidAt: o.paidAt ? new Date(o.paidAt).toISOString() : null,
      }));
    const paidFen = orders.filter((o) => o.state === 'paid').reduce((s, o) => s + o.amountFen, 0);
    return { terminal, date, orders, totals: { orders: orders.length, paid: orders.filter((o) => o.state === 'paid').length, paidFen } };
  }

  orderCount(): number {
    return this.orders.size;
  }

  private charge(order: Order): void {
    order.pending = null;
    if (order.state !== 'notPaid' && order.state !== 'userPaying') return;
    this.ledger.record(order.orderId, 'charge', order.amountFen);
    order.paidAt = Date.now();
    this.paidNotices.add(order.noticeNo);
    const notify = () => this.setState(order, 'paid');
    if (order.qr && this.faults.has('slowNotification')) {
      order.state = 'paid'; // paid at the wallet; the platform's notification comes late
      setTimeout(() => this.wake(order.orderId), this.timings.slowNotificationMs);
    } else notify();
  }

  private setState(order: Order, state: OrderState): void {
    order.state = state;
    this.wake(order.orderId);
  }

  private wake(orderId: string): void {
    for (const w of [...(this.waiters.get(orderId) ?? [])]) w();
  }

  private view(o: Order) {
    return {
      orderId: o.orderId,
      noticeNo: o.noticeNo,
      amountFen: o.amountFen,
      state: o.state,
      wallet: o.wallet,
      paidAt: o.paidAt ? new Date(o.paidAt).toISOString() : null,
    };
  }
}
