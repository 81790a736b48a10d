import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import {
  emulatedA4Printer,
  emulatedDocumentScanner,
  emulatedIdCardReader,
  emulatedReceiptPrinter,
  emulatorAction,
  emulatorFault,
  root,
  startKiosk,
  testConfig,
  type RunningKiosk,
} from '../support/kiosk-process.js';
import { findUnreachable, seriousAxeFindings, setLanguage, settle } from '../support/layout-check.js';

/**
 * A village station at night: the kiosk synced once (catalog, and with it the forms of its apply matters), then the
 * platform went away. A resident applies for 失业登记 from the very start — the form from the terminal's cache, the
 * e-licences said to be unavailable, the paper brought later (容缺) — and leaves with a receipt that says saved, not
 * submitted. The platform comes back and receives the application exactly once.
 */

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `apply-offline-${name}.png`) });

type Applications = {
  casesOpened: number;
  deliveriesByKey: Record<string, number>;
  sms: { to: string; text: string }[];
};
async function platformState(): Promise<{ applications: Applications; recentRequests: { path: string; status: number }[] }> {
  const r = await fetch(`${kiosk.controlPanel}api/emulators`);
  const all = (await r.json()) as {
    name: string;
    state: { applications: Applications; recentRequests: { path: string; status: number }[] };
  }[];
  return all.find((e) => e.name === 'platform')!.state;
}

async function typeKeys(text: string) {
  for (const ch of text) await page.locator(`[data-testid="frame-dock"] [data-key="${ch}"]`).first().click();
}
async function nextGroup(expected: string) {
  await page.getByTestId('form-next').click();
  await page.locator(`[data-testid="apply-form"][data-group="${expected}"]`).waitFor();
}
async function sign() {
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.7);
  await page.mouse.down();
  for (const [x, y] of [
    [0.25, 0.3],
    [0.35, 0.75],
    [0.5, 0.25],
    [0.62, 0.7],
    [0.8, 0.35],
  ] as const)
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 8 });
  await page.mouse.up();
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 600, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [emulatedIdCardReader, emulatedA4Printer, emulatedReceiptPrinter, emulatedDocumentScanner],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  await waitForCatalog(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('办事 with the platform down from the start', () => {
  it(
    '失业登记: cached form, no e-licences, 容缺, signed → saved, not submitted; delivered once when the platform is back',
    { timeout: 240_000 },
    async () => {
      // after the sync the kiosk fetched the forms of its apply matters (it says so in its log); then the night falls
      await expect.poll(() => kiosk.stderr().includes('apply forms cached for offline use'), { timeout: 60_000, interval: 250 }).toBe(true);
      const before = (await platformState()).applications;
      await emulatorFault(kiosk, 'platform', 'offline', true);

      // the card, the matter, 在本机办理 — all on the terminal
      await page.getByTestId('attract').waitFor();
      await emulatorAction(kiosk, 'idcard', 'place', 'adult');
      await page.getByTestId('identify-greeting').waitFor();
      await emulatorAction(kiosk, 'idcard', 'remove');
      await page.getByTestId('search').click();
      for (const k of 'sydj') await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
      const hit = page.getByTestId('search-results').getByTestId('matter').filter({ hasText: '失业登记' }).first();
      await hit.waitFor();
      await hit.click();
      await page.getByTestId('do-here').click();

      // 一次告知 from the cached form; the e-licences cannot be looked up, so paper it is
      await page.getByTestId('apply-guide').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('guide-licences-unavailable').textContent()).resolves.toContain('现在查不到您的电子证照');
      // this resident holds a 居住证 e-licence; tonight it cannot stand in for the permit copy
      expect(await page.getByTestId('guide-material-permit').getAttribute('data-licence')).toBe('no');
      expect(await page.getByTestId('guide-material-termination').getAttribute('data-licence')).toBe('no');
      await shot('guide');
      // the notice is reachable and passes axe, in Chinese and in Uyghur (right to left)
      for (const language of ['ug', 'zh-CN'] as const) {
        await setLanguage(page, language);
        await settle(page);
        expect(await findUnreachable(page), language).toEqual([]);
        expect(await seriousAxeFindings(page), language).toEqual([]);
      }
      await page.getByTestId('apply-start').click();

      // no e-licences screen: straight to the form
      await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('apply-licences').count()).toBe(0);
      await page.getByTestId('input-phone').click();
      await typeKeys('13912345678');
      await nextGroup('residence');
      await page.getByTestId('region-310000').click();
      await page.getByTestId('region-310106').click();
      await page.getByTestId('input-residenceAddress').click();
      await page.getByTestId('osk-lang').click();
      await typeKeys('abc');
      await nextGroup('employment');
      await page.getByTestId('input-lastEmployer').click();
      await page.getByTestId('osk-lang').click();
      await typeKeys('abc');
      await page.getByTestId('input-contractEnd').click();
      await typeKeys('20261031');
      await page.getByTestId('option-reason-01').click();
      await page.getByTestId('option-education-04').click();
      await page.getByTestId('input-wantsWork').click();
      await page.getByTestId('form-next').click();

      // materials: no e-licence to offer; the termination proof is brought later (容缺)
      await page.getByTestId('materials').waitFor();
      expect(await page.getByTestId('use-licence').count()).toBe(0);
      await page.getByTestId('defer').click();
      await page.locator('[data-testid="materials"][data-choice="deferred"]').waitFor();
      await page.getByTestId('materials-done').click();
      await page.getByTestId('apply-review').waitFor();
      await page.getByTestId('review-confirm').click();
      await page.getByTestId('apply-commitment').waitFor();
      await sign();
      await page.getByTestId('signature-confirm').click();

      // saved on the terminal, and said to be exactly that
      await page.getByTestId('apply-receipt').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('apply-receipt').getAttribute('data-outcome')).toBe('queued');
      await expect(page.getByTestId('receipt-queued').textContent()).resolves.toBe('已保存，网络恢复后自动提交');
      const reference = (await page.getByTestId('receipt-local-reference').textContent())!.replace(/\s/g, '');
      expect(reference).toMatch(/^ZD[0-9A-F]{10}$/);
      expect(await page.getByTestId('apply-receipt').textContent()).not.toMatch(/已受理|已提交/);
      await page.getByTestId('receipt-printed-slip').waitFor();
      await shot('queued');
      await page.getByTestId('receipt-next').click();
      await page.getByTestId('flow-done').waitFor();
      await page.getByTestId('exit').click();
      await page.getByTestId('confirm-end-yes').click();
      await page.getByTestId('attract').waitFor();

      // nothing reached the platform while it was down
      const during = (await platformState()).applications;
      expect(during.casesOpened).toBe(before.casesOpened);
      expect(during.deliveriesByKey).toEqual(before.deliveriesByKey);

      // the platform comes back: the outbox delivers the application, once
      await emulatorFault(kiosk, 'platform', 'offline', false);
      await expect
        .poll(async () => (await platformState()).applications.casesOpened, { timeout: 90_000, interval: 1000 })
        .toBe(before.casesOpened + 1);
      const after = (await platformState()).applications;
      const newKeys = Object.keys(after.deliveriesByKey).filter((k) => !(k in before.deliveriesByKey));
      expect(newKeys.map((k) => after.deliveriesByKey[k])).toEqual([1]);
      // the case number follows by SMS, naming the local reference on the receipt
      expect(after.sms.at(-1)?.text).toContain(reference);
      expect(after.sms.at(-1)?.text).toContain('失业登记');
    },
  );
});
