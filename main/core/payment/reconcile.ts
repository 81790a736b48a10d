import type { GatewayOrderState, PaymentStatement } from '../platform/payments.js';
import type { JournalOrder, PaymentJournal } from './journal.js';
import { isFinal, type PaymentState } from './states.js';

/** One order of the day as the journal and the platform each see it. */
export interface ReconciliationRow {
  orderId: string;
  noticeNo: string;
  item: string;
  amountFen: number;
  journalState: PaymentState | null;
  platformState: GatewayOrderState | null;
  agree: boolean;
}

export interface Reconciliation {
  date: string;
  rows: ReconciliationRow[];
  totals: { orders: number; paid: number; paidFen: number; platformPaidFen: number };
  /** Orders whose state the journal and the platform disagree about (an unfinished one counts). */
  disagreements: ReconciliationRow[];
  unfinished: JournalOrder[];
}

/** Which platform states each final journal state agrees with (a failed or closed order may be unknown there). */
const agreeing: Record<PaymentState, readonly (GatewayOrderState | null)[]> = {
  paid: ['paid'],
  reversed: ['reversed'],
  refunded: ['refunded'],
  closed: ['closed', 'reversed', null],
  failed: ['notPaid', 'closed', null],
  created: [],
  awaitingCode: [],
  paying: [],
  userPaying: [],
  querying: [],
  reversing: [],
  refunding: [],
};

/** The instants at which a calendar day begins and ends in a time zone (to pick the journal's orders of that day). */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  const startUtc = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (t: number) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(t)
        .map((x) => [x.type, x.value]),
    );
    return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`) - t;
  };
  const from = startUtc - offsetAt(startUtc);
  const to = startUtc + 86_400_000 - offsetAt(startUtc + 86_400_000);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone: "today" for the terminal. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * 对账 of one day: the journal's orders beside the platform's own statement. Totals count what the journal says was
 * paid and what the platform says; any order they disagree about (or that one side does not know) is listed, and
 * the journal's unfinished orders are named for a re-query (never a manual "mark paid").
 */
export function reconcile(journal: PaymentJournal, statement: PaymentStatement, timeZone: string): Reconciliation {
  const { from, to } = dayBounds(statement.date, timeZone);
  const mine = journal.between(from, to);
  const theirs = new Map(statement.orders.map((o) => [o.orderId, o]));
  const rows: ReconciliationRow[] = mine.map((o) => {
    const p = theirs.get(o.orderId) ?? null;
    theirs.delete(o.orderId);
    const platformState = p?.state ?? null;
    return {
      orderId: o.orderId,
      noticeNo: o.noticeNo,
      item: o.item,
      amountFen: o.amountFen,
      journalState: o.state,
      platformState,
      agree: isFinal(o.state) && agreeing[o.state].includes(platformState) && (p === null || p.amountFen === o.amountFen),
    };
  });
  // orders the platform has and the journal does not: never expected, always shown
  for (const p of theirs.values())
    rows.push({
      orderId: p.orderId,
      noticeNo: p.noticeNo,
      item: '',
      amountFen: p.amountFen,
      journalState: null,
      platformState: p.state,
      agree: false,
    });
  const paid = rows.filter((r) => r.journalState === 'paid');
  return {
    date: statement.date,
    rows,
    totals: {
      orders: rows.length,
      paid: paid.length,
      paidFen: paid.reduce((s, r) => s + r.amountFen, 0),
      platformPaidFen: statement.orders.filter((o) => o.state === 'paid').reduce((s, o) => s + o.amountFen, 0),
    },
    disagreements: rows.filter((r) => !r.agree),
    unfinished: mine.filter((o) => !isFinal(o.state)),
  };
}

const cell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  // quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The day's reconciliation as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese item names). */
export function reconciliationCsv(r: Reconciliation): string {
  const head = ['orderId', 'noticeNo', 'item', 'amountFen', 'journalState', 'platformState', 'agree'];
  const lines = [
    head.join(','),
    ...r.rows.map((x) => [x.orderId, x.noticeNo, x.item, x.amountFen, x.journalState, x.platformState, x.agree].map(cell).join(',')),
  ];
  lines.push(
    ['total', '', '', r.totals.paidFen, `paid ${r.totals.paid}`, `platform ${r.totals.platformPaidFen}`, r.disagreements.length === 0]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
