import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../devices/core/operation.js';
import type { PayFailure, PaymentGatewayPort } from '../platform/payments.js';
import type { JournalOrder, PaymentJournal } from './journal.js';
import { isFinal, type PaymentState } from './states.js';

/** How long the terminal waits, queries and holds off (README "Paying at the terminal" says where each comes from). */
export interface PaymentPolicy {
  /** Query an order whose result is open every this often (WeChat recommends 3–5 s). */
  queryIntervalMs: number;
  /** Stop querying and reverse this long after the pay call (WeChat: keep polling within 45 s; Alipay: ~30 s). */
  queryLimitMs: number;
  /** Never reverse sooner than this after the pay call (WeChat: at least 15 s). */
  reverseNotBeforeMs: number;
  /** First wait before repeating a reverse, close or refund that did not answer; doubles up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
  /** How long a QR on screen waits to be paid before the order is canceled. */
  qrTimeoutMs: number;
  /** Long-poll wait of one query of a QR order (the notification stand-in). */
  qrWaitMs: number;
}

export const defaultPaymentPolicy: PaymentPolicy = {
  queryIntervalMs: 3000,
  queryLimitMs: 30_000,
  reverseNotBeforeMs: 15_000,
  retryMs: 2000,
  retryMaxMs: 30_000,
  qrTimeoutMs: 120_000,
  qrWaitMs: 3000,
};

/** How an order ended, as the resident is told. */
export type PaymentOutcome =
  | { orderId: string; state: 'paid' }
  | { orderId: string; state: 'failed'; failure: string }
  | { orderId: string; state: 'reversed'; moneyReturned: boolean }
  | { orderId: string; state: 'closed' }
  | { orderId: string; state: 'refunded' };

/** What the waiting screen shows: the state, whether the payer was asked for a password, and until when we wait. */
export interface PaymentProgress {
  orderId: string;
  state: PaymentState;
  passwordAsked: boolean;
  /** When the terminal stops waiting for the payer and cancels (ISO), while it waits. */
  waitingUntil: string | null;
}

export type OpenResult =
  | { ok: true; orderId: string }
  | { ok: false; code: 'alreadyPaid' | 'amountMismatch' | 'noticeNotFound' | 'gatewayUnavailable' | 'inProgress'; messageKey: string };

export interface PaymentServiceOptions {
  journal: PaymentJournal;
  gateway: PaymentGatewayPort;
  clock: Clock;
  policy?: Partial<PaymentPolicy>;
  /** Prefix of order ids: the terminal id, so orders of different terminals never collide. */
  terminalId: string;
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

class Stopped extends Error {}

/**
 * Pays 缴款码 notices through the gateway with a journal written before every call. The rules that keep money
 * right: `pay` is sent at most once per order (only from awaitingCode, after `paying` is on the disk); a result that
 * is not final is queried until the limit and then reversed — never sooner than the reverse rule allows, and again
 * until the gateway answers; an order that was never paid is closed. One runner drives an order at a time, so a
 * resume at start-up and a resident's screen cannot both drive it.
 */
export class PaymentService {
  readonly policy: PaymentPolicy;
  private readonly runners = new Map<string, Promise<PaymentOutcome>>();
  private readonly cancelRequested = new Set<string>();
  private readonly passwordAsked = new Set<string>();
  private readonly wakers = new Map<string, () => void>();
  private readonly listeners = new Set<(p: PaymentProgress) => void>();
  private stopped = false;

  constructor(private readonly o: PaymentServiceOptions) {
    this.policy = { ...defaultPaymentPolicy, ...o.policy };
  }

