import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyJourney, platformApplications, printed } from '../support/apply-journey.js';
import { openKioskPage } from '../support/kiosk-page.js';
import { applyTestConfig, emulatorAction, emulatorFault, root, type RunningKiosk } from '../support/kiosk-process.js';
import { backToStandardChinese, elderlyChineseAndStandardUyghur, expectLayoutFine, setLanguage, setMode } from '../support/layout-check.js';

/**
 * 办事 at the terminal, end to end in Chromium against the emulators (platform, ID card, eSCL scanner, printers):
 * 敬老卡申领 with the 户口簿 e-licence standing in for the paper, 居住证签注 with a two-page feeder scan, and 失业登记
 * submitted while the platform is down — saved, never called submitted — and delivered once it is back.
 */

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
let journey: ReturnType<typeof applyJourney>;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `apply-${name}.png`) });
const applications = () => platformApplications(kiosk);

beforeAll(async () => {
  ({ kiosk, browser, page } = await openKioskPage(applyTestConfig()));
  journey = applyJourney(page, kiosk);
}, 120_000);

afterEach(async () => {
  for (const fault of ['offline', 'fieldRejected']) await emulatorFault(kiosk, 'platform', fault, false).catch(() => undefined);
  await journey.endSessionIfAny();
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
    await journey.endSession();
  });

  it('敬老卡申领: the 户口簿 e-licence fills the form and stands in for the paper; signed, accepted, 受理回执 printed', async () => {
    const before = await applications();
    await journey.startApplying('elderly', 'jlksl', '敬老卡申领');
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
    await journey.fill('phone', '1391234');
    await page.getByTestId('form-next').click();
    await expect.poll(() => page.getByTestId('error-phone').textContent()).toMatch(/11\s?位/);
    await page.getByTestId('osk-clear').click();
    await journey.typeKeys('13912345678');
    await journey.nextGroup('household');

    // 户籍信息: the 户号 from the licence, the district chosen
    expect(await page.getByTestId('field-householdNumber').getAttribute('data-prefilled')).toBe('licence');
    await journey.region('310000', '310101');
    await journey.nextGroup('allowance');
    await page.getByTestId('option-bank-01').click();
    await journey.fill('bankAccount', '6222020200112233445');
    await journey.nextGroup('contact');
    // 紧急联系人: a name asks for a phone (a rule across fields)
    await journey.fillLetters('contactName', 'li');
    await page.getByTestId('form-next').click();
    await expect.poll(() => page.getByTestId('error-contactPhone').textContent()).toContain('电话');
    await journey.fill('contactPhone', '13800001111');
    await page.getByTestId('form-next').click();

    // materials: the 户口簿 is already the e-licence; the photo and the bank card come later (容缺)
    await page.getByTestId('materials').waitFor();
    expect(await page.getByTestId('materials').getAttribute('data-choice')).toBe('licence');
    await page.getByTestId('material-next').click();
    await journey.deferMaterial();
    await page.getByTestId('material-next').click();
    await journey.deferMaterial();
    await page.getByTestId('materials-done').click();

    // review: 修改 on the contact group goes there and back
    await page.getByTestId('apply-review').waitFor();
    expect(await page.getByTestId('review-material-household').getAttribute('data-how')).toBe('licence');
    await shot('review');
    await page.getByTestId('edit-group-contact').click();
    await page.locator('[data-testid="apply-form"][data-group="contact"]').waitFor();
    await page.getByTestId('form-next').click();
    await journey.confirmReview();

    // 告知承诺: an empty pad is refused; a signature goes
    await page.getByTestId('apply-commitment').waitFor();
    await page.getByTestId('signature-confirm').click();
    await expect.poll(() => page.getByTestId('commitment-message').getAttribute('data-key')).toBe('apply.commitment.empty');
    await journey.sign();
    await shot('commitment');
    await page.getByTestId('signature-confirm').click();

    expect(await journey.receiptOutcome(30_000)).toBe('accepted');
    const caseNumber = (await page.getByTestId('receipt-case-number').textContent())!;
    expect(caseNumber.length).toBeGreaterThan(5);
    await page.getByTestId('receipt-printed-a4').waitFor();
    await page.getByTestId('receipt-printed-slip').waitFor();
    expect((await printed(kiosk)).slip.replace(/\s/g, '')).toContain(caseNumber.replace(/\s/g, ''));
    await shot('receipt');
    const after = await applications();
    expect(after.casesOpened).toBe(before.casesOpened + 1);
    expect(after.licenceAuthorisations).toBeGreaterThan(before.licenceAuthorisations);

    await journey.leaveReceipt('skip');
    await journey.endSession();
  });

  it('居住证签注: the 住所证明 scanned through the feeder, two pages, one material', async () => {
    const before = await applications();
    await emulatorAction(kiosk, 'scanner-escl', 'feeder', 'form+idcard');
    await journey.startApplying('adult', 'jzzqz', '居住证签注');
    await page.getByTestId('apply-start').click();
    await page.getByTestId('apply-licences').waitFor();
    await page.locator('[data-testid^="licence-"]').first().click(); // 上海市居住证
    await page.getByTestId('licences-confirm').click();

    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await journey.fill('phone', '13912345678');
    await journey.nextGroup('residence');
    expect(await page.getByTestId('field-permitNumber').getAttribute('data-prefilled')).toBe('licence');
    await journey.region('310000', '310106');
    // the detailed address in Chinese, by pinyin
    await page.getByTestId('input-residenceAddress').click();
    await journey.typeKeys('linfenlu');
    await page.getByTestId('ime-candidate').first().click();
    await expect.poll(() => page.getByTestId('input-residenceAddress').inputValue()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('osk-layout').click(); // digits
    await journey.typeKeys('380');
    await journey.fill('moveInDate', '20240301');
    await page.getByTestId('option-reason-01').click();
    await page.getByTestId('form-next').click();
    // 就业 needs the employer (a rule across fields), in the platform's words
    await expect.poll(() => page.getByTestId('error-employer').textContent()).toContain('就业单位');
    await journey.fillLetters('employer', 'abc');
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
    await journey.signCommitment();
    await page.getByTestId('signature-confirm').click();
    expect(await journey.receiptOutcome(60_000)).toBe('accepted');
    expect((await applications()).casesOpened).toBe(before.casesOpened + 1);
    await journey.leaveReceipt('skip');
    await journey.endSession();
  });

  it('the apply screens fit, are big enough and pass axe in 长辈模式 and in Uyghur (right to left)', async () => {
    await journey.startApplying('elderly', 'jlksl', '敬老卡申领');
    const check = (where: string, elderly: boolean) => expectLayoutFine(page, where, elderly);
    for (const [mode, language] of elderlyChineseAndStandardUyghur) {
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
        await journey.typeKeys('13912345678');
        await journey.nextGroup('household');
      }
      await check(`region picker ${mode} ${language}`, mode === 'elderly');
      await shot(`region-${mode}-${language}`);
      await page.getByTestId('back').click(); // back to the 一次告知 (the form's earlier steps pass through)
      await page.getByTestId('apply-guide').waitFor();
    }
    await backToStandardChinese(page);
    await journey.endSession();
  });

  it('灵活就业登记: a field the platform refuses takes the resident back to it with the platform’s words', async () => {
    const before = await applications();
    await journey.startApplying('adult', 'lhjydj', '灵活就业登记');
    await page.getByTestId('apply-start').click();
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await journey.fill('phone', '13912345678');
    await journey.nextGroup('work');
    await page.getByTestId('option-jobType-03').click();
    await journey.fill('startDate', '20260301');
    await journey.region('310000', '310106');
    await page.getByTestId('form-next').click();
    await page.getByTestId('materials').waitFor();
    await page.getByTestId('materials-done').click();
    await journey.confirmReview();
    await journey.signCommitment();
    await emulatorFault(kiosk, 'platform', 'fieldRejected', true);
    await page.getByTestId('signature-confirm').click();
    await page.locator('[data-testid="apply-form"][data-group="work"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('error-startDate').textContent()).toContain('开始日期晚于今天');
    await shot('field-rejected');
    await emulatorFault(kiosk, 'platform', 'fieldRejected', false);
    await page.getByTestId('input-startDate').click();
    await page.getByTestId('osk-clear').click();
    await journey.typeKeys('20250901');
    await page.getByTestId('form-next').click(); // 改好了，回到核对页
    await journey.confirmReview();
    await journey.signCommitment(); // what is signed changed: signed again
    await page.getByTestId('signature-confirm').click();
    expect(await journey.receiptOutcome(30_000)).toBe('accepted');
    expect((await applications()).casesOpened).toBe(before.casesOpened + 1);
    await journey.endSession();
  });

  it('失业登记 with the platform down: a receipt that says saved, not submitted; delivered once the platform is back', async () => {
    const before = await applications();
    // no e-licence used, 解除劳动合同证明 容缺, signed; the network goes down at the last moment
    await journey.submitUnemploymentGoingOffline('adult');
    expect(await journey.receiptOutcome(60_000)).toBe('queued');
    await expect(page.getByTestId('receipt-queued').textContent()).resolves.toBe('已保存，网络恢复后自动提交');
    const reference = await journey.localReference();
    expect(await page.getByTestId('apply-receipt').textContent()).not.toMatch(/已受理|已提交/);
    await page.getByTestId('receipt-printed-slip').waitFor();
    const slip = (await printed(kiosk)).slip.replace(/\s/g, '');
    expect(slip).toContain('已保存，网络恢复后自动提交');
    expect(slip).toContain(reference);
    await shot('queued');
    expect((await applications()).casesOpened).toBe(before.casesOpened);
    await journey.leaveReceipt('none'); // no case yet: nothing to rate
    await journey.endSession();

    // the platform comes back: the outbox delivers the application, once
    await emulatorFault(kiosk, 'platform', 'offline', false);
    await expect.poll(async () => (await applications()).casesOpened, { timeout: 90_000, interval: 1000 }).toBe(before.casesOpened + 1);
    const deliveries = Object.values((await applications()).deliveriesByKey);
    expect(deliveries.every((n) => n >= 1)).toBe(true);
  });
});
