import { Ajv2020 } from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { paymentCodeFor } from '../../emulators/platform/payment-personas.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import {
  fetchPaymentInvoice,
  lookupPaymentNotice,
  platformPaymentGateway,
  type PaymentGatewayPort,
} from '../../main/core/platform/payments.js';
import { root } from '../support/kiosk-process.js';

const doc = parse(readFileSync(path.join(root, 'main', 'core', 'platform', 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ ...doc, $id: 'openapi.json' });
const validator = (name: string) => ajv.getSchema(`openapi.json#/components/schemas/${name}`)!;

const ledgerFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'ledger.jsonl');
let emu: EmulatorHandle;
let client: PlatformClient;
let gw: PaymentGatewayPort;
beforeAll(async () => {
  emu = await platformEmulator.start({ argv: ['--ledger', ledgerFile, '--password-seconds', '0.3', '--reverse-not-before-ms', '400'] });
  client = new PlatformClient({
    baseUrl: emu.address,
    terminalId: 'TEST-PAY1',
    secret: 'emulated-terminal-secret',
    attempts: 1,
    timeoutMs: 3000,
  });
  gw = platformPaymentGateway(client, { payTimeoutMs: 1000 });
});
afterAll(() => emu.close());

const ledger = () =>
  readFileSync(ledgerFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { orderId: string; kind: string; amountFen: number; at: string });
let seq = 0;
const freshNotice = () => `3301${String(Date.now() % 1e10).padStart(10, '0')}${String(++seq).padStart(6, '0')}`;
const order = async () => {
  const noticeNo = freshNotice();
  const n = await lookupPaymentNotice(client, noticeNo);
  const orderId = `T${Date.now()}${++seq}`;
  expect(await gw.createOrder({ orderId, noticeNo, amountFen: n.totalFen })).toEqual({ kind: 'created' });
  return { orderId, amountFen: n.totalFen, noticeNo };
};
const until = async (orderId: string, state: string) => {
  for (let i = 0; i < 50; i++) {
    const q = await gw.query(orderId, 200);
    if (q.kind === 'state' && q.state === state) return;
  }
  throw new Error(`order never ${state}`);
};

