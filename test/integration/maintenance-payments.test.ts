import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { systemClock } from '../../devices/core/operation.js';
import { ok } from '../../devices/core/result.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { platformEmulator } from '../../emulators/platform/emulator.js';
import { paymentCodeFor } from '../../emulators/platform/payment-personas.js';
import { maintenancePaymentHandlers } from '../../main/bridge/handlers/maintenance-payments.js';
import type { Kiosk } from '../../main/core/kiosk.js';
import { createLogger } from '../../main/core/log/logger.js';
import { createPayments, type Payments } from '../../main/core/payment/payments.js';
import { dayIn } from '../../main/core/payment/reconcile.js';
import { PlatformClient } from '../../main/core/platform/client.js';
import { lookupPaymentNotice } from '../../main/core/platform/payments.js';
import { root, testConfig } from '../support/kiosk-process.js';

/** 对账 from maintenance and from the diag CLI, on the real journal against the platform emulator's statement. */
const terminalId = 'RECON-1';
const timeZone = 'Asia/Shanghai';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'recon-maint-'));
let platform: EmulatorHandle;
let payments: Payments;
let client: PlatformClient;
let paidId = '';
let openId = '';
const audit: { type: string; detail: Record<string, unknown> }[] = [];
const printed: Uint8Array[] = [];
let mode: 'maintenance' | 'resident' = 'resident';

const kioskWith = (current: () => Payments) =>
  ({
    session: { snapshot: () => ({ mode, phase: 'active' }), activity: () => undefined },
    get payments() {
      return current();
    },
    config: { terminal: { id: terminalId, timeZone } },
    devices: {
      all: () => [{ kind: 'certificatePrinter', print: async (pdf: Uint8Array) => (printed.push(pdf), ok({ jobId: 1, pages: 1 })) }],
    },
    audit: { append: (type: string, detail: Record<string, unknown>) => audit.push({ type, detail }) },
    log: createLogger({ level: 'silent' }),
  }) as unknown as Kiosk;
const handlers = maintenancePaymentHandlers(
  kioskWith(() => payments),
  { requeryAnswerWithinMs: 5000 },
);
const today = dayIn(new Date(), timeZone);

let seq = 0;
const freshNotice = () => `3301${String(Date.now() % 1e10).padStart(10, '0')}${String(++seq).padStart(6, '0')}`;

beforeAll(async () => {
  platform = await platformEmulator.start({ argv: ['--reverse-not-before-ms', '300'] });
  client = new PlatformClient({ baseUrl: platform.address, terminalId, secret: 'emulated-terminal-secret', attempts: 1, timeoutMs: 3000 });
  payments = createPayments({
    dataDir,
    platform: client,
    clock: systemClock,
    terminalId,
    timeZone,
    log: createLogger({ level: 'silent' }),
    policy: { queryIntervalMs: 100, queryLimitMs: 1500, reverseNotBeforeMs: 300, retryMs: 50 },
  });
  const open = async () => {
    const n = await lookupPaymentNotice(client, freshNotice());
    const r = await payments.service.open({ noticeNo: n.noticeNo, item: n.item, amountFen: n.totalFen });
    if (!r.ok) throw new Error(r.code);
    return { orderId: r.orderId, amountFen: n.totalFen };
  };
  const paid = await open();
  paidId = paid.orderId;
  expect(await payments.service.payByCode(paidId, paymentCodeFor('wechat-instant'))).toMatchObject({ state: 'paid' });
  // opened at the platform, never paid: left waiting for a code as after a crash
  openId = (await open()).orderId;
  // the journal says paid, the platform never heard of it: a disagreement
  const j = payments.service.journal;
  j.create({ orderId: 'GHOST-1', noticeNo: freshNotice(), item: '考试费', amountFen: 5000, method: 'code' });
  for (const s of ['awaitingCode', 'paying', 'paid'] as const) j.move('GHOST-1', s);
});
afterAll(async () => {
  payments.close();
  await platform.close();
});

