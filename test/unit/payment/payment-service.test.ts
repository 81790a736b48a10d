import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../devices/core/operation.js';
import { PaymentJournal } from '../../../main/core/payment/journal.js';
import { openJournalDb } from '../../../main/core/payment/journal-db.js';
import { PaymentService, type PaymentOutcome } from '../../../main/core/payment/payment-service.js';
import type { Db } from '../../../main/core/store/db.js';
import { FakeGateway } from './fake-gateway.js';

// vitest's fake timers stand in for time: the clock, the journal's timestamps and every wait
const clock: Clock = { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as never) };
const notice = { noticeNo: '33010024110000000017', item: '交通违法罚款', amountFen: 20000 };

let dir: string;
let db: Db;
let gw: FakeGateway;
let svc: PaymentService;
const service = () => new PaymentService({ journal: new PaymentJournal(db), gateway: gw, clock, terminalId: 'KIOSK-0001' });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T02:00:00Z') });
  dir = mkdtempSync(path.join(os.tmpdir(), 'payjournal-'));
  db = openJournalDb(dir);
  gw = new FakeGateway();
  svc = service();
});
afterEach(() => {
  svc.stop();
  db.close();
  vi.useRealTimers();
});

const opened = async () => {
  const r = await svc.open(notice);
  if (!r.ok) throw new Error(r.code);
  return r.orderId;
};
/** Lets the service run until `p` settles, moving fake time along. */
const finish = async (p: Promise<PaymentOutcome>, maxMs = 120_000): Promise<PaymentOutcome> => {
  let done: PaymentOutcome | undefined;
  void p.then((o) => (done = o));
  for (let t = 0; t < maxMs && !done; t += 100) await vi.advanceTimersByTimeAsync(100);
  if (!done) throw new Error('the order never became final');
  return done;
};
const states = (orderId: string) => svc.journal.events(orderId).map((e) => e.to);
const secondsAfterPay = (op: string) => (gw.calls.find((c) => c.op === op)!.at - gw.calls.find((c) => c.op === 'pay')!.at) / 1000;

describe('payment journal: replies of the pay call', () => {
  it('paid at once: the journal says paying (with the time) before the pay call leaves, then paid', async () => {
    const id = await opened();
    let seen: unknown;
    gw.onPay = (o) => (seen = svc.journal.get(o));
    expect(await svc.payByCode(id, '134567890123456789')).toEqual({ orderId: id, state: 'paid' });
    expect(seen).toMatchObject({ state: 'paying', payCalledAt: '2026-11-30T02:00:00.000Z' });
    expect(states(id)).toEqual(['created', 'awaitingCode', 'paying', 'paid']);
    expect(gw.ops()).toEqual(['create', 'pay']);
  });

  it('failed (insufficient funds): final at once, no query, no reverse, no money moved', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'failed', failure: 'insufficientFunds' }];
    expect(await svc.payByCode(id, '134567890123456789')).toEqual({ orderId: id, state: 'failed', failure: 'insufficientFunds' });
    expect(gw.ops()).toEqual(['create', 'pay']);
  });

  it('user paying: queries every 3 s until the payer confirms, then paid', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [
      { kind: 'state', state: 'userPaying' },
      { kind: 'state', state: 'userPaying' },
      { kind: 'state', state: 'paid' },
    ];
    const progress: boolean[] = [];
    svc.onProgress((p) => progress.push(p.passwordAsked));
    expect(await finish(svc.payByCode(id, '134567890123456789'))).toEqual({ orderId: id, state: 'paid' });
    const q = gw.calls.filter((c) => c.op === 'query').map((c) => c.at);
    expect(q[1]! - q[0]!).toBe(3000);
    expect(states(id)).toEqual(['created', 'awaitingCode', 'paying', 'userPaying', 'querying', 'paid']);
    expect(progress).toContain(true); // the screen was told to ask for the password
    expect(gw.count('reverse')).toBe(0);
  });

  it('a payer who never confirms: queries up to 30 s, then reverses; nothing charged', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [{ kind: 'state', state: 'userPaying' }];
    expect(await finish(svc.payByCode(id, '134567890123456789'))).toEqual({ orderId: id, state: 'reversed', moneyReturned: false });
    expect(secondsAfterPay('reverse')).toBeGreaterThanOrEqual(30);
    expect(gw.count('query')).toBeGreaterThanOrEqual(9);
    expect(states(id).slice(-2)).toEqual(['reversing', 'reversed']);
  });

  it.each([
    ['system error', 'HTTP 500 systemError'],
    ['timeout', 'no reply within 10000 ms'],
    ['lost reply', 'socket hang up'],
  ])('unknown result (%s): queried, found paid', async (_name, detail) => {
    const id = await opened();
    gw.pay = [{ kind: 'unknown', detail }];
    gw.queries = [{ kind: 'state', state: 'paid' }];
    expect(await finish(svc.payByCode(id, '134567890123456789'))).toEqual({ orderId: id, state: 'paid' });
    expect(gw.count('pay')).toBe(1);
  });

  it('gateway down after the pay call: queries fail, the reverse is repeated until it answers', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'unknown', detail: 'ECONNREFUSED' }];
    gw.queries = [{ kind: 'error', detail: 'ECONNREFUSED' }];
    gw.reverses = [
      { kind: 'error', detail: 'ECONNREFUSED' },
      { kind: 'error', detail: 'timeout' },
      { kind: 'error', detail: 'timeout' },
      { kind: 'reversed', moneyReturned: true },
    ];
    expect(await finish(svc.payByCode(id, '134567890123456789'))).toEqual({ orderId: id, state: 'reversed', moneyReturned: true });
    expect(gw.count('reverse')).toBe(4);
    expect(gw.count('pay')).toBe(1);
  });

  it('the race: the payer confirms between the last query and the reverse; the money is returned and said so', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [{ kind: 'state', state: 'userPaying' }];
    gw.reverses = [{ kind: 'reversed', moneyReturned: true }];
    expect(await finish(svc.payByCode(id, '134567890123456789'))).toEqual({ orderId: id, state: 'reversed', moneyReturned: true });
    expect(svc.journal.get(id)?.moneyReturned).toBe(true);
  });

  it('reverse refused while the payer is paying ("retry"): repeated with back-off until reversed', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [{ kind: 'state', state: 'userPaying' }];
    gw.reverses = [
      { kind: 'retry', reason: 'userPaying' },
      { kind: 'retry', reason: 'userPaying' },
      { kind: 'reversed', moneyReturned: false },
    ];
    expect((await finish(svc.payByCode(id, '134567890123456789'))).state).toBe('reversed');
    const r = gw.calls.filter((c) => c.op === 'reverse').map((c) => c.at);
    expect([r[1]! - r[0]!, r[2]! - r[1]!]).toEqual([2000, 4000]);
  });

  it('a query that says the order was closed or reversed by the gateway is recorded as such', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [{ kind: 'state', state: 'reversed' }];
    expect(await finish(svc.payByCode(id, 'x'))).toEqual({ orderId: id, state: 'reversed', moneyReturned: false });
    expect(gw.count('reverse')).toBe(0);
  });
});

