import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyJourney, platformApplications } from '../support/apply-journey.js';
import { openKioskPage, typeOsk } from '../support/kiosk-page.js';
import { applyTestConfig, emulatorFault, root, type RunningKiosk } from '../support/kiosk-process.js';
import {
  backToStandardChinese,
  elderlyChineseAndStandardUyghur as modes,
  expectLayoutFine,
  setLanguage,
  setMode,
} from '../support/layout-check.js';

/**
 * 进度查询 of an application saved while the platform was down (issue 13, "never lost, never kept"): by card it is
 * listed as waiting even with the platform still away; once the platform is back and has it, the card's list shows
 * its case number, and the local reference typed from the receipt says the same.
 */

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
let journey: ReturnType<typeof applyJourney>;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `progress-held-${name}.png`) });

const checkLayout = (where: string, elderly: boolean) => expectLayoutFine(page, where, elderly);
const casesOpened = async () => (await platformApplications(kiosk)).casesOpened;

/** The card on the reader, then the 进度查询 tile: the flow goes straight to the holder's list. */
async function progressByCard() {
  await page.getByTestId('attract').click();
  await journey.presentCard('adult');
  await page.getByTestId('tile-progress').click();
  await page.locator('[data-testid="flow"][data-flow="progress"]').waitFor();
}

/** The 进度查询 tile without a card, the local reference typed on the kiosk's keyboard (letters and digits). */
async function progressByReference(reference: string) {
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-progress').click();
  await page.getByTestId('by-reference').click();
  await page.getByTestId('reference-form').waitFor();
  await typeOsk(page, reference);
  expect(await page.getByTestId('field-localReference').inputValue()).toBe(reference);
  await page.getByTestId('reference-submit').click();
}

beforeAll(async () => {
  ({ kiosk, browser, page } = await openKioskPage(applyTestConfig()));
  journey = applyJourney(page, kiosk);
}, 120_000);

afterEach(async () => {
  await emulatorFault(kiosk, 'platform', 'offline', false).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('进度查询 of an application saved while the platform was down', () => {
  it('waiting by card and by local reference; once delivered, the case number by card and by reference', async () => {
    const before = await casesOpened();
    const reference = await journey.applyWhileOffline('adult');
    expect(reference).toMatch(/^ZD[0-9A-F]{10}$/);

    // the platform is still away: the card's list shows the application this terminal holds, as waiting
    await progressByCard();
    const held = page.getByTestId(`held-${reference}`);
    await held.waitFor({ timeout: 30_000 });
    expect(await held.getAttribute('data-outcome')).toBe('queued');
    expect(await held.getByTestId('held-state').textContent()).toBe('已保存，等待网络恢复后自动提交');
    expect(await held.textContent()).toContain('失业登记');
    await page.getByTestId('platform-unavailable').waitFor();
    await shot('waiting-by-card');
    for (const [mode, language] of modes) {
      await setMode(page, mode);
      await setLanguage(page, language);
      await checkLayout(`held list ${mode} ${language}`, mode === 'elderly');
      await shot(`waiting-by-card-${mode}-${language}`);
      // the saved application goes by the matter's name in the screen's language
      if (language === 'ug') await expect.poll(() => held.locator('h3').textContent(), { timeout: 10_000 }).toBe('ئىشسىزلىق تىزىملىتىش');
    }
    await backToStandardChinese(page);
    await journey.endSession();

    // the receipt's local reference, typed in: the same
    await progressByReference(reference);
    await page
      .locator(`[data-testid="held-application"] [data-testid="held-${reference}"][data-outcome="queued"]`)
      .waitFor({ timeout: 20_000 });
    await shot('waiting-by-reference');
    await journey.endSession();

    // the platform returns and the outbox delivers it, once
    await emulatorFault(kiosk, 'platform', 'offline', false);
    await expect.poll(casesOpened, { timeout: 90_000, interval: 1000 }).toBe(before + 1);

    // by reference: delivered, with its case number and query code; it opens the case on the platform
    await progressByReference(reference);
    const delivered = page.locator(`[data-testid="held-${reference}"][data-outcome="accepted"]`);
    await delivered.waitFor({ timeout: 20_000 });
    const caseNumber = (await delivered.getByTestId('held-case-number').textContent())!;
    expect(caseNumber).toMatch(/^\d{20}$/);
    expect(await delivered.getByTestId('held-query-code').textContent()).toMatch(/^[0-9A-Z]{4,12}$/);
    await shot('delivered-by-reference');
    await page.getByTestId('held-open-case').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor({ timeout: 20_000 });
    expect(await detail.getAttribute('data-case')).toBe(caseNumber);
    await journey.endSession();

    // by card: the platform's list has the case; nothing is left waiting on this terminal
    await progressByCard();
    await page.getByTestId(`case-${caseNumber}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('held-list').count()).toBe(0);
    // in English the case goes by the name the platform translated, in the list and in its detail
    await setLanguage(page, 'en');
    const row = page.getByTestId(`case-${caseNumber}`).locator('.case-matter');
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toBe('Unemployment registration');
    await page.getByTestId(`case-${caseNumber}`).click();
    await expect
      .poll(() => page.getByTestId('case-detail').locator('h2').textContent(), { timeout: 10_000 })
      .toBe('Unemployment registration');
    await setLanguage(page, 'zh-CN');
    await journey.endSession();
  }, 240_000);

  it('the local reference form fits, is big enough and keypad-reachable in 长辈模式 and in Uyghur', async () => {
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-progress').click();
    await page.getByTestId('by-reference').click();
    await page.getByTestId('reference-form').waitFor();
    for (const [mode, language] of modes) {
      await setMode(page, mode);
      await setLanguage(page, language);
      await checkLayout(`reference form ${mode} ${language}`, mode === 'elderly');
      await shot(`reference-form-${mode}-${language}`);
    }
    await backToStandardChinese(page);
    await journey.endSession();
  });

  it('a local reference this terminal never gave says so plainly', async () => {
    await progressByReference('ZD0123456789');
    const failed = page.getByTestId('flow-failure');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.getAttribute('data-message-key')).toBe('progress.reference.unknown');
    expect(await failed.textContent()).toContain('只能在当初办理的那台终端上查询');
    await journey.endSession();
  });
});
