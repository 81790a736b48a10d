import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import { typeOsk } from '../support/kiosk-page.js';
import {
  emulatedIdCardReader,
  emulatorAction,
  emulatorFault,
  root,
  startKiosk,
  testConfig,
  type RunningKiosk,
  emulatedA4Printer,
  emulatedReceiptPrinter,
} from '../support/kiosk-process.js';

const NAME = '张伟民';
const ID_PREFIX = '11010119850312003';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `journey-${name}.png`) });

async function emulatorState<T>(name: string): Promise<T> {
  const r = await fetch(`${kiosk.controlPanel}api/emulators`);
  const all = (await r.json()) as { name: string; state: T }[];
  return all.find((e) => e.name === name)!.state;
}

/** A resident places the card, searches the matter by initials and opens its query-and-print flow. */
async function startProofFlow(persona = 'adult') {
  await emulatorAction(kiosk, 'idcard', 'place', persona);
  await page.getByTestId('identify-greeting').waitFor();
  await emulatorAction(kiosk, 'idcard', 'remove');
  await page.getByTestId('search').click();
  for (const k of 'hjzm') await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
  const hit = page.getByTestId('search-results').getByTestId('matter').first();
  await expect.poll(() => hit.textContent()).toContain('户籍证明开具');
  await hit.click();
  await page.getByTestId('do-here').click();
  await page.locator('[data-testid="flow"][data-flow="printProof"]').waitFor();
}

/** The step the core says the resident is at, and its status. */
const step = async () => {
  const el = page.getByTestId('flow-step');
  return `${await el.getAttribute('data-step')}:${await el.getAttribute('data-status')}`;
};