describe('payment journal: the resident and the rules', () => {
  it('cancel while waiting for the password: never reversed sooner than 15 s after the pay call', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [{ kind: 'state', state: 'userPaying' }];
    const pay = svc.payByCode(id, '134567890123456789');
    await vi.advanceTimersByTimeAsync(2000);
    const canceled = svc.cancel(id);
    expect(await finish(canceled)).toEqual({ orderId: id, state: 'reversed', moneyReturned: false });
    expect(await pay).toEqual({ orderId: id, state: 'reversed', moneyReturned: false });
    expect(secondsAfterPay('reverse')).toBe(15);
  });

  it('cancel before any code: the order is closed, no pay is ever sent', async () => {
    const id = await opened();
    expect(await finish(svc.cancel(id))).toEqual({ orderId: id, state: 'closed' });
    expect(gw.ops()).toEqual(['create', 'close']);
    await expect(svc.payByCode(id, '134567890123456789')).rejects.toThrow(/pay asked in state closed/);
  });

  it('pay is never sent twice for one order', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'failed', failure: 'insufficientFunds' }];
    await svc.payByCode(id, '134567890123456789');
    await expect(svc.payByCode(id, '134567890123456790')).rejects.toThrow(/pay asked in state failed/);
    expect(gw.count('pay')).toBe(1);
  });

  it('one open order per notice: going back and confirming again while the payer types the password opens no second order', async () => {
    const id = await opened();
    gw.pay = [{ kind: 'userPaying' }];
    gw.queries = [{ kind: 'state', state: 'userPaying' }];
    const pay = svc.payByCode(id, '134567890123456789');
    await vi.advanceTimersByTimeAsync(1000);
    expect(await svc.open(notice)).toEqual({ ok: false, code: 'inProgress', messageKey: 'pay.error.inProgress' });
    expect(gw.count('create')).toBe(1);
    await finish(pay);
    expect((await svc.open(notice)).ok).toBe(true); // once the first is final, the notice can be paid again
  });

  it('the gateway refuses an order (notice already paid): failed with a message key, nothing to pay', async () => {
    gw.create = [{ kind: 'refused', reason: 'alreadyPaid' }];
    expect(await svc.open(notice)).toEqual({ ok: false, code: 'alreadyPaid', messageKey: 'pay.error.alreadyPaid' });
  });

  it('the create call gets no answer: the order is closed in the background, the resident told the gateway is down', async () => {
    gw.create = [{ kind: 'error', detail: 'ECONNREFUSED' }];
    gw.closes = [{ kind: 'error', detail: 'ECONNREFUSED' }, { kind: 'notFound' }];
    expect(await svc.open(notice)).toMatchObject({ ok: false, code: 'gatewayUnavailable' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(svc.journal.unfinished()).toEqual([]);
    expect(svc.journal.all()[0]?.state).toBe('closed');
  });

  it('QR on screen: the code URL is shown, the notification (long poll) says paid', async () => {
    const id = (await svc.open(notice, 'qr')) as { orderId: string };
    gw.queries = [
      { kind: 'state', state: 'notPaid' },
      { kind: 'state', state: 'paid' },
    ];
    let url = '';
    expect(await finish(svc.payByQr(id.orderId, (u) => (url = u)))).toEqual({ orderId: id.orderId, state: 'paid' });
    expect(url).toContain(id.orderId);
  });

  it('QR never scanned: canceled after the QR timeout', async () => {
    const id = (await svc.open(notice, 'qr')) as { orderId: string };
    expect(
      await finish(
        svc.payByQr(id.orderId, () => undefined),
        200_000,
      ),
    ).toMatchObject({ state: 'reversed' });
    expect((gw.calls.find((c) => c.op === 'reverse')!.at - gw.calls.find((c) => c.op === 'qr')!.at) / 1000).toBeGreaterThanOrEqual(120);
  });

  it('refund of a paid order: refunding written first, repeated until the gateway answers', async () => {
    const id = await opened();
    await svc.payByCode(id, '134567890123456789');
    gw.refunds = [{ kind: 'error', detail: 'timeout' }, { kind: 'refunded' }];
    expect(await finish(svc.refund(id))).toEqual({ orderId: id, state: 'refunded' });
    expect(states(id).slice(-3)).toEqual(['paid', 'refunding', 'refunded']);
  });

  it('refuses a transition the state machine does not have', () => {
    const j = svc.journal;
    j.create({ orderId: 'ILLEGAL01', ...notice, method: 'code' });
    expect(() => j.move('ILLEGAL01', 'paid')).toThrow(/created → paid/);
  });
});

