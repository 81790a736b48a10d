import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../devices/core/operation.js';
import { ok } from '../../devices/core/result.js';
import { TcpTransport } from '../../devices/core/transports/tcp.js';
import { PaymentCodeScanner } from '../../devices/payment-scanner/driver.js';
import type { ReceiptDocument, ReceiptPrinter } from '../../devices/printer/index.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { paymentScannerEmulator } from '../../emulators/payment-scanner/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { buildFlowRegistry, builtInStepHandlers } from '../../main/core/flows/build.js';
import { FlowEngine } from '../../main/core/flows/flow-engine.js';
import type { FlowState } from '../../main/core/flows/views.js';
import { createLogger } from '../../main/core/log/logger.js';
import { createPayments, type Payments } from '../../main/core/payment/payments.js';
import { PlatformClient } from '../../main/core/platform/client.js';

/** The pay flow on the real engine, payment service, journal and scanner driver, against the emulators. */
let platform: EmulatorHandle;
let scannerEmu: EmulatorHandle;
let scanner: PaymentCodeScanner;
let payments: Payments;
const receipts: ReceiptDocument[] = [];
let holds = 0;

beforeAll(async () => {
  platform = await platformEmulator.start({ argv: ['--password-seconds', '0.2', '--reverse-not-before-ms', '300'] });
  scannerEmu = await paymentScannerEmulator.start({ argv: ['--tcp', '0'] });
  scanner = new PaymentCodeScanner({
    id: 'payscan',
    transport: new TcpTransport({ host: '127.0.0.1', port: Number(/:(\d+)$/.exec(scannerEmu.address)![1]) }),
  });
  await scanner.start();
  await new Promise<void>((resolve) => {
    if (scanner.status().state === 'online') return resolve();
    const off = scanner.onStatus((st) => st.state === 'online' && (off(), resolve()));
  });
  const client = new PlatformClient({
    baseUrl: platform.address,
    terminalId: 'PAYFLOW-1',
    secret: 'emulated-terminal-secret',
    attempts: 1,
    timeoutMs: 3000,
  });
  payments = createPayments({
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'payflow-')),
    platform: client,
    clock: systemClock,
    terminalId: 'PAYFLOW-1',
    log: createLogger({ level: 'silent' }),
    policy: { queryIntervalMs: 100, queryLimitMs: 1500, reverseNotBeforeMs: 300, retryMs: 50, qrWaitMs: 200 },
  });
});
afterAll(async () => {
  payments.close();
  await scanner.stop();
  await scannerEmu.close();
  await platform.close();
});
const engines: FlowEngine[] = [];
afterEach(() => {
  platform.setFault('gatewayDown', false);
  // a run left waiting would keep the one scanner's read (as the kiosk's single engine never does)
  for (const e of engines.splice(0)) e.wipe();
});

function harness() {
  const receiptPrinter = {
    kind: 'receiptPrinter',
    printReceipt: async (d: ReceiptDocument) => (receipts.push(d), ok(undefined)),
  } as unknown as ReceiptPrinter;
  const registry = buildFlowRegistry(
    builtInStepHandlers({
      printer: () => null,
      receiptPrinter: () => receiptPrinter,
      identity: {
        identified: () => null,
        whenIdentified: () => new Promise(() => undefined),
        applicant: () => null,
        cardReader: () => false,
      },
      platform: null,
      outbox: { submit: () => 1 } as never,
      audit: { append: () => undefined } as never,
      terminal: { id: 'PAYFLOW-1', hotline: '12345', timeZone: 'Asia/Shanghai' },
      documents: { a4Slip: async () => new Uint8Array(), receiptSlip: () => ({ blocks: [] }) },
      now: () => new Date(),
      log: createLogger({ level: 'silent' }),
      payments: () => payments,
      paymentScanner: () => scanner,
      holdSession: () => {
        holds++;
        return () => holds--;
      },
    }),
  );
  const waiters = new Set<() => void>();
  const engine = new FlowEngine({
    registry,
    runnable: new Set(['pay']),
    emit: () => {
      for (const w of [...waiters]) w();
    },
    completed: () => undefined,
    activity: () => undefined,
    log: createLogger({ level: 'silent' }),
  });
  engines.push(engine);
  const at = (pred: (s: FlowState) => boolean) =>
    new Promise<FlowState>((resolve) => {
      const check = () => {
        const s = engine.current();
        if (s && pred(s)) {
          waiters.delete(check);
          resolve(s);
        }
      };
      waiters.add(check);
      check();
    });
  const view = (step: string, status: FlowState['status'] = 'waiting') => at((s) => s.view.step === step && s.status === status);
  const answer = (s: FlowState, a: unknown) => engine.answer(s.runId, s.seq, a);
  return { engine, at, view, answer };
}

let seq = 0;
const freshNotice = () => `3301${String(Date.now() % 1e10).padStart(10, '0')}${String(++seq).padStart(6, '0')}`;
const ledger = () => (platform.state().payments as { ledger: { orderId: string; kind: string }[] }).ledger;

async function toAwait(h: ReturnType<typeof harness>, noticeNo: string) {
  h.engine.start('pay', null);
  h.answer(await h.view('payNotice'), { noticeNo });
  const confirm = await h.view('payConfirm');
  h.answer(confirm, { confirm: true, method: 'code' });
  await h.view('payAwait');
  return confirm;
}

