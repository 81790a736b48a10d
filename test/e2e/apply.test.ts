import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { findTooSmall, findUnreachable, seriousAxeFindings, setLanguage, setMode, settle } from '../support/layout-check.js';

/**
 * 办事 at the terminal, end to end in Chromium against the emulators (platform, ID card, eSCL scanner, printers):
 * 敬老卡申领 with the 户口簿 e-licence standing in for the paper, 居住证签注 with a two-page feeder scan, and 失业登记
 * submitted while the platform is down — saved, never called submitted — and delivered once it is back.
 */

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `apply-${name}.png`) });

type Applications = { casesOpened: number; deliveriesByKey: Record<string, number>; licenceAuthorisations: number };
async function applications(): Promise<Applications> {
  const r = await fetch(`${kiosk.controlPanel}api/emulators`);
  const all = (await r.json()) as { name: string; state: { applications: Applications } }[];
  return all.find((e) => e.name === 'platform')!.state.applications;
}
async function printed(): Promise<{ a4: number; slip: string }> {
  const r = await fetch(`${kiosk.controlPanel}api/emulators`);
  const all = (await r.json()) as { name: string; state: Record<string, unknown> }[];
  const ipp = all.find((e) => e.name === 'printer-ipp')!.state as { jobs?: unknown[]; completedJobs?: number };
  const escpos = all.find((e) => e.name === 'printer-escpos')!.state as { lastReceipt: string };
  return { a4: ipp.completedJobs ?? ipp.jobs?.length ?? 0, slip: escpos.lastReceipt };
}

/** The card on the reader, the matter found by its initials, its guide's 在本机办理: the apply flow starts. */
async function startApplying(persona: string, initials: string, matterName: string) {
  await page.getByTestId('attract').waitFor();
  await emulatorAction(kiosk, 'idcard', 'place', persona);
  await page.getByTestId('identify-greeting').waitFor();
  await emulatorAction(kiosk, 'idcard', 'remove');
  await page.getByTestId('search').click();
  for (const k of initials) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
  const hit = page.getByTestId('search-results').getByTestId('matter').filter({ hasText: matterName }).first();
  await hit.waitFor();
  await hit.click();
  await page.getByTestId('do-here').click();
  await page.locator('[data-testid="flow"][data-flow="apply"]').waitFor();
  await page.getByTestId('apply-guide').waitFor({ timeout: 20_000 });
}

