import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyJourney, platformApplications } from '../support/apply-journey.js';
import { openKioskPage } from '../support/kiosk-page.js';
import { applyTestConfig, emulatorFault, root, type RunningKiosk } from '../support/kiosk-process.js';
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
let journey: ReturnType<typeof applyJourney>;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `apply-offline-${name}.png`) });

beforeAll(async () => {
  ({ kiosk, browser, page } = await openKioskPage(applyTestConfig()));
  journey = applyJourney(page, kiosk);
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
      const before = await platformApplications(kiosk);
      await emulatorFault(kiosk, 'platform', 'offline', true);

      // the card, the matter, 在本机办理 — all on the terminal; 一次告知 from the cached form; the e-licences cannot be
      // looked up, so paper it is
      await journey.startApplying('adult', 'sydj', '失业登记', 30_000);
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
      await journey.answerUnemploymentForm();

      // materials: no e-licence to offer; the termination proof is brought later (容缺)
      await page.getByTestId('materials').waitFor();
      expect(await page.getByTestId('use-licence').count()).toBe(0);
      await journey.deferMaterial();
      await page.getByTestId('materials-done').click();
      await journey.confirmReview();
      await journey.signCommitment();
      await page.getByTestId('signature-confirm').click();

      // saved on the terminal, and said to be exactly that
      expect(await journey.receiptOutcome(60_000)).toBe('queued');
      await expect(page.getByTestId('receipt-queued').textContent()).resolves.toBe('已保存，网络恢复后自动提交');
      const reference = await journey.localReference();
      expect(reference).toMatch(/^ZD[0-9A-F]{10}$/);
      expect(await page.getByTestId('apply-receipt').textContent()).not.toMatch(/已受理|已提交/);
      await page.getByTestId('receipt-printed-slip').waitFor();
      await shot('queued');
      await journey.leaveReceipt('none');
      await journey.endSession();

      // nothing reached the platform while it was down
      const during = await platformApplications(kiosk);
      expect(during.casesOpened).toBe(before.casesOpened);
      expect(during.deliveriesByKey).toEqual(before.deliveriesByKey);

      // the platform comes back: the outbox delivers the application, once
      await emulatorFault(kiosk, 'platform', 'offline', false);
      await expect
        .poll(async () => (await platformApplications(kiosk)).casesOpened, { timeout: 90_000, interval: 1000 })
        .toBe(before.casesOpened + 1);
      const after = await platformApplications(kiosk);
      const newKeys = Object.keys(after.deliveriesByKey).filter((k) => !(k in before.deliveriesByKey));
      expect(newKeys.map((k) => after.deliveriesByKey[k])).toEqual([1]);
      // the case number follows by SMS, naming the local reference on the receipt
      expect(after.sms.at(-1)?.text).toContain(reference);
      expect(after.sms.at(-1)?.text).toContain('失业登记');
    },
  );
});