describe('the pay flow on the engine', () => {
  it('scanned 缴款码 → confirm → code → paid, slip printed with the amount; the session held until final', async () => {
    const h = harness();
    h.engine.start('pay', null);
    await h.view('payNotice');
    await scannerEmu.act('present', '33010024110000000033');
    const confirm = await h.view('payConfirm');
    expect(confirm.view).toMatchObject({ notice: { item: '不动产登记费', totalFen: 10400, lateFeeFen: 2400, payer: '张*华' } });
    h.answer(confirm, { confirm: true, method: 'code' });
    await h.view('payAwait');
    expect(holds).toBe(1);
    await scannerEmu.act('present', 'wechat-instant');
    const paid = await h.view('payPaid');
    expect(paid.view).toMatchObject({ totalFen: 10400, printed: { receipt: true }, invoice: { invoiceCode: '33060124' } });
    expect(JSON.stringify(receipts.at(-1))).toContain('104.00');
    await new Promise((r) => setTimeout(r, 20));
    expect(holds).toBe(0);
  });

  it('a typed number of the wrong length or unknown stays on the step with a message', async () => {
    const h = harness();
    h.engine.start('pay', null);
    h.answer(await h.view('payNotice'), { noticeNo: '99990024110000000017' });
    const again = await h.at((s) => s.view.step === 'payNotice' && s.status === 'waiting' && s.view.messageKey !== null);
    expect(again.view).toMatchObject({ messageKey: 'pay.error.noticeNotFound' });
  });

  it('insufficient funds: asked for a new code on the same screen; nothing charged; the new code pays', async () => {
    const h = harness();
    await toAwait(h, freshNotice());
    await scannerEmu.act('present', 'wechat-insufficient');
    const again = await h.at((s) => s.view.step === 'payAwait' && s.view.messageKey === 'pay.retry.insufficientFunds');
    expect(again.status).toBe('waiting');
    await scannerEmu.act('present', 'alipay-instant');
    await h.view('payPaid');
  });

  it('a payer who never confirms: the countdown, then reversed; the resident told nothing was charged', async () => {
    const h = harness();
    await toAwait(h, freshNotice());
    await scannerEmu.act('present', 'alipay-never');
    const waiting = await h.at((s) => s.view.step === 'payWaiting' && s.view.passwordAsked);
    expect(waiting.view).toMatchObject({ waitingUntil: expect.any(String) });
    const failed = await h.at((s) => s.status === 'failed');
    expect(failed.failure).toMatchObject({ messageKey: 'pay.result.canceled' });
  });

  it('the resident cancels while the payer is asked for the password: reversed, nothing charged', async () => {
    const h = harness();
    await toAwait(h, freshNotice());
    await scannerEmu.act('present', 'alipay-never');
    const waiting = await h.at((s) => s.view.step === 'payWaiting' && s.view.passwordAsked);
    h.answer(waiting, { cancel: true });
    const failed = await h.at((s) => s.status === 'failed');
    expect(failed.failure?.messageKey).toBe('pay.result.canceled');
    expect(payments.service.journal.unfinished()).toEqual([]);
  });

  it('leaving while the code is awaited closes the order; nothing left open', async () => {
    const h = harness();
    const before = ledger().length;
    await toAwait(h, freshNotice());
    h.engine.leave(h.engine.current()!.runId);
    await new Promise((r) => setTimeout(r, 200));
    expect(payments.service.journal.unfinished()).toEqual([]);
    expect(ledger().length).toBe(before);
  });

  it('QR on screen: the resident scans and pays; another who walks away from the QR leaves no open order', async () => {
    const h = harness();
    h.engine.start('pay', null);
    h.answer(await h.view('payNotice'), { noticeNo: freshNotice() });
    h.answer(await h.view('payConfirm'), { confirm: true, method: 'qr' });
    const qr = await h.at((s) => s.view.step === 'payAwait' && s.view.codeUrl !== null);
    expect(qr.view).toMatchObject({ method: 'qr', codeUrl: expect.stringContaining('/pay/qr/') });
    await platform.act('scanQr', 'instant');
    await h.view('payPaid');

    const g = harness();
    g.engine.start('pay', null);
    g.answer(await g.view('payNotice'), { noticeNo: freshNotice() });
    g.answer(await g.view('payConfirm'), { confirm: true, method: 'qr' });
    await g.at((s) => s.view.step === 'payAwait' && s.view.codeUrl !== null);
    g.engine.leave(g.engine.current()!.runId);
    for (let i = 0; i < 100 && payments.service.journal.unfinished().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(payments.service.journal.unfinished()).toEqual([]);
  });

  it('gateway down: the order cannot be opened; said that nothing was charged', async () => {
    const h = harness();
    h.engine.start('pay', null);
    h.answer(await h.view('payNotice'), { noticeNo: freshNotice() });
    const confirm = await h.view('payConfirm');
    platform.setFault('gatewayDown', true);
    h.answer(confirm, { confirm: true, method: 'code' });
    const failed = await h.at((s) => s.status === 'failed');
    expect(failed.failure).toMatchObject({ messageKey: 'pay.error.gatewayUnavailable', actions: ['retry', 'home'] });
  });
});

describe('对账 against the platform emulator', () => {
  it("the day's orders agree with the platform's own statement; nothing is left unfinished", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const r = await payments.reconcile(today);
    expect(r.rows.length).toBeGreaterThanOrEqual(5);
    expect(r.disagreements).toEqual([]);
    expect(r.unfinished).toEqual([]);
    expect(r.totals.paidFen).toBe(r.totals.platformPaidFen);
  });
});
