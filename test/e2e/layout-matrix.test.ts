import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import {
  emulatedIdCardReader,
  emulatorAction,
  emulatorFault,
  startKiosk,
  testConfig,
  type RunningKiosk,
  emulatedA4Printer,
  emulatedReceiptPrinter,
} from '../support/kiosk-process.js';
import { layoutMatrix, layoutMatrixChecks } from '../support/layout-matrix.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const checked = layoutMatrix(() => page);
const { matrix } = checked;

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
      devices: [emulatedIdCardReader, emulatedA4Printer, emulatedReceiptPrinter],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  await waitForCatalog(page);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('every screen fits at 1920×1080, 1280×1024 and 1080×1920, standard and 长辈模式', () => {
  it('query and print: attract, home, lists, search, guide, every flow step, the end overlay', async () => {
    await matrix('attract');
    await page.getByTestId('attract').click();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    await emulatorAction(kiosk, 'idcard', 'remove');
    await matrix('home');
    await page.getByTestId('tile-print').click();
    await page.getByTestId('matter-page').waitFor();
    await matrix('matter-list');
    await page.getByTestId('back').click();
    await page.getByTestId('search').click();
    await page
      .getByTestId('search-input')
      .waitFor({ timeout: 5000 })
      .catch((e: Error) => Promise.reject(new Error(`${e.message}\n${pageErrors.join('\n')}`)));
    await page.keyboard.type('hjzm');
    const hit = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => hit.textContent()).toContain('户籍证明开具');
    await matrix('search');
    await hit.click();
    await page.getByTestId('do-here').waitFor();
    await matrix('guide');
    await page.getByTestId('do-here').click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('pdf-preview').getAttribute('data-pages')).toBe('2');
    await matrix('flow-preview');
    await page.getByTestId('preview-next').click();
    await page.getByTestId('copies-1').waitFor();
    await matrix('flow-copies');
    await page.getByTestId('print').click();
    await page.getByTestId('take-document').waitFor({ timeout: 20_000 });
    await matrix('flow-take-document');
    await page.getByTestId('to-evaluation').click();
    await page.getByTestId('evaluation').waitFor();
    await page.getByTestId('level-2').click();
    await matrix('flow-evaluate-unhappy');
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await matrix('flow-done');
    await page.getByTestId('finish').click();
    await page.getByTestId('confirm-end').waitFor();
    await matrix('confirm-end');
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();

    // a failure with its QR code and ways forward
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', true);
    await page.getByTestId('attract').click();
    await page.getByTestId('search').click();
    await page.keyboard.type('hjzm');
    await expect.poll(() => hit.textContent()).toContain('户籍证明开具');
    await hit.click();
    await page.getByTestId('do-here').click();
    await page.getByTestId('flow-failure').waitFor({ timeout: 20_000 });
    await matrix('flow-failure');
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', false);
    await endSession();
  });

  it('查询办件进度: card prompt, code form, my cases, one case, rating, done', async () => {
    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('tile-progress').click();
    await page.getByTestId('by-code').waitFor({ timeout: 20_000 });
    await matrix('progress-identify');
    await page.getByTestId('by-code').click();
    await page.getByTestId('case-code-form').waitFor();
    await matrix('progress-code');
    await page.getByTestId('by-card').click();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    const list = page.getByTestId('case-list');
    await list.waitFor({ timeout: 20_000 });
    await emulatorAction(kiosk, 'idcard', 'remove');
    await matrix('progress-list');
    await list.locator('button').first().click();
    await page.getByTestId('case-detail').waitFor();
    await matrix('progress-detail');
    await page.getByTestId('case-done').click();
    await page.getByTestId('evaluation').waitFor();
    await matrix('progress-evaluate');
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await endSession();
  });

  layoutMatrixChecks(checked, pageErrors);
});