describe('payment gateway (platform emulator) through the kiosk client', () => {
  it('looks up a 缴款码: item, masked payer, amount in fen, late fee, due date; replies match the OpenAPI', async () => {
    const n = await lookupPaymentNotice(client, '3301 0024 1100 0000 0033');
    expect(n).toMatchObject({ payer: '张*华', item: '不动产登记费', amountFen: 8000, lateFeeFen: 2400, totalFen: 10400, paid: false });
    expect(validator('PaymentNotice')(n)).toBe(true);
    await expect(lookupPaymentNotice(client, '12345')).rejects.toMatchObject({ code: 'invalidNotice' });
    await expect(lookupPaymentNotice(client, '99990024110000000017')).rejects.toMatchObject({ code: 'noticeNotFound' });
    expect((await lookupPaymentNotice(client, '33010024110000000041')).paid).toBe(true);
  });

  it('creates orders idempotently by the kiosk order id, and refuses a changed amount', async () => {
    const o = await order();
    expect(await gw.createOrder(o)).toEqual({ kind: 'created' });
    expect(await gw.createOrder({ ...o, amountFen: o.amountFen + 1 })).toEqual({ kind: 'refused', reason: 'conflict' });
    expect(await gw.createOrder({ orderId: `X${o.orderId}`, noticeNo: o.noticeNo, amountFen: o.amountFen + 1 })).toEqual({
      kind: 'refused',
      reason: 'amountMismatch',
    });
  });

  it('pays at once, writes one charge to the ledger, and issues the 财政电子票据 with its PDF', async () => {
    const o = await order();
    expect(await gw.payByCode(o.orderId, paymentCodeFor('wechat-instant'))).toEqual({ kind: 'paid' });
    expect(ledger().filter((e) => e.orderId === o.orderId)).toMatchObject([{ kind: 'charge', amountFen: o.amountFen }]);
    const inv = await fetchPaymentInvoice(client, o.orderId);
    expect(inv.invoiceNumber).toMatch(/^\d{10}$/);
    expect(Buffer.from(inv.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const raw = await client.get(`/api/v1/payments/orders/${o.orderId}/invoice`, { schema: z.unknown() });
    expect(validator('PaymentInvoice')(raw), JSON.stringify(validator('PaymentInvoice').errors)).toBe(true);
    // a paid notice cannot be ordered again
    expect(await gw.createOrder({ orderId: `Y${o.orderId}`, noticeNo: o.noticeNo, amountFen: o.amountFen })).toEqual({
      kind: 'refused',
      reason: 'alreadyPaid',
    });
  });

  it('asks for the password (userPaying), then the query sees it paid', async () => {
    const o = await order();
    expect(await gw.payByCode(o.orderId, paymentCodeFor('wechat-password'))).toEqual({ kind: 'userPaying' });
    await until(o.orderId, 'paid');
  });

  it('fails without moving money: insufficient funds, expired code, a code used twice', async () => {
    const o = await order();
    expect(await gw.payByCode(o.orderId, paymentCodeFor('wechat-insufficient'))).toEqual({ kind: 'failed', failure: 'insufficientFunds' });
    const o2 = await order();
    expect(await gw.payByCode(o2.orderId, paymentCodeFor('wechat-expired'))).toEqual({ kind: 'failed', failure: 'codeExpired' });
    const code = paymentCodeFor('alipay-instant');
    const o3 = await order();
    expect(await gw.payByCode(o3.orderId, code)).toEqual({ kind: 'paid' });
    const o4 = await order();
    expect(await gw.payByCode(o4.orderId, code)).toEqual({ kind: 'failed', failure: 'codeInvalid' });
    expect(ledger().filter((e) => [o.orderId, o2.orderId, o4.orderId].includes(e.orderId))).toEqual([]);
  });

  it('refuses a reverse sooner than the rule allows, then reverses; a payer who never confirms is not charged', async () => {
    const o = await order();
    expect(await gw.payByCode(o.orderId, paymentCodeFor('alipay-never'))).toEqual({ kind: 'userPaying' });
    expect(await gw.reverse(o.orderId)).toEqual({ kind: 'retry', reason: 'tooEarly' });
    await new Promise((r) => setTimeout(r, 450)); // the emulator's shrunk 15 s rule
    expect(await gw.reverse(o.orderId)).toEqual({ kind: 'reversed', moneyReturned: false });
    expect(await gw.query(o.orderId)).toEqual({ kind: 'state', state: 'reversed' });
    expect(ledger().filter((e) => e.orderId === o.orderId)).toEqual([]);
  });

  it('the race: the payer confirms between the last query and the reverse; the reverse returns the money', async () => {
    const o = await order();
    expect(await gw.payByCode(o.orderId, paymentCodeFor('wechat-password'))).toEqual({ kind: 'userPaying' });
    await until(o.orderId, 'paid');
    await new Promise((r) => setTimeout(r, 150));
    expect(await gw.reverse(o.orderId)).toEqual({ kind: 'reversed', moneyReturned: true });
    expect(
      ledger()
        .filter((e) => e.orderId === o.orderId)
        .map((e) => e.kind),
    ).toEqual(['charge', 'reverse']);
  });

  it('faults: a system error and a lost reply are unknown although the money moved; the query tells', async () => {
    for (const fault of ['paySystemError', 'payLostReply'] as const) {
      const o = await order();
      emu.setFault(fault, true);
      const r = await gw.payByCode(o.orderId, paymentCodeFor('wechat-instant'));
      emu.setFault(fault, false);
      expect(r.kind).toBe('unknown');
      expect(await gw.query(o.orderId)).toEqual({ kind: 'state', state: 'paid' });
    }
  });

  it('reverse refused while the payer is paying, QR orders closed on timeout, refunds idempotent, statement', async () => {
    const o = await order();
    emu.setFault('reverseRefusedWhilePaying', true);
    await gw.payByCode(o.orderId, paymentCodeFor('alipay-never'));
    await new Promise((r) => setTimeout(r, 450));
    expect(await gw.reverse(o.orderId)).toEqual({ kind: 'retry', reason: 'userPaying' });
    emu.setFault('reverseRefusedWhilePaying', false);
    expect((await gw.reverse(o.orderId)).kind).toBe('reversed');

    const q = await order();
    const qr = await gw.qr(q.orderId);
    expect(qr).toMatchObject({ kind: 'qr', codeUrl: expect.stringContaining(q.orderId) });
    expect(await gw.close(q.orderId)).toEqual({ kind: 'closed' });

    const p = await order();
    await gw.qr(p.orderId);
    await emu.act('scanQr', 'instant');
    expect(await gw.query(p.orderId, 1000)).toEqual({ kind: 'state', state: 'paid' });
    expect(await gw.close(p.orderId)).toEqual({ kind: 'alreadyPaid' });
    expect(await gw.refund(p.orderId, `R${p.orderId}`, p.amountFen)).toEqual({ kind: 'refunded' });
    expect(await gw.refund(p.orderId, `R${p.orderId}`, p.amountFen)).toEqual({ kind: 'refunded' });
    expect(
      ledger()
        .filter((e) => e.orderId === p.orderId)
        .map((e) => e.kind),
    ).toEqual(['charge', 'refund']);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const st = await client.get('/api/v1/payment-statement', { query: { date: today }, schema: z.unknown() });
    expect(validator('PaymentStatement')(st), JSON.stringify(validator('PaymentStatement').errors)).toBe(true);
    expect((st as { orders: { orderId: string; state: string }[] }).orders).toContainEqual(
      expect.objectContaining({ orderId: p.orderId, state: 'refunded' }),
    );
  });

  it('gateway down: every payment call answers an error value, never throws', async () => {
    emu.setFault('gatewayDown', true);
    try {
      expect((await gw.createOrder({ orderId: 'DOWN00001', noticeNo: freshNotice(), amountFen: 100 })).kind).toBe('error');
      expect((await gw.payByCode('DOWN00001', paymentCodeFor('wechat-instant'))).kind).toBe('unknown');
      expect((await gw.query('DOWN00001')).kind).toBe('error');
    } finally {
      emu.setFault('gatewayDown', false);
    }
  });
});