/** Types on whatever pad is docked for the active field (digit pad or the letters keyboard). */
async function typeKeys(text: string) {
  for (const ch of text) await page.locator(`[data-testid="frame-dock"] [data-key="${ch}"]`).first().click();
}
async function fill(fieldId: string, text: string) {
  await page.getByTestId(`input-${fieldId}`).click();
  await typeKeys(text);
}
/** Chooses a region: province, then (through 市辖区) the district. */
async function region(province: string, district: string) {
  await page.getByTestId(`region-${province}`).click();
  await page.getByTestId(`region-${district}`).click();
}
async function nextGroup(expected: string | null) {
  await page.getByTestId('form-next').click();
  if (expected) await page.locator(`[data-testid="apply-form"][data-group="${expected}"]`).waitFor();
}
/** A signature written with the mouse across the pad. */
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
async function endSession() {
  await page.getByTestId('exit').click();
  await page.getByTestId('confirm-end-yes').click();
  await page.getByTestId('attract').waitFor();
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

afterEach(async () => {
  for (const fault of ['offline', 'fieldRejected']) await emulatorFault(kiosk, 'platform', fault, false).catch(() => undefined);
  if (await page.getByTestId('attract').isVisible()) return;
  await endSession();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('办事: applying at the terminal', () => {
  it('the 办事 tile lists the matters this terminal takes applications for', async () => {
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-apply').click();
    await page.getByTestId('matter-list').waitFor();
    await expect.poll(async () => (await page.getByTestId('matter').allTextContents()).length).toBeGreaterThan(0);
    await endSession();
  });

  it('敬老卡申领: the 户口簿 e-licence fills the form and stands in for the paper; signed, accepted, 受理回执 printed', async () => {
    const before = await applications();
    await startApplying('elderly', 'jlksl', '敬老卡申领');
    // 一次告知: the 户口簿 is marked as held electronically; the photo is paper, so the scanner is named
    expect(await page.getByTestId('guide-material-household').getAttribute('data-licence')).toBe('yes');
    expect(await page.getByTestId('guide-material-photo').getAttribute('data-licence')).toBe('no');
    await page.locator('[data-need="scanner"]').waitFor();
    await shot('guide');
    await page.getByTestId('apply-start').click();

    // the licence, ticked on screen, is authorised
    await page.getByTestId('apply-licences').waitFor();
    await page.locator('[data-testid^="licence-"]').first().click();
    await page.getByTestId('licences-confirm').click();

    // 申请人信息: all from the card but the phone
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    expect(await page.getByTestId('field-name').getAttribute('data-prefilled')).toBe('card');
    expect(await page.getByTestId('value-idNumber').textContent()).toMatch(/^3101\*+\d{3}[\dX]$/);
    await shot('form-applicant');
    await page.getByTestId('form-next').click();
    await page.getByTestId('error-phone').waitFor(); // required: said under the field, in plain words
    await fill('phone', '1391234');
    await page.getByTestId('form-next').click();
    await expect.poll(() => page.getByTestId('error-phone').textContent()).toMatch(/11\s?位/);
    await page.getByTestId('osk-clear').click();
    await typeKeys('13912345678');
    await nextGroup('household');

    // 户籍信息: the 户号 from the licence, the district chosen
    expect(await page.getByTestId('field-householdNumber').getAttribute('data-prefilled')).toBe('licence');
    await region('310000', '310101');
    await nextGroup('allowance');
    await page.getByTestId('option-bank-01').click();
    await fill('bankAccount', '6222020200112233445');
    await nextGroup('contact');
    // 紧急联系人: a name asks for a phone (a rule across fields)
    await page.getByTestId('input-contactName').click();
    await page.getByTestId('osk-lang').click(); // 英: letters as they are
    await typeKeys('li');
    await page.getByTestId('form-next').click();
    await expect.poll(() => page.getByTestId('error-contactPhone').textContent()).toContain('电话');
    await fill('contactPhone', '13800001111');
    await page.getByTestId('form-next').click();

    // materials: the 户口簿 is already the e-licence; the photo and the bank card come later (容缺)
    await page.getByTestId('materials').waitFor();
    expect(await page.getByTestId('materials').getAttribute('data-choice')).toBe('licence');
    await page.getByTestId('material-next').click();
    await page.getByTestId('defer').click();
    await page.locator('[data-testid="materials"][data-choice="deferred"]').waitFor();
    await page.getByTestId('material-next').click();
    await page.getByTestId('defer').click();
    await page.locator('[data-testid="materials"][data-choice="deferred"]').waitFor();
    await page.getByTestId('materials-done').click();

    // review: 修改 on the contact group goes there and back
    await page.getByTestId('apply-review').waitFor();
    expect(await page.getByTestId('review-material-household').getAttribute('data-how')).toBe('licence');
    await shot('review');
    await page.getByTestId('edit-group-contact').click();
    await page.locator('[data-testid="apply-form"][data-group="contact"]').waitFor();
    await page.getByTestId('form-next').click();
    await page.getByTestId('apply-review').waitFor();
    await page.getByTestId('review-confirm').click();

    // 告知承诺: an empty pad is refused; a signature goes
    await page.getByTestId('apply-commitment').waitFor();
    await page.getByTestId('signature-confirm').click();
    await expect.poll(() => page.getByTestId('commitment-message').getAttribute('data-key')).toBe('apply.commitment.empty');
    await sign();
    await shot('commitment');
    await page.getByTestId('signature-confirm').click();

    await page.getByTestId('apply-receipt').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('apply-receipt').getAttribute('data-outcome')).toBe('accepted');
    const caseNumber = (await page.getByTestId('receipt-case-number').textContent())!;
    expect(caseNumber.length).toBeGreaterThan(5);
    await page.getByTestId('receipt-printed-a4').waitFor();
    await page.getByTestId('receipt-printed-slip').waitFor();
    expect((await printed()).slip.replace(/\s/g, '')).toContain(caseNumber.replace(/\s/g, ''));
    await shot('receipt');
    const after = await applications();
    expect(after.casesOpened).toBe(before.casesOpened + 1);
    expect(after.licenceAuthorisations).toBeGreaterThan(before.licenceAuthorisations);

    await page.getByTestId('receipt-next').click();
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await endSession();
  });

  it('居住证签注: the 住所证明 scanned through the feeder, two pages, one material', async () => {
    const before = await applications();
    await emulatorAction(kiosk, 'scanner-escl', 'feeder', 'form+idcard');
    await startApplying('adult', 'jzzqz', '居住证签注');
    await page.getByTestId('apply-start').click();
    await page.getByTestId('apply-licences').waitFor();
    await page.locator('[data-testid^="licence-"]').first().click(); // 上海市居住证
    await page.getByTestId('licences-confirm').click();

    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await fill('phone', '13912345678');
    await nextGroup('residence');
    expect(await page.getByTestId('field-permitNumber').getAttribute('data-prefilled')).toBe('licence');
    await region('310000', '310106');
    // the detailed address in Chinese, by pinyin
    await page.getByTestId('input-residenceAddress').click();
    await typeKeys('linfenlu');
    await page.getByTestId('ime-candidate').first().click();
    await expect.poll(() => page.getByTestId('input-residenceAddress').inputValue()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('osk-layout').click(); // digits
    await typeKeys('380');
    await fill('moveInDate', '20240301');
    await page.getByTestId('option-reason-01').click();
    await page.getByTestId('form-next').click();
    // 就业 needs the employer (a rule across fields), in the platform's words
    await expect.poll(() => page.getByTestId('error-employer').textContent()).toContain('就业单位');
    await page.getByTestId('input-employer').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('abc');
    await page.getByTestId('form-next').click();

    // materials: the permit by licence; the 住所证明 through the feeder (two pages)
    await page.getByTestId('materials').waitFor();
    expect(await page.getByTestId('materials').getAttribute('data-choice')).toBe('licence');
    await page.getByTestId('material-next').click();
    await page.getByTestId('scan-feeder').click();
    await page.locator('[data-testid="materials"][data-choice="scan"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="pages"] > li').count(), { timeout: 30_000 }).toBe(2);
    await shot('feeder-scan');
    await page.getByTestId('materials-done').click();

    await page.getByTestId('apply-review').waitFor();
    expect(await page.getByTestId('review-material-housing').getAttribute('data-how')).toBe('scan');
    await expect(page.getByTestId('review-material-housing').textContent()).resolves.toContain('2');
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('apply-commitment').waitFor();
    await sign();
    await page.getByTestId('signature-confirm').click();
    await page.getByTestId('apply-receipt').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('apply-receipt').getAttribute('data-outcome')).toBe('accepted');
    expect((await applications()).casesOpened).toBe(before.casesOpened + 1);
    await page.getByTestId('receipt-next').click();
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await endSession();
  });

  it('the apply screens fit, are big enough and pass axe in 长辈模式 and in Uyghur (right to left)', async () => {
    await startApplying('elderly', 'jlksl', '敬老卡申领');
    const check = async (where: string, elderly: boolean) => {
      await settle(page);
      expect(await findUnreachable(page), where).toEqual([]);
      expect(await findTooSmall(page, elderly), where).toEqual([]);
      expect(await seriousAxeFindings(page), where).toEqual([]);
    };
    for (const [mode, language] of [
      ['elderly', 'zh-CN'],
      ['standard', 'ug'],
    ] as const) {
      await setMode(page, mode);
      await setLanguage(page, language);
      await check(`guide ${mode} ${language}`, mode === 'elderly');
      await page.getByTestId('apply-start').click();
      await page.getByTestId('apply-licences').waitFor();
      await check(`licences ${mode} ${language}`, mode === 'elderly');
      const licence = page.locator('[data-testid^="licence-"]').first();
      if ((await licence.getAttribute('aria-checked')) !== 'true') await licence.click();
      await page.getByTestId('licences-confirm').click();
      await page.getByTestId('apply-form').waitFor();
      // the form opens where the resident left it: the applicant's phone the first time, the household after
      if ((await page.getByTestId('apply-form').getAttribute('data-group')) === 'applicant') {
        await page.getByTestId('input-phone').click();
        await check(`form ${mode} ${language}`, mode === 'elderly');
        await shot(`form-${mode}-${language}`);
        await typeKeys('13912345678');
        await nextGroup('household');
      }
      await check(`region picker ${mode} ${language}`, mode === 'elderly');
      await shot(`region-${mode}-${language}`);
      await page.getByTestId('back').click(); // back to the 一次告知 (the form's earlier steps pass through)
      await page.getByTestId('apply-guide').waitFor();
    }
    await setLanguage(page, 'zh-CN');
    await setMode(page, 'standard');
    await endSession();
  });

  it('灵活就业登记: a field the platform refuses takes the resident back to it with the platform’s words', async () => {
    const before = await applications();
    await startApplying('adult', 'lhjydj', '灵活就业登记');
    await page.getByTestId('apply-start').click();
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await fill('phone', '13912345678');
    await nextGroup('work');
    await page.getByTestId('option-jobType-03').click();
    await fill('startDate', '20260301');
    await region('310000', '310106');
    await page.getByTestId('form-next').click();
    await page.getByTestId('materials').waitFor();
    await page.getByTestId('materials-done').click();
    await page.getByTestId('apply-review').waitFor();
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('apply-commitment').waitFor();
    await sign();
    await emulatorFault(kiosk, 'platform', 'fieldRejected', true);
    await page.getByTestId('signature-confirm').click();
    await page.locator('[data-testid="apply-form"][data-group="work"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('error-startDate').textContent()).toContain('开始日期晚于今天');
    await shot('field-rejected');
    await emulatorFault(kiosk, 'platform', 'fieldRejected', false);
    await page.getByTestId('input-startDate').click();
    await page.getByTestId('osk-clear').click();
    await typeKeys('20250901');
    await page.getByTestId('form-next').click(); // 改好了，回到核对页
    await page.getByTestId('apply-review').waitFor();
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('apply-commitment').waitFor(); // what is signed changed: signed again
    await sign();
    await page.getByTestId('signature-confirm').click();
    await page.getByTestId('apply-receipt').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('apply-receipt').getAttribute('data-outcome')).toBe('accepted');
    expect((await applications()).casesOpened).toBe(before.casesOpened + 1);
    await endSession();
  });

  it('失业登记 with the platform down: a receipt that says saved, not submitted; delivered once the platform is back', async () => {
    const before = await applications();
    await startApplying('adult', 'sydj', '失业登记');
    await page.getByTestId('apply-start').click();
    // the 居住证 could stand in for the optional permit copy: this resident uses none
    await page.locator('[data-testid="apply-licences"], [data-testid="apply-form"]').first().waitFor();
    if (await page.getByTestId('apply-licences').isVisible()) await page.getByTestId('licences-none').click();
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await fill('phone', '13912345678');
    await nextGroup('residence');
    await region('310000', '310106');
    await page.getByTestId('input-residenceAddress').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('abc');
    await nextGroup('employment');
    await page.getByTestId('input-lastEmployer').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('abc');
    await fill('contractEnd', '20261031');
    await page.getByTestId('option-reason-01').click();
    await page.getByTestId('option-education-04').click();
    await page.getByTestId('input-wantsWork').click();
    await page.getByTestId('form-next').click();

    await page.getByTestId('materials').waitFor();
    await page.getByTestId('defer').click(); // 解除劳动合同证明: 容缺
    await page.locator('[data-testid="materials"][data-choice="deferred"]').waitFor();
    await page.getByTestId('materials-done').click();
    await page.getByTestId('apply-review').waitFor();
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('apply-commitment').waitFor();
    await sign();

    // the network goes down at the last moment
    await emulatorFault(kiosk, 'platform', 'offline', true);
    await page.getByTestId('signature-confirm').click();
    await page.getByTestId('apply-receipt').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('apply-receipt').getAttribute('data-outcome')).toBe('queued');
    await expect(page.getByTestId('receipt-queued').textContent()).resolves.toBe('已保存，网络恢复后自动提交');
    const reference = (await page.getByTestId('receipt-local-reference').textContent())!;
    expect(await page.getByTestId('apply-receipt').textContent()).not.toMatch(/已受理|已提交/);
    await page.getByTestId('receipt-printed-slip').waitFor();
    const slip = (await printed()).slip.replace(/\s/g, '');
    expect(slip).toContain('已保存，网络恢复后自动提交');
    expect(slip).toContain(reference.replace(/\s/g, ''));
    await shot('queued');
    expect((await applications()).casesOpened).toBe(before.casesOpened);
    await page.getByTestId('receipt-next').click();
    await page.getByTestId('flow-done').waitFor(); // no case yet: nothing to rate
    await endSession();

    // the platform comes back: the outbox delivers the application, once
    await emulatorFault(kiosk, 'platform', 'offline', false);
    await expect.poll(async () => (await applications()).casesOpened, { timeout: 90_000, interval: 1000 }).toBe(before.casesOpened + 1);
    const deliveries = Object.values((await applications()).deliveriesByKey);
    expect(deliveries.every((n) => n >= 1)).toBe(true);
  });
});
