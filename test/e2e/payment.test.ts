import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import {
  emulatorAction,
  emulatorFault,
  root,
  startKiosk,
  testConfig,
  type RunningKiosk,
  emulatedA4Printer,
  emulatedReceiptPrinter,
} from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `payment-${name}.png`) });

async function emulatorState<T>(name: string): Promise<T> {
  const r = await fetch(`${kiosk.controlPanel}api/emulators`);
  const all = (await r.json()) as { name: string; state: T }[];
  return all.find((e) => e.name === name)!.state;
}
type Ledger = { payments: { ledger: { orderId: string; kind: string; amountFen: number }[] } };
const charges = async () => (await emulatorState<Ledger>('platform')).payments.ledger.filter((e) => e.kind === 'charge').length;

async function typeDigits(text: string) {
  if ((await page.locator('[data-testid="osk"] [data-key="1"]').count()) === 0) await page.getByTestId('osk-layout').click();
  for (const ch of text) await page.locator(`[data-testid="osk"] [data-key="${ch}"]`).click();
}

/** 缴费 tile → type the 缴款码 → the confirmation screen. */
async function openNotice(noticeNo: string) {
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-pay').click();
  await page.locator('[data-testid="flow"][data-flow="pay"]').waitFor();
  await page.getByTestId('pay-notice').waitFor();
  await typeDigits(noticeNo);
  await page.getByTestId('pay-notice-submit').click();
  await page.getByTestId('pay-confirm').waitFor();
}

async function endSession() {
  await page.getByTestId('exit').click();
  await page.getByTestId('confirm-end-yes').click();
  await page.getByTestId('attract').waitFor();
}

let seq = 0;
const freshNotice = () => `3301${String(Date.now() % 1e10).padStart(10, '0')}${String(++seq).padStart(6, '0')}`;

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [
        { id: 'payscan', kind: 'paymentScanner', driver: 'payment-scanner', transport: { type: 'emulator' }, emulator: 'payment-scanner' },
        emulatedA4Printer,
        emulatedReceiptPrinter,
      ],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  await waitForCatalog(page);
});

// a failed test leaves its session open: end it so the next one starts at the attract screen
afterEach(async () => {
  if (await page.getByTestId('attract').isVisible()) return;
  await page.getByTestId('exit').click();
  await page.getByTestId('confirm-end-yes').click();
  await page.getByTestId('attract').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('缴费: paying a 缴款码 at the terminal', () => {
  it('paid at once: the amount large, an explicit confirmation, the code at the scanner, the slip and the printed e-invoice', async () => {
    await openNotice('33010024110000000017');
    await expect.poll(() => page.getByTestId('pay-amount').textContent()).toContain('200.00');
    await shot('confirm');
    const before = await charges();
    // a code shown before the confirmation is not read: nothing is charged without it
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-instant');
    await new Promise((r) => setTimeout(r, 300));
    expect(await charges()).toBe(before);
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    await shot('await');
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-instant');
    await page.getByTestId('pay-paid').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('pay-paid-amount').textContent()).toContain('200.00');
    await page.getByTestId('pay-receipt-printed').waitFor();
    expect(await charges()).toBe(before + 1);
    const slip = (await emulatorState<{ lastReceipt: string }>('printer-escpos')).lastReceipt;
    expect(slip).toMatch(/缴 费 凭 条/); // double size: the text rendering spaces wide characters
    expect(slip).toContain('金 额 ： ￥ 2 0 0 . 0 0');
    expect(slip).toContain('33010024110000000017');
    await page.getByTestId('pay-invoice').waitFor();
    await page.getByTestId('pay-print-invoice').click();
    await page.getByTestId('pay-invoice-printed').waitFor({ timeout: 20_000 });
    await shot('paid');
    await page.getByTestId('pay-paid-next').click();
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await endSession();
  });

  it('after a password: "enter your password on the phone" with a countdown, then paid', async () => {
    await openNotice('33010024110000000025');
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-password');
    await page.getByTestId('pay-waiting').waitFor();
    await expect.poll(() => page.getByTestId('pay-waiting-message').textContent()).toContain('支付密码');
    await page.getByTestId('pay-countdown').waitFor();
    await shot('password');
    await page.getByTestId('pay-paid').waitFor({ timeout: 30_000 });
    await endSession();
  });

  it('insufficient funds: nothing charged, asked for another code at once; the new code pays', async () => {
    await openNotice(freshNotice());
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    const before = await charges();
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-insufficient');
    await expect.poll(() => page.getByTestId('pay-await-message').textContent(), { timeout: 15_000 }).toContain('余额不足，没有扣款');
    await shot('insufficient');
    expect(await charges()).toBe(before);
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'alipay-instant');
    await page.getByTestId('pay-paid').waitFor({ timeout: 20_000 });
    expect(await charges()).toBe(before + 1);
    await endSession();
  });

  it('the resident cancels before showing a code: told in plain words that nothing was charged', async () => {
    await openNotice(freshNotice());
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    await page.getByTestId('pay-cancel').click();
    const failed = page.getByTestId('flow-failure');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toContain('支付已取消，没有扣款');
    // the scanner stopped reading with the wait: a code shown now goes nowhere
    const before = await charges();
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-instant');
    await new Promise((r) => setTimeout(r, 300));
    expect(await charges()).toBe(before);
    await endSession();
  });

  it('gateway down: nothing charged, said so, and the resident can try again later', async () => {
    await openNotice(freshNotice());
    await emulatorFault(kiosk, 'platform', 'gatewayDown', true);
    try {
      await page.getByTestId('pay-by-code').click();
      const failed = page.getByTestId('flow-failure');
      await failed.waitFor({ timeout: 20_000 });
      expect(await failed.textContent()).toContain('支付服务暂时连不上，没有扣款');
      await shot('gateway-down');
    } finally {
      await emulatorFault(kiosk, 'platform', 'gatewayDown', false);
    }
    await endSession();
  });
});

describe('对账 in maintenance (issue 14)', () => {
  it("today's paid order agrees with the platform, nothing unfinished, and the 对账单 prints on the A4 printer", async () => {
    await openNotice(freshNotice());
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-instant');
    await page.getByTestId('pay-paid').waitFor({ timeout: 20_000 });
    await endSession();

    await page.keyboard.press('Control+Alt+m');
    await page.getByTestId('pin-pad').waitFor();
    for (const d of '246810') await page.keyboard.press(d);
    await page.getByTestId('pin-enter').click();
    const panel = page.getByTestId('maint-payments');
    await panel.getByTestId('maint-payments-date').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('maint-payments-date').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await panel.getByTestId('maint-payments-paid').textContent()).toMatch(/^[1-9]\d* · ￥\d+\.\d{2}$/);
    const paidRows = panel.locator('tr[data-agree="true"]', { hasText: '已支付' });
    expect(await paidRows.count()).toBeGreaterThan(0);
    await panel.getByTestId('maint-payments-no-unfinished').waitFor();
    await panel.screenshot({ path: path.join(root, 'test', 'artifacts', 'payment-reconciliation.png') });
    await panel.getByTestId('maint-payments-print').click();
    await expect.poll(() => panel.getByRole('status').last().textContent(), { timeout: 20_000 }).toContain('对账单已输出到 A4 打印机');
    await page.getByTestId('maintenance-exit').click();
    await page.getByTestId('attract').waitFor();
  });
});
