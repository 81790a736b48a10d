import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { paymentCodeFor } from '../../emulators/platform/payment-personas.js';
import { PlatformServer } from '../../emulators/platform/server.js';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import { JOURNAL_FILE } from '../../main/core/payment/journal-db.js';
import { finalStates } from '../../main/core/payment/states.js';
import { bundleChild } from '../support/bundle-child.js';

/**
 * `npm run -s bench -- payment-crash --trials N [--ledger FILE]`: N payments against the platform emulator, each
 * with a random payer and gateway fault; the payment service (a child process) is SIGKILLed at a random moment of
 * each, restarted to recover, and the journal is compared with the emulator's ledger. Prints
 * `payment-crash: N trials, C charged twice, L lost, U unresolved`.
 */
const payers = ['wechat-instant', 'wechat-password', 'alipay-never', 'wechat-insufficient', 'alipay-instant'] as const;
const faults = ['paySystemError', 'payLostReply', 'payTimeout', 'reverseRefusedWhilePaying'] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function benchPaymentCrash(): Promise<void> {
  const trials = Number(arg('--trials') ?? 100);
  const work = mkdtempSync(path.join(os.tmpdir(), 'payment-crash-'));
  const ledgerFile = arg('--ledger') ?? path.join(work, 'ledger.jsonl');
  writeFileSync(ledgerFile, '');
  const server = new PlatformServer({
    versions: new CatalogVersions(buildCatalog(1)),
    secret: 'emulated-terminal-secret',
    payments: { ledgerFile, timings: { passwordMs: 100, reverseNotBeforeMs: 150, payTimeoutMs: 400, slowNotificationMs: 30 } },
  });
  const baseUrl = await server.listen();
  // bundled once: a child then starts in ~0.1 s instead of compiling TypeScript every time
  const worker = await bundleChild('test/bench/payment-crash-worker.ts', 'payment-crash');
  const dataDir = path.join(work, 'data');
  const killedIn = new Map<string, number>();
  let killed = 0;
  const started = Date.now();

  for (let t = 0; t < trials; t++) {
    const noticeNo = `3301${String(started % 1e8).padStart(8, '0')}${String(t).padStart(8, '0')}`;
    const payer = payers[Math.floor(Math.random() * payers.length)]!;
    server.payments.faults.clear();
    if (Math.random() < 0.5) server.payments.faults.add(faults[Math.floor(Math.random() * faults.length)]!);
    const child = spawn(process.execPath, [worker, dataDir, baseUrl, 'pay', noticeNo, paymentCodeFor(payer)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const lines = readline.createInterface({ input: child.stdout! });
    // a random moment across the payment: one kill in ten while the order is being opened, the rest after it is open —
    // around the pay call, during queries, during the reverse
    const early = Math.random() < 0.1;
    await new Promise<void>((resolve) =>
      lines.on('line', (l) => (l === (early ? 'READY' : 'ORDER') || l.startsWith('DONE')) && resolve()).once('close', resolve),
    );
    const spans = [10, 40, 150, 600]; // the pay call's first milliseconds weigh as much as the long tail of queries and reverses
    const at = Math.random() * (early ? 60 : spans[Math.floor(Math.random() * spans.length)]!);
    const timer = setTimeout(() => {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        killed++;
        const state = stateOf(dataDir, noticeNo) ?? 'noOrder';
        killedIn.set(state, (killedIn.get(state) ?? 0) + 1);
      }
    }, at);
    await exited;
    clearTimeout(timer);
    server.payments.faults.clear();
    const recover = spawn(process.execPath, [worker, dataDir, baseUrl, 'recover'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const code = await new Promise((resolve) => recover.once('exit', resolve));
    if (code !== 0) throw new Error(`trial ${t}: the recovering payment service exited with ${String(code)}`);
  }

  // compare the journal with the ledger
  const ledger = readFileSync(ledgerFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { orderId: string; kind: 'charge' | 'reverse' | 'refund'; amountFen: number });
  const net = new Map<string, number>();
  for (const e of ledger) net.set(e.orderId, (net.get(e.orderId) ?? 0) + (e.kind === 'charge' ? 1 : -1));
  const db = new Database(path.join(dataDir, JOURNAL_FILE), { readonly: true });
  const orders = db.prepare('SELECT order_id, notice_no, state FROM payment_order').all() as {
    order_id: string;
    notice_no: string;
    state: string;
  }[];
  db.close();
  const byNotice = new Map<string, number>();
  let lost = 0;
  let unresolved = 0;
  let phantom = 0;
  for (const o of orders) {
    const n = net.get(o.order_id) ?? 0;
    byNotice.set(o.notice_no, (byNotice.get(o.notice_no) ?? 0) + n);
    if (n > 0 && o.state !== 'paid') lost++;
    if (n <= 0 && o.state === 'paid') phantom++;
    if (!finalStates.includes(o.state as never)) unresolved++;
  }
  const chargedTwice = [...byNotice.values()].filter((n) => n > 1).length + [...net.values()].filter((n) => n > 1).length;
  const unknownOrders = [...net.keys()].filter((id) => !orders.some((o) => o.order_id === id)).length;
  await server.close();
  const s = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(
    `payment-crash: ${killed} killed mid-payment (${[...killedIn].map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
      `${orders.length} orders, ${ledger.length} ledger entries, ${phantom} told paid without a charge, ` +
      `${unknownOrders} charged orders missing from the journal; ${s} s; ledger ${ledgerFile}\n`,
  );
  console.log(`payment-crash: ${trials} trials, ${chargedTwice} charged twice, ${lost + unknownOrders} lost, ${unresolved} unresolved`);
  if (chargedTwice + lost + unknownOrders + unresolved + phantom > 0) process.exitCode = 1;
}

function stateOf(dataDir: string, noticeNo: string): string | null {
  try {
    const db = new Database(path.join(dataDir, JOURNAL_FILE), { readonly: true });
    const r = db.prepare('SELECT state FROM payment_order WHERE notice_no = ? ORDER BY created_at DESC').get(noticeNo) as
      { state: string } | undefined;
    db.close();
    return r?.state ?? null;
  } catch {
    return null;
  }
}