  onProgress(listener: (p: PaymentProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get journal(): PaymentJournal {
    return this.o.journal;
  }

  /** Opens an order for a notice (idempotent at the gateway by the order id). */
  async open(notice: { noticeNo: string; item: string; amountFen: number }, method: 'code' | 'qr' = 'code'): Promise<OpenResult> {
    // one open order per notice: a second one (back and confirm again while the payer types a password) could be
    // paid as well as the first
    if (this.o.journal.unfinished().some((o) => o.noticeNo === notice.noticeNo))
      return { ok: false, code: 'inProgress', messageKey: 'pay.error.inProgress' };
    const orderId = `${this.o.terminalId.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}-${this.o.clock.now().toString(36)}${randomBytes(4).toString('hex')}`;
    this.o.journal.create({ orderId, ...notice, method });
    const r = await this.o.gateway.createOrder({ orderId, noticeNo: notice.noticeNo, amountFen: notice.amountFen });
    if (r.kind === 'created') {
      this.move(orderId, 'awaitingCode');
      return { ok: true, orderId };
    }
    if (r.kind === 'refused') {
      this.move(orderId, 'failed', { failure: `refused:${r.reason}` });
      const code = r.reason === 'notFound' ? 'noticeNotFound' : r.reason === 'conflict' ? 'gatewayUnavailable' : r.reason;
      return { ok: false, code, messageKey: `pay.error.${code}` };
    }
    // the gateway may have opened it before the reply was lost: close it in the background
    void this.settle(orderId);
    return { ok: false, code: 'gatewayUnavailable', messageKey: 'pay.error.gatewayUnavailable' };
  }

  /** Pays with the resident's payment code; resolves when the order is final (paid, failed, reversed, closed). */
  async payByCode(orderId: string, authCode: string): Promise<PaymentOutcome> {
    const order = this.mustGet(orderId);
    if (order.state !== 'awaitingCode') throw new Error(`payment ${orderId}: pay asked in state ${order.state}`);
    this.move(orderId, 'paying', { payCalledAt: new Date(this.o.clock.now()).toISOString() });
    const r = await this.o.gateway.payByCode(orderId, authCode);
    if (r.kind === 'paid') return this.outcome(this.move(orderId, 'paid'));
    if (r.kind === 'failed') return this.outcome(this.move(orderId, 'failed', { failure: r.failure }));
    if (r.kind === 'userPaying') {
      this.passwordAsked.add(orderId);
      this.move(orderId, 'userPaying');
    } else this.move(orderId, 'querying', { detail: r.detail.slice(0, 200) });
    return this.settle(orderId);
  }

  /** Shows a QR for the resident to scan: `onCodeUrl` gets the code URL; resolves when the order is final. */
  async payByQr(orderId: string, onCodeUrl: (url: string) => void): Promise<PaymentOutcome> {
    const order = this.mustGet(orderId);
    if (order.state !== 'awaitingCode') throw new Error(`payment ${orderId}: QR asked in state ${order.state}`);
    this.move(orderId, 'querying', { payCalledAt: new Date(this.o.clock.now()).toISOString(), detail: 'qr' });
    const r = await this.o.gateway.qr(orderId);
    if (r.kind === 'qr') onCodeUrl(r.codeUrl);
    else this.cancelRequested.add(orderId);
    return this.settle(orderId);
  }

  /** The resident cancels: an unpaid order is closed, one waiting for the payer is reversed (when the rule allows). */
  cancel(orderId: string): Promise<PaymentOutcome> {
    this.cancelRequested.add(orderId);
    this.wakers.get(orderId)?.();
    const order = this.mustGet(orderId);
    if (order.state === 'paying' && this.runners.has(orderId)) return this.runners.get(orderId)!;
    if (order.state === 'paying') return new Promise((resolve) => this.untilFinal(orderId, resolve));
    return this.settle(orderId);
  }

  /** Refunds a paid order in full (its matter failed afterwards); idempotent by the refund id kept in the journal. */
  refund(orderId: string): Promise<PaymentOutcome> {
    const order = this.mustGet(orderId);
    if (order.state === 'paid') this.move(orderId, 'refunding', { refundId: `RF-${orderId}`.slice(0, 64) });
    return this.settle(orderId);
  }

  /** Drives an order to a final state (or returns the runner already doing so). */
  settle(orderId: string): Promise<PaymentOutcome> {
    const running = this.runners.get(orderId);
    if (running) return running;
    const run = this.drive(orderId).finally(() => {
      this.runners.delete(orderId);
      this.cancelRequested.delete(orderId);
      this.passwordAsked.delete(orderId);
    });
    this.runners.set(orderId, run);
    return run;
  }

  /** At start-up: every order left unfinished by a crash or power cut is queried, then completed or reversed. */
  resumeAll(): Promise<PaymentOutcome[]> {
    const open = this.o.journal.unfinished();
    if (open.length) this.o.log?.info({ orders: open.map((x) => `${x.orderId}:${x.state}`) }, 'resuming unfinished payments');
    return Promise.all(open.map((x) => this.settle(x.orderId).catch((e: unknown) => this.stoppedOutcome(x.orderId, e))));
  }

  /** A technician's re-query of an unfinished order from maintenance (never a manual "mark paid"). */
  requery(orderId: string): Promise<PaymentOutcome> {
    return this.settle(orderId);
  }

  /** Resolves once the order is final (at once if it is). */
  whenFinal(orderId: string): Promise<PaymentOutcome> {
    const o = this.mustGet(orderId);
    if (isFinal(o.state)) return Promise.resolve(this.outcome(o));
    return new Promise((resolve) => this.untilFinal(orderId, resolve));
  }

  /** Whether an order is not final yet (the session is held open meanwhile). */
  isOpen(orderId: string): boolean {
    const o = this.o.journal.get(orderId);
    return o !== null && !isFinal(o.state);
  }

  progress(orderId: string): PaymentProgress {
    const o = this.mustGet(orderId);
    return { orderId, state: o.state, passwordAsked: this.passwordAsked.has(orderId), waitingUntil: this.deadlineIso(o) };
  }

  /** Stops every loop (shutdown); unfinished orders stay in the journal for the next start. */
  stop(): void {
    this.stopped = true;
    for (const w of this.wakers.values()) w();
  }

  private async drive(orderId: string): Promise<PaymentOutcome> {
    let backoff = this.policy.retryMs;
    let queried = false; // in every run, the gateway is asked at least once before a reverse (resume after a crash)
    const retry = async () => {
      await this.sleep(orderId, backoff, false);
      backoff = Math.min(backoff * 2, this.policy.retryMaxMs);
    };
    for (;;) {
      if (this.stopped) throw new Stopped('payment service stopped');
      const o = this.mustGet(orderId);
      if (isFinal(o.state)) return this.outcome(o);
      switch (o.state) {
        case 'created':
        case 'awaitingCode': {
          // no pay was sent for this order: closing it is enough
          const r = await this.o.gateway.close(orderId);
          if (r.kind === 'closed' || r.kind === 'notFound') this.move(orderId, 'closed');
          else if (r.kind === 'alreadyPaid') this.move(orderId, 'querying', { detail: 'close: already paid' });
          else await retry();
          break;
        }
        case 'paying':
        case 'userPaying':
        case 'querying': {
          const deadline = this.deadline(o);
          const left = deadline - this.o.clock.now();
          if (queried && (this.cancelRequested.has(orderId) || left <= 0)) {
            this.move(orderId, 'reversing', { detail: this.cancelRequested.has(orderId) ? 'canceled' : 'no final result in time' });
            break;
          }
          const waitMs = o.method === 'qr' ? Math.max(0, Math.min(this.policy.qrWaitMs, left)) : 0;
          const asked = this.o.clock.now();
          const q = await this.o.gateway.query(orderId, waitMs);
          queried = true;
          if (q.kind === 'state' && q.state === 'paid') this.move(orderId, 'paid');
          else if (q.kind === 'state' && (q.state === 'closed' || q.state === 'reversed' || q.state === 'refunded'))
            this.move(orderId, q.state, q.state === 'reversed' ? { moneyReturned: false } : {});
          else {
            if (o.state !== 'querying') this.move(orderId, 'querying');
            else this.emit(orderId);
            // one query per interval at most, whether or not the gateway held the reply (long poll)
            const spent = this.o.clock.now() - asked;
            const pause = Math.min(this.policy.queryIntervalMs - spent, deadline - this.o.clock.now());
            if (pause > 0) await this.sleep(orderId, pause, true);
          }
          break;
        }
        case 'reversing': {
          const notBefore = o.payCalledAt && o.method === 'code' ? Date.parse(o.payCalledAt) + this.policy.reverseNotBeforeMs : 0;
          const early = notBefore - this.o.clock.now();
          if (early > 0) {
            await this.sleep(orderId, early, false);
            break;
          }
          const r = await this.o.gateway.reverse(orderId);
          if (r.kind === 'reversed') this.move(orderId, 'reversed', { moneyReturned: r.moneyReturned });
          else if (r.kind === 'notFound') this.move(orderId, 'closed', { detail: 'reverse: the gateway has no such order' });
          else if (r.kind === 'refunded') this.move(orderId, 'refunded');
          else await retry();
          break;
        }
        case 'refunding': {
          const r = await this.o.gateway.refund(orderId, o.refundId!, o.amountFen);
          if (r.kind === 'refunded') this.move(orderId, 'refunded');
          else {
            if (r.kind === 'refused') this.o.log?.warn({ orderId, reason: r.reason }, 'refund refused; retrying');
            await retry();
          }
          break;
        }
      }
    }
  }

  private deadline(o: JournalOrder): number {
    const from = o.payCalledAt ? Date.parse(o.payCalledAt) : Date.parse(o.updatedAt);
    return from + (o.method === 'qr' ? this.policy.qrTimeoutMs : this.policy.queryLimitMs);
  }

  private deadlineIso(o: JournalOrder): string | null {
    if (!['paying', 'userPaying', 'querying'].includes(o.state)) return null;
    return new Date(this.deadline(o)).toISOString();
  }

  private move(orderId: string, to: PaymentState, extra: Parameters<PaymentJournal['move']>[2] = {}): JournalOrder {
    const o = this.o.journal.move(orderId, to, extra);
    this.o.log?.info({ orderId, state: to, ...(extra.failure ? { failure: extra.failure } : {}) }, 'payment state');
    this.emit(orderId);
    return o;
  }

  private emit(orderId: string): void {
    if (this.listeners.size === 0) return;
    const p = this.progress(orderId);
    for (const l of this.listeners) l(p);
  }

  private untilFinal(orderId: string, resolve: (o: PaymentOutcome) => void): void {
    const off = this.onProgress((p) => {
      if (p.orderId === orderId && isFinal(p.state)) {
        off();
        resolve(this.outcome(this.mustGet(orderId)));
      }
    });
  }

  /** A wait that the resident's cancel (when `cancelable`) or a shutdown cuts short. */
  private sleep(orderId: string, ms: number, cancelable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.o.clock.clearTimeout(h);
        if (this.wakers.get(orderId) === wake) this.wakers.delete(orderId);
        resolve();
      };
      const h = this.o.clock.setTimeout(done, ms);
      const wake = () => {
        if (cancelable || this.stopped) done();
      };
      this.wakers.set(orderId, wake);
    });
  }

  private mustGet(orderId: string): JournalOrder {
    const o = this.o.journal.get(orderId);
    if (!o) throw new Error(`payment ${orderId} is not in the journal`);
    return o;
  }

  private outcome(o: JournalOrder): PaymentOutcome {
    switch (o.state) {
      case 'paid':
        return { orderId: o.orderId, state: 'paid' };
      case 'failed':
        return { orderId: o.orderId, state: 'failed', failure: o.failure ?? 'unknown' };
      case 'reversed':
        return { orderId: o.orderId, state: 'reversed', moneyReturned: o.moneyReturned ?? false };
      case 'closed':
        return { orderId: o.orderId, state: 'closed' };
      case 'refunded':
        return { orderId: o.orderId, state: 'refunded' };
      default:
        throw new Error(`payment ${o.orderId}: ${o.state} is not final`);
    }
  }

  private stoppedOutcome(orderId: string, e: unknown): PaymentOutcome {
    if (!(e instanceof Stopped)) throw e;
    return { orderId, state: 'failed', failure: 'stopped' };
  }
}

export type { PayFailure };
