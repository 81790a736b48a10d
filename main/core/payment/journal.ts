import type { Db } from '../store/db.js';
import { canMove, finalStates, type PaymentState } from './states.js';

export interface JournalOrder {
  orderId: string;
  noticeNo: string;
  item: string;
  amountFen: number;
  method: 'code' | 'qr';
  state: PaymentState;
  failure: string | null;
  moneyReturned: boolean | null;
  payCalledAt: string | null;
  refundId: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

interface Row {
  order_id: string;
  notice_no: string;
  item: string;
  amount_fen: number;
  method: 'code' | 'qr';
  state: PaymentState;
  failure: string | null;
  money_returned: number | null;
  pay_called_at: string | null;
  refund_id: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

const fromRow = (r: Row): JournalOrder => ({
  orderId: r.order_id,
  noticeNo: r.notice_no,
  item: r.item,
  amountFen: r.amount_fen,
  method: r.method,
  state: r.state,
  failure: r.failure,
  moneyReturned: r.money_returned === null ? null : r.money_returned === 1,
  payCalledAt: r.pay_called_at,
  refundId: r.refund_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

export class IllegalTransition extends Error {
  constructor(orderId: string, from: PaymentState, to: PaymentState) {
    super(`payment ${orderId}: ${from} → ${to} is not a transition of the payment state machine`);
    this.name = 'IllegalTransition';
  }
}

/**
 * The persisted state of every order. Each change is one transaction (the order row and its event), committed
 * with synchronous=FULL before the caller goes on to the gateway. Illegal transitions are programmer errors and throw.
 */
export class PaymentJournal {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(o: { orderId: string; noticeNo: string; item: string; amountFen: number; method: 'code' | 'qr' }): JournalOrder {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO payment_order (order_id, notice_no, item, amount_fen, method, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'created', ?, ?)`,
        )
        .run(o.orderId, o.noticeNo, o.item, o.amountFen, o.method, at, at);
      this.db.prepare(`INSERT INTO payment_event (order_id, at, from_state, to_state) VALUES (?, ?, NULL, 'created')`).run(o.orderId, at);
    })();
    return this.get(o.orderId)!;
  }

  get(orderId: string): JournalOrder | null {
    const r = this.db.prepare('SELECT * FROM payment_order WHERE order_id = ?').get(orderId) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  move(
    orderId: string,
    to: PaymentState,
    extra: { failure?: string; moneyReturned?: boolean; payCalledAt?: string; refundId?: string; detail?: string } = {},
  ): JournalOrder {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const cur = this.get(orderId);
      if (!cur) throw new Error(`payment ${orderId} is not in the journal`);
      if (cur.state === to && to === 'querying') return; // another round of queries: nothing to record
      if (!canMove(cur.state, to)) throw new IllegalTransition(orderId, cur.state, to);
      this.db
        .prepare(
          `UPDATE payment_order SET state = ?, updated_at = ?,
             failure = COALESCE(?, failure), money_returned = COALESCE(?, money_returned),
             pay_called_at = COALESCE(?, pay_called_at), refund_id = COALESCE(?, refund_id),
             finished_at = CASE WHEN ? THEN ? ELSE finished_at END
           WHERE order_id = ?`,
        )
        .run(
          to,
          at,
          extra.failure ?? null,
          extra.moneyReturned === undefined ? null : extra.moneyReturned ? 1 : 0,
          extra.payCalledAt ?? null,
          extra.refundId ?? null,
          finalStates.includes(to) ? 1 : 0,
          at,
          orderId,
        );
      this.db
        .prepare('INSERT INTO payment_event (order_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)')
        .run(orderId, at, cur.state, to, extra.detail ?? null);
    })();
    return this.get(orderId)!;
  }

  /** Orders not in a final state (paid counts as final), oldest first. */
  unfinished(): JournalOrder[] {
    const marks = finalStates.map(() => '?').join(', ');
    return (
      this.db.prepare(`SELECT * FROM payment_order WHERE state NOT IN (${marks}) ORDER BY created_at`).all(...finalStates) as Row[]
    ).map(fromRow);
  }

  /** Orders created between two instants (reconciliation of one day). */
  between(fromIso: string, toIso: string): JournalOrder[] {
    return (
      this.db
        .prepare('SELECT * FROM payment_order WHERE created_at >= ? AND created_at < ? ORDER BY created_at')
        .all(fromIso, toIso) as Row[]
    ).map(fromRow);
  }

  all(): JournalOrder[] {
    return (this.db.prepare('SELECT * FROM payment_order ORDER BY created_at').all() as Row[]).map(fromRow);
  }

  events(orderId: string): { at: string; from: PaymentState | null; to: PaymentState; detail: string | null }[] {
    return (
      this.db.prepare('SELECT at, from_state, to_state, detail FROM payment_event WHERE order_id = ? ORDER BY id').all(orderId) as {
        at: string;
        from_state: PaymentState | null;
        to_state: PaymentState;
        detail: string | null;
      }[]
    ).map((e) => ({ at: e.at, from: e.from_state, to: e.to_state, detail: e.detail }));
  }
}
