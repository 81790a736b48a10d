import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaymentJournal } from '../../../main/core/payment/journal.js';
import { openJournalDb } from '../../../main/core/payment/journal-db.js';
import { dayBounds, reconcile, reconciliationCsv } from '../../../main/core/payment/reconcile.js';
import type { PaymentState } from '../../../main/core/payment/states.js';

const paths: Record<string, PaymentState[]> = {
  paid: ['awaitingCode', 'paying', 'paid'],
  reversed: ['awaitingCode', 'paying', 'querying', 'reversing', 'reversed'],
  failed: ['awaitingCode', 'paying', 'failed'],
  querying: ['awaitingCode', 'paying', 'querying'],
};

function journalWith(orders: { id: string; at: string; end: keyof typeof paths; amountFen?: number }[]) {
  const db = openJournalDb(mkdtempSync(path.join(os.tmpdir(), 'recon-')));
  for (const o of orders) {
    const j = new PaymentJournal(db, () => new Date(o.at));
    j.create({ orderId: o.id, noticeNo: '33010024110000000017', item: '交通违法罚款', amountFen: o.amountFen ?? 20000, method: 'code' });
    for (const s of paths[o.end]!) j.move(o.id, s);
  }
  return new PaymentJournal(db);
}

describe('对账: the journal against the platform statement', () => {
  it('takes the day in the terminal zone (Beijing midnight is 16:00 UTC the day before)', () => {
    expect(dayBounds('2026-11-30', 'Asia/Shanghai')).toEqual({ from: '2026-11-29T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
  });

  it('totals, agreement per order, disagreements (a state, an unknown order), unfinished orders, CSV', () => {
    const journal = journalWith([
      { id: 'A-paid', at: '2026-11-30T01:00:00Z', end: 'paid' },
      { id: 'B-reversed', at: '2026-11-30T02:00:00Z', end: 'reversed' },
      { id: 'C-failed', at: '2026-11-30T03:00:00Z', end: 'failed' },
      { id: 'D-open', at: '2026-11-30T04:00:00Z', end: 'querying' },
      { id: 'E-mismatch', at: '2026-11-30T05:00:00Z', end: 'reversed' },
      { id: 'Z-other-day', at: '2026-11-30T17:00:00Z', end: 'paid' },
    ]);
    const st = (orderId: string, state: 'paid' | 'reversed' | 'notPaid' | 'userPaying') => ({
      orderId,
      noticeNo: '33010024110000000017',
      state,
      amountFen: 20000,
      paidAt: null,
    });
    const r = reconcile(
      journal,
      {
        terminal: 'T',
        date: '2026-11-30',
        orders: [
          st('A-paid', 'paid'),
          st('B-reversed', 'reversed'),
          st('C-failed', 'notPaid'),
          st('D-open', 'userPaying'),
          st('E-mismatch', 'paid'),
          st('X-unknown', 'paid'),
        ],
        totals: { orders: 6, paid: 3, paidFen: 60000 },
      },
      'Asia/Shanghai',
    );
    expect(r.rows.map((x) => x.orderId)).toEqual(['A-paid', 'B-reversed', 'C-failed', 'D-open', 'E-mismatch', 'X-unknown']);
    expect(r.totals).toEqual({ orders: 6, paid: 1, paidFen: 20000, platformPaidFen: 60000 });
    expect(r.disagreements.map((x) => x.orderId)).toEqual(['D-open', 'E-mismatch', 'X-unknown']);
    expect(r.unfinished.map((o) => o.orderId)).toEqual(['D-open']);
    const csv = reconciliationCsv(r);
    expect(csv.startsWith('\uFEFForderId,noticeNo,item,amountFen,journalState,platformState,agree\r\n')).toBe(true);
    expect(csv).toContain('E-mismatch,33010024110000000017,交通违法罚款,20000,reversed,paid,false');
    expect(csv).toContain('total,,,20000,paid 1,platform 60000,false');
  });

  it('neutralises spreadsheet formulas in cells', () => {
    const journal = journalWith([]);
    const csv = reconciliationCsv(
      reconcile(
        journal,
        {
          terminal: 'T',
          date: '2026-11-30',
          orders: [{ orderId: '=1+1', noticeNo: 'x', state: 'paid', amountFen: 1, paidAt: null }],
          totals: { orders: 1, paid: 1, paidFen: 1 },
        },
        'Asia/Shanghai',
      ),
    );
    expect(csv).toContain("'=1+1");
  });
});
