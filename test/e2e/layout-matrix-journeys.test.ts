import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyJourney } from '../support/apply-journey.js';
import { writePageY4m } from '../support/fake-camera.js';
import { openKioskPage } from '../support/kiosk-page.js';
import { applyTestConfig, emulatedApplyDevices, emulatorAction, emulatorFault, type RunningKiosk } from '../support/kiosk-process.js';
import { layoutMatrix, layoutMatrixChecks } from '../support/layout-matrix.js';
import { textPage } from '../support/scan-pages.js';

/**
 * The layout matrix (issue 12) over the 缴费 and 办事 journeys: every screen of each at 1920×1080, 1280×1024 and
 * 1080×1920 in standard and 长辈模式, reachable, axe-clean and above the size floors in zh-CN, en and ug
 * (test/support/layout-matrix.ts; screenshots in test/artifacts/layout/).
 */

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
let journey: ReturnType<typeof applyJourney>;
const pageErrors: string[] = [];
const checked = layoutMatrix(() => page);
const { matrix } = checked;

const paymentScanner = {
  id: 'payscan',
  kind: 'paymentScanner',
  driver: 'payment-scanner',
  transport: { type: 'emulator' },
  emulator: 'payment-scanner',
};

beforeAll(async () => {
  const cameraFile = path.join(os.tmpdir(), `layout-matrix-camera-${process.pid}.y4m`);
  await writePageY4m(cameraFile, await textPage());
  ({ kiosk, browser, page } = await openKioskPage(
    applyTestConfig({
      devices: [...emulatedApplyDevices, paymentScanner],
      documentCamera: { label: path.basename(cameraFile, '.y4m') },
    }),
    {
      browserArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${cameraFile}`,
      ],
    },
  ));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  journey = applyJourney(page, kiosk);
}, 120_000);

afterEach(async () => {
  await emulatorFault(kiosk, 'platform', 'offline', false).catch(() => undefined);
  await emulatorFault(kiosk, 'scanner-escl', 'offline', false).catch(() => undefined);
  await emulatorAction(kiosk, 'scanner-escl', 'clear').catch(() => undefined);
  await journey.endSessionIfAny();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

let seq = 0;
const freshNotice = () => `3301${String(Date.now() % 1e10).padStart(10, '0')}${String(++seq).padStart(6, '0')}`;

/** 缴费 tile → the 缴款码 typed on the digit keyboard (shown before submitting when `show` is given) → the confirmation. */
async function openNotice(show?: () => Promise<void>) {
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-pay').click();
  await page.getByTestId('pay-notice').waitFor();
  if ((await page.locator('[data-testid="osk"] [data-key="1"]').count()) === 0) await page.getByTestId('osk-layout').click();
  for (const ch of freshNotice()) await page.locator(`[data-testid="osk"] [data-key="${ch}"]`).click();
  await show?.();
  await page.getByTestId('pay-notice-submit').click();
  await page.getByTestId('pay-confirm').waitFor();
  await expect.poll(() => page.getByTestId('pay-amount').textContent()).toMatch(/\d\.\d\d/);
}

/** The renderer's flow store (the test-hooks build exposes it): the state the core last pushed. */
type FlowStore = { getState(): { state: { view: object } | null }; setState(s: object): void };

describe('every screen of 缴费 and 办事 fits at 1920×1080, 1280×1024 and 1080×1920, standard and 长辈模式', () => {
  it('缴费: notice number, confirmation, the code awaited, the password asked on the phone, paid', async () => {
    await openNotice(() => matrix('pay-notice'));
    await matrix('pay-confirm');
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    await matrix('pay-await');
    // a payer asked for a password who never enters it: the waiting screen stays (30 s) while the matrix runs
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'alipay-never');
    await page.getByTestId('pay-waiting').waitFor({ timeout: 15_000 });
    await page.getByTestId('pay-countdown').waitFor();
    await matrix('pay-waiting-password');
    expect(await page.getByTestId('pay-waiting').isVisible(), 'the waiting screen outlasted the matrix').toBe(true);
    await journey.endSession(); // the order waiting for the payer is reversed

    await openNotice();
    await page.getByTestId('pay-by-code').click();
    await page.getByTestId('pay-await').waitFor();
    await emulatorAction(kiosk, 'payment-scanner', 'present', 'wechat-instant');
    await page.getByTestId('pay-paid').waitFor({ timeout: 20_000 });
    await page.getByTestId('pay-receipt-printed').waitFor({ timeout: 20_000 });
    await matrix('pay-paid');
    await journey.endSession();
  }, 150_000);

  it('办事 敬老卡申领: guide, licences, the form with each pad, materials (the camera), review, commitment, submitting, accepted', async () => {
    await journey.startApplying('elderly', 'jlksl', '敬老卡申领');
    await matrix('apply-guide');
    await page.getByTestId('apply-start').click();
    await page.getByTestId('apply-licences').waitFor();
    await matrix('apply-licences');
    await page.locator('[data-testid^="licence-"]').first().click();
    await page.getByTestId('licences-confirm').click();

    // the form: a digits field with the digit pad, the region picker, a text field with the Chinese keyboard
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await page.getByTestId('input-phone').click();
    await matrix('apply-form-digit-pad');
    await journey.typeKeys('13912345678');
    await journey.nextGroup('household');
    await matrix('apply-form-region');
    await journey.region('310000', '310101');
    await journey.nextGroup('allowance');
    await page.getByTestId('option-bank-01').click();
    await journey.fill('bankAccount', '6222020200112233445');
    await journey.nextGroup('contact');
    await page.getByTestId('input-contactName').click();
    await journey.typeKeys('li');
    await page.getByTestId('ime-candidate').first().waitFor();
    await matrix('apply-form-chinese-keyboard');
    await page.getByTestId('ime-candidate').first().click();
    await journey.fill('contactPhone', '13800001111');
    await page.getByTestId('form-next').click();

    // materials: the 户口簿 by e-licence; the photo through the document camera; the bank card later (容缺)
    await page.getByTestId('materials').waitFor();
    await page.getByTestId('material-next').click();
    await expect.poll(() => page.getByTestId('materials').getAttribute('data-material')).toBe('photo');
    await page.getByTestId('camera-open').click();
    await page.getByTestId('camera').waitFor();
    await expect.poll(() => page.getByTestId('camera-take').isEnabled(), { timeout: 10_000 }).toBe(true);
    await matrix('apply-materials-camera');
    await page.getByTestId('camera-take').click();
    await expect.poll(() => page.getByTestId('pages').getByTestId('page').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('material-next').click();
    await expect.poll(() => page.getByTestId('materials').getAttribute('data-material')).not.toBe('photo');
    await journey.deferMaterial();
    await page.getByTestId('materials-done').click();

    await page.getByTestId('apply-review').waitFor();
    await matrix('apply-review');
    await journey.confirmReview();
    await journey.signCommitment();
    await matrix('apply-commitment');

    // 提交中 lasts a second or two here; to check it, the renderer is shown the core's uploading view, then given
    // back the commitment it was on (the core waits for the answer meanwhile, so nothing else arrives)
    const commitment = await page.evaluate(
      () => (window as unknown as { __kioskStores: { flow: FlowStore } }).__kioskStores.flow.getState().state,
    );
    await page.evaluate((s) => {
      const flow = (window as unknown as { __kioskStores: { flow: FlowStore } }).__kioskStores.flow;
      flow.setState({ state: { ...s, view: { step: 'applySubmitting', phase: 'uploading', bytesDone: 420_000, bytesTotal: 1_000_000 } } });
    }, commitment);
    await page.getByTestId('apply-submitting').waitFor();
    // nothing takes the resident away while the application is handed over (they would leave without its receipt)
    expect(await page.getByTestId('back').count()).toBe(0);
    expect(await page.getByTestId('exit').count()).toBe(0);
    await matrix('apply-submitting');
    await page.evaluate(
      (s) => (window as unknown as { __kioskStores: { flow: FlowStore } }).__kioskStores.flow.setState({ state: s }),
      commitment,
    );
    await journey.signCommitment();
    await page.getByTestId('signature-confirm').click();

    expect(await journey.receiptOutcome(60_000)).toBe('accepted');
    await page.getByTestId('receipt-printed-a4').waitFor({ timeout: 30_000 });
    await page.getByTestId('receipt-printed-slip').waitFor({ timeout: 30_000 });
    await matrix('apply-receipt-accepted');
    await journey.leaveReceipt('skip');
    await journey.endSession();
  }, 240_000);

  it('办事 失业登记: the scanner-not-ready notice, two pages from the feeder, a jam, and with the platform down the "saved, not submitted" receipt', async () => {
    await journey.startApplying('adult', 'sydj', '失业登记');
    // the scanner not answering as the resident starts: the readiness notice (the proof can be brought later)
    await emulatorFault(kiosk, 'scanner-escl', 'offline', true);
    await page.getByTestId('apply-start').click();
    await page.getByTestId('apply-readiness').waitFor({ timeout: 20_000 });
    await matrix('apply-readiness');
    await emulatorFault(kiosk, 'scanner-escl', 'offline', false);
    await page.getByTestId('apply-readiness-continue').click();
    await page.locator('[data-testid="apply-licences"], [data-testid="apply-form"]').first().waitFor();
    if (await page.getByTestId('apply-licences').isVisible()) await page.getByTestId('licences-none').click();
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await journey.answerUnemploymentForm();
    await page.getByTestId('materials').waitFor();
    await expect.poll(() => page.getByTestId('materials').getAttribute('data-material')).toBe('termination');
    await emulatorAction(kiosk, 'scanner-escl', 'feeder', 'form+idcard');
    await page.getByTestId('scan-feeder').click();
    const pages = page.getByTestId('pages').getByTestId('page');
    await expect.poll(() => pages.count(), { timeout: 30_000 }).toBe(2);
    await pages.last().getByTestId('page-preview').waitFor();
    await matrix('apply-materials-two-pages');
    await emulatorFault(kiosk, 'scanner-escl', 'jam', true);
    await page.getByTestId('scan-feeder').click();
    const problem = page.getByTestId('materials-problem');
    await expect.poll(() => problem.getAttribute('data-key'), { timeout: 20_000 }).toBe('materials.scanError.jam');
    await matrix('apply-materials-jam');
    await emulatorAction(kiosk, 'scanner-escl', 'clear');
    await page.getByTestId('materials-done').click();
    await journey.confirmReview();
    await journey.signCommitment();
    await emulatorFault(kiosk, 'platform', 'offline', true);
    await page.getByTestId('signature-confirm').click();
    expect(await journey.receiptOutcome(60_000)).toBe('queued');
    await page.getByTestId('receipt-printed-slip').waitFor({ timeout: 30_000 });
    await matrix('apply-receipt-queued');
    await journey.leaveReceipt('none');
    await journey.endSession();
  }, 200_000);

  layoutMatrixChecks(checked, pageErrors);
});