describe('payment journal: start-up after a crash', () => {
  const leftIn = (
    state: 'created' | 'awaitingCode' | 'paying' | 'userPaying' | 'querying' | 'reversing' | 'refunding',
    payAgoMs = 1000,
  ) => {
    const j = new PaymentJournal(db);
    const orderId = `CRASH-${state}`;
    j.create({ orderId, ...notice, method: 'code' });
    const path: Record<string, string[]> = {
      created: [],
      awaitingCode: ['awaitingCode'],
      paying: ['awaitingCode', 'paying'],
      userPaying: ['awaitingCode', 'paying', 'userPaying'],
      querying: ['awaitingCode', 'paying', 'querying'],
      reversing: ['awaitingCode', 'paying', 'querying', 'reversing'],
      refunding: ['awaitingCode', 'paying', 'paid', 'refunding'],
    };
    const payCalledAt = new Date(Date.now() - payAgoMs).toISOString();
    for (const s of path[state]!)
      j.move(orderId, s as never, s === 'paying' ? { payCalledAt } : s === 'refunding' ? { refundId: 'RF-1' } : {});
    return orderId;
  };

  it('killed right after the pay call left: queried, found paid, completed — not paid again', async () => {
    const id = leftIn('paying');
    gw.queries = [{ kind: 'state', state: 'paid' }];
    const restarted = service();
    const outcomes = resume(restarted);
    expect(await outcomes).toEqual([{ orderId: id, state: 'paid' }]);
    expect(gw.count('pay')).toBe(0);
  });

  it('killed before the pay call reached the gateway: queried until the limit, then reversed', async () => {
    const id = leftIn('paying');
    const outcomes = await resume(service());
    expect(outcomes).toEqual([{ orderId: id, state: 'reversed', moneyReturned: false }]);
    expect(gw.count('pay')).toBe(0);
  });

  it('killed long ago mid-query: one query, then reversed at once', async () => {
    leftIn('querying', 10 * 60_000);
    await resume(service());
    expect(gw.ops()).toEqual(['query', 'reverse']);
  });

  it('every unfinished state is driven to a final one; nothing is left open', async () => {
    for (const s of ['created', 'awaitingCode', 'userPaying', 'reversing', 'refunding'] as const) leftIn(s);
    const outcomes = await resume(service());
    expect(outcomes.map((o) => o.state).sort()).toEqual(['closed', 'closed', 'refunded', 'reversed', 'reversed']);
    expect(new PaymentJournal(db).unfinished()).toEqual([]);
  });
});

async function resume(s: PaymentService): Promise<PaymentOutcome[]> {
  svc.stop();
  svc = s;
  let done: PaymentOutcome[] | undefined;
  void s.resumeAll().then((o) => (done = o));
  for (let t = 0; t < 120_000 && !done; t += 100) await vi.advanceTimersByTimeAsync(100);
  if (!done) throw new Error('recovery did not finish');
  return done;
}