/** Ends the session the way a resident does: 结束办理, then confirm once. */
async function endSession() {
  await page.getByTestId('exit').click();
  await page.getByTestId('confirm-end-yes').click();
  await page.getByTestId('attract').waitFor();
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [emulatedIdCardReader, emulatedA4Printer, emulatedReceiptPrinter],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  await waitForCatalog(page);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('identify, query and print a proof, rate the service', () => {
  it('prints the proof the platform issued, with progress; the receipt and the evaluation follow; nothing personal stays behind', async () => {
    await startProofFlow();
    // identified already: the printer is asked, then straight to the preview, drawn by pdf.js
    const preview = page.getByTestId('pdf-preview');
    await preview.waitFor({ timeout: 20_000 });
    await expect.poll(() => preview.getAttribute('data-pages')).toBe('2');
    await page.getByTestId('pdf-next').click();
    await expect.poll(() => preview.getAttribute('data-page')).toBe('2');
    await shot('preview');
    await page.getByTestId('preview-next').click();
    await page.getByTestId('copies-1').click();
    await page.getByTestId('print').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('print-progress')
            .textContent({ timeout: 200 })
            .catch(() => ''),
        { timeout: 5000 },
      )
      .toMatch(/共 2 页/);
    await page.getByTestId('take-document').waitFor({ timeout: 20_000 });
    await shot('take-document');

    // the printer spooled the platform's PDF with the resident's name in it
    const ipp = await emulatorState<{ jobs: { state: number; file: string }[] }>('printer-ipp');
    expect(ipp.jobs).toHaveLength(1);
    expect(ipp.jobs[0]!.state).toBe(9);
    expect(execFileSync('pdftotext', [ipp.jobs[0]!.file, '-'], { encoding: 'utf8' })).toContain(NAME);

    await page.getByTestId('receipt').click();
    await page.getByTestId('evaluation').waitFor({ timeout: 10_000 });
    const receipt = await emulatorState<{ lastReceipt: string }>('printer-escpos');
    expect(receipt.lastReceipt).toContain('户籍证明开具');
    expect(receipt.lastReceipt).not.toContain(NAME);

    await page.getByTestId('level-2').click();
    expect(await page.getByTestId('evaluation-submit').isDisabled()).toBe(true);
    await page.getByTestId('reason-wait').click();
    await shot('evaluate');
    await page.getByTestId('evaluation-submit').click();
    await page.getByTestId('flow-done').waitFor();
    await page.getByTestId('receipt-done').waitFor();
    // the platform receives the reason as a code, whatever the resident's language
    await expect
      .poll(async () => (await emulatorState<{ evaluations: { level: number; reasons: string[] }[] }>('platform')).evaluations, {
        timeout: 10_000,
      })
      .toEqual([expect.objectContaining({ level: 2, reasons: ['wait'] })]);

    // 结束办理 asks once; "continue" keeps everything
    await page.getByTestId('finish').click();
    await page.getByTestId('confirm-end').waitFor();
    await shot('confirm-end');
    await page.getByTestId('confirm-end-no').click();
    expect(await step()).toBe('done:waiting');
    await page.getByTestId('finish').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
    // after the session: no trace of the resident in the page, the UI stores or the kiosk's files
    expect(await page.content()).not.toContain(NAME);
    const stores = await page.evaluate(() => {
      const s = (window as unknown as { __kioskStores: Record<string, { getState(): unknown }> }).__kioskStores;
      return JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.getState()])));
    });
    expect(stores).not.toContain(NAME);
    expect(stores).not.toContain(ID_PREFIX);
    for (const file of listFiles(kiosk.dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(NAME)), file).toBe(false);
      expect(bytes.includes(Buffer.from(ID_PREFIX)), file).toBe(false);
    }
  });

  it('a reload mid-journey comes back to the same step; a jam says what happened to the half page, offers the electronic copy and reprints the same proof', async () => {
    await page.getByTestId('attract').click();
    await startProofFlow();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 20_000 });
    await page.getByTestId('preview-next').click();
    await page.getByTestId('copies-2').waitFor();
    await page.reload();
    await page.getByTestId('copies-2').waitFor({ timeout: 20_000 });
    expect(await step()).toBe('copies:waiting');
    expect(await page.getByTestId('flow').getAttribute('data-flow')).toBe('printProof');

    const issuedBefore = (await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued;
    await emulatorFault(kiosk, 'printer-ipp', 'jamMidJob', true);
    await page.getByTestId('print').click();
    const failed = page.getByTestId('flow-failure');
    await failed.waitFor({ timeout: 20_000 });
    await expect(failed.textContent()).resolves.toMatch(/卡纸.*半页.*第 1 页/);
    await failed.getByTestId('qr').waitFor();
    await shot('jam');
    await emulatorAction(kiosk, 'printer-ipp', 'clear');
    await page.getByTestId('flow-retry').click();
    await page.getByTestId('take-document').waitFor({ timeout: 20_000 });
    expect((await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued).toBe(issuedBefore);
    await page.getByTestId('to-evaluation').click();
    // skipping the rating does not end the session: the resident decides on the last screen
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await page.getByTestId('flow-more').click();
    // back to the session (the reload above dropped the on-screen path, so home), still identified
    await page.getByTestId('home').waitFor();
    await page.getByTestId('identify-greeting').waitFor();
    await endSession();
  });

  it('a receipt that fails says why (cover open, not always "out of paper") and can be skipped', async () => {
    await page.getByTestId('attract').click();
    await startProofFlow();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 20_000 });
    await page.getByTestId('preview-next').click();
    await page.getByTestId('print').click();
    await page.getByTestId('take-document').waitFor({ timeout: 20_000 });
    await emulatorFault(kiosk, 'printer-escpos', 'coverOpen', true);
    await page.getByTestId('receipt').click();
    const failed = page.getByTestId('flow-failure');
    await failed.waitFor({ timeout: 20_000 });
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('机盖');
    expect(text).not.toContain('没有纸');
    await emulatorFault(kiosk, 'printer-escpos', 'coverOpen', false);
    await page.getByTestId('flow-skip').click();
    await page.getByTestId('evaluation').waitFor();
    await endSession();
  });

  it('a foreign permanent resident card is told plainly that this proof is for resident ID holders, before the platform is asked', async () => {
    await page.getByTestId('attract').click();
    const issuedBefore = (await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued;
    await startProofFlow('foreign2023');
    const failed = page.getByTestId('flow-failure');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.getAttribute('data-message-key')).toBe('flow.error.notEligible');
    await expect(failed.textContent()).resolves.toContain('外国人永久居留身份证');
    expect((await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued).toBe(issuedBefore);
    await shot('not-eligible');
    await endSession();
  });

  it('with the printer out of paper, it says so before any work and offers the electronic version', async () => {
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', true);
    await page.getByTestId('attract').click();
    const issuedBefore = (await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued;
    await startProofFlow();
    const notReady = page.getByTestId('flow-failure');
    await notReady.waitFor({ timeout: 20_000 });
    expect(await step()).toBe('readiness:failed');
    await expect(notReady.textContent()).resolves.toContain('没有纸');
    await notReady.getByTestId('qr').waitFor();
    await shot('paper-out');
    expect((await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued).toBe(issuedBefore);
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', false);
    await endSession();
  });

  it('a technician prints the print log: the jobs of the day by case number, nothing personal', async () => {
    await page.keyboard.press('Control+Alt+m');
    for (const d of '246810') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-enter').click();
    await page.getByTestId('maint-print-log').click();
    await expect.poll(() => page.getByTestId('maint-outbox').textContent(), { timeout: 20_000 }).toContain('打印日志已输出');
    const ipp = await emulatorState<{ jobs: { state: number; file: string }[] }>('printer-ipp');
    const log = execFileSync('pdftotext', [ipp.jobs.at(-1)!.file, '-'], { encoding: 'utf8' });
    expect(log).toContain('打印日志');
    expect(log).toMatch(/TEST-0001-\d{8}-0001/);
    expect(log).not.toContain(NAME);
    await page.getByTestId('maintenance-exit').click();
  });
});

describe('查询办件进度: the progress query', () => {
  it('with the card: my cases newest first, one case with its timeline, a printed progress sheet, then done', async () => {
    await page.getByTestId('attract').click();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    await emulatorAction(kiosk, 'idcard', 'remove');
    await page.getByTestId('tile-progress').click();
    await page.locator('[data-testid="flow"][data-flow="progress"]').waitFor();
    const list = page.getByTestId('case-list');
    await list.waitFor({ timeout: 20_000 });
    await shot('progress-list');
    const first = list.locator('button').first();
    const caseNumber = ((await first.getAttribute('data-testid')) ?? '').replace('case-', '');
    await first.click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-case')).toBe(caseNumber);
    expect(await page.getByTestId('timeline').locator('li').count()).toBeGreaterThanOrEqual(2);
    await shot('progress-detail');
    const jobsBefore = (await emulatorState<{ jobs: unknown[] }>('printer-ipp')).jobs.length;
    await page.getByTestId('slip-a4').click();
    await page.getByTestId('slip-printed').waitFor({ timeout: 20_000 });
    const ipp = await emulatorState<{ jobs: { file: string }[] }>('printer-ipp');
    expect(ipp.jobs.length).toBe(jobsBefore + 1);
    const slip = execFileSync('pdftotext', [ipp.jobs.at(-1)!.file, '-'], { encoding: 'utf8' });
    expect(slip).toContain(caseNumber);
    expect(slip).not.toContain(ID_PREFIX);
    expect(slip).not.toContain(NAME);
    await page.getByTestId('case-done').click();
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
    await page.getByTestId('finish').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
  });

  it('without a card: case number and query code typed on the kiosk keyboard; a wrong code says so and can be typed again', async () => {
    const sample = (await emulatorState<{ cases: { caseNumber: string; queryCode: string }[] }>('platform')).cases[1]!;
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-progress').click();
    await page.getByTestId('by-code').click();
    await page.getByTestId('field-caseNumber').click();
    await typeOsk(page, sample.caseNumber);
    await page.getByTestId('field-queryCode').click();
    await typeOsk(page, 'ZZ99ZZ');
    await shot('progress-code');
    await page.getByTestId('case-code-submit').click();
    const failed = page.getByTestId('flow-failure');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.getAttribute('data-message-key')).toBe('progress.error.noMatch');
    await page.getByTestId('flow-back').click();
    await page.getByTestId('by-code').click();
    await page.getByTestId('field-caseNumber').click();
    await typeOsk(page, sample.caseNumber);
    await page.getByTestId('field-queryCode').click();
    await typeOsk(page, sample.queryCode);
    await page.getByTestId('case-code-submit').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor({ timeout: 20_000 });
    expect(await detail.getAttribute('data-case')).toBe(sample.caseNumber);
    await endSession();
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}