describe('maintenance 对账', () => {
  it('is refused while maintenance is locked, and changes nothing', async () => {
    mode = 'resident';
    await expect(handlers['maintenance.payments']({})).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await expect(handlers['maintenance.paymentRequery']({ orderId: openId })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await expect(handlers['maintenance.reconciliationPrint']({ date: today })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(payments.service.journal.get(openId)!.state).toBe('awaitingCode');
    expect(printed).toHaveLength(0);
  });

  it("shows today's orders, totals, the disagreement and the unfinished order; a re-query settles it", async () => {
    mode = 'maintenance';
    const r = await handlers['maintenance.payments']({});
    expect(r.date).toBe(today);
    expect(r.statementAvailable).toBe(true);
    const paid = payments.service.journal.get(paidId)!;
    expect(r.totals).toMatchObject({ orders: 3, paid: 2, paidFen: paid.amountFen + 5000, platformPaidFen: paid.amountFen });
    expect(r.disagreements.map((d) => d.orderId).sort()).toEqual(['GHOST-1', openId].sort());
    expect(r.unfinished).toEqual([expect.objectContaining({ orderId: openId, state: 'awaitingCode' })]);
    expect(JSON.stringify(r)).not.toMatch(/payer|idNumber/i);

    const q = await handlers['maintenance.paymentRequery']({ orderId: openId });
    expect(q).toMatchObject({ orderId: openId, state: 'closed', final: true });
    expect(audit).toContainEqual({ type: 'maintenance.paymentRequery', detail: { orderId: openId } });
    const after = await handlers['maintenance.payments']({ date: today });
    expect(after.unfinished).toEqual([]);
    expect(after.disagreements.map((d) => d.orderId)).toEqual(['GHOST-1']);
    await expect(handlers['maintenance.paymentRequery']({ orderId: 'NOPE' })).rejects.toMatchObject({ error: { code: 'badParams' } });
  });

  it('prints the 对账单 on the A4 printer', async () => {
    mode = 'maintenance';
    expect(await handlers['maintenance.reconciliationPrint']({ date: today })).toEqual({ result: 'printed', messageKey: null });
    expect(Buffer.from(printed[0]!.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it("without the platform's statement: the terminal's side only, no disagreements claimed, and no 对账单 printed", async () => {
    mode = 'maintenance';
    // the same journal, with a platform nobody answers at
    const offline = createPayments({
      dataDir,
      platform: new PlatformClient({
        baseUrl: 'http://127.0.0.1:9',
        terminalId,
        secret: 'emulated-terminal-secret',
        attempts: 1,
        timeoutMs: 500,
      }),
      clock: systemClock,
      terminalId,
      timeZone,
      log: createLogger({ level: 'silent' }),
    });
    try {
      const h = maintenancePaymentHandlers(kioskWith(() => offline));
      const r = await h['maintenance.payments']({ date: today });
      expect(r).toMatchObject({ statementAvailable: false, disagreements: [], totals: { orders: 3, platformPaidFen: null } });
      expect(r.rows.find((x) => x.orderId === 'GHOST-1')).toMatchObject({ journalState: 'paid', platformState: null });
      const before = printed.length;
      expect(await h['maintenance.reconciliationPrint']({ date: today })).toEqual({
        result: 'failed',
        messageKey: 'maintenance.payments.printNeedsStatement',
      });
      expect(printed).toHaveLength(before);
    } finally {
      offline.close();
    }
  });

  it('diag payments reconcile prints the JSON, writes the CSV and exits 1 for the disagreement', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recon-cli-'));
    const config = path.join(dir, 'kiosk.yaml');
    writeFileSync(
      config,
      stringify(
        testConfig({
          terminal: { id: terminalId, name: '对账终端', outlet: '测试网点', timeZone },
          platform: { url: platform.address, secret: 'emulated-terminal-secret' },
        }),
      ),
    );
    const csv = path.join(dir, 'recon.csv');
    // asynchronously: the platform emulator answers from this process
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
        execFile(
          path.join(root, 'node_modules', '.bin', 'tsx'),
          [path.join(root, 'main/diag/cli.ts'), 'payments', ...args],
          (e, stdout, stderr) => resolve({ status: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr }),
        ),
      );
    const r = await run('reconcile', '--date', today, '--csv', csv, '--data-dir', dataDir, '--config', config);
    expect(r.stderr).toContain('1 order(s) disagree');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { date: string; disagreements: { orderId: string }[]; totals: { orders: number } };
    expect(out).toMatchObject({ date: today, totals: { orders: 3 } });
    expect(out.disagreements.map((d) => d.orderId)).toEqual(['GHOST-1']);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF'), 'a BOM so spreadsheet programs read the Chinese item names').toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('orderId,noticeNo,item,amountFen,journalState,platformState,agree');
    expect(lines.find((l) => l.startsWith('GHOST-1'))).toContain(',paid,,false');
    expect((await run('reconcile', '--date', '30/11/2026')).status).toBe(2);
    expect((await run('reconcile', '--data-dir', mkdtempSync(path.join(os.tmpdir(), 'empty-')), '--config', config)).status).toBe(2);
  });
});
