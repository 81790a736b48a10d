import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import {
  emulatedIdCardReader,
  emulatorAction,
  emulatorFault,
  root,
  startKiosk,
  testConfig,
  type RunningKiosk,
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
async function startProofFlow() {
  await emulatorAction(kiosk, 'idcard', 'place', 'adult');
  await page.getByTestId('identify-greeting').waitFor();
  await emulatorAction(kiosk, 'idcard', 'remove');
  await page.getByTestId('search').click();
  for (const k of 'hjzm') await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
  const hit = page.getByTestId('search-results').getByTestId('matter').first();
  await expect.poll(() => hit.textContent()).toContain('户籍证明开具');
  await hit.click();
  await page.getByTestId('do-here').click();
  await page.getByTestId('proof-flow').waitFor();
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [
        emulatedIdCardReader,
        {
          id: 'a4',
          kind: 'certificatePrinter',
          driver: 'ipp',
          transport: { type: 'emulator' },
          emulator: 'printer-ipp',
          pollIntervalMs: 60_000,
        },
        {
          id: 'receipt',
          kind: 'receiptPrinter',
          driver: 'escpos',
          transport: { type: 'emulator' },
          emulator: 'printer-escpos',
          pollIntervalMs: 60_000,
        },
      ],
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
    // identified already: straight to the preview, drawn by pdf.js
    const preview = page.getByTestId('pdf-preview');
    await preview.waitFor({ timeout: 20_000 });
    await expect.poll(() => preview.getAttribute('data-pages')).toBe('2');
    await page.getByTestId('pdf-next').click();
    await expect.poll(() => preview.getAttribute('data-page')).toBe('2');
    await shot('preview');
    await page.getByTestId('copies-1').click();
    await page.getByTestId('print').click();
    await expect.poll(() => page.getByTestId('flow-step').getAttribute('data-step'), { timeout: 5000 }).toBe('printing');
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
    await page.getByTestId('receipt-done').waitFor({ timeout: 10_000 });
    const receipt = await emulatorState<{ lastReceipt: string }>('printer-escpos');
    expect(receipt.lastReceipt).toContain('户籍证明开具');
    expect(receipt.lastReceipt).not.toContain(NAME);

    await page.getByTestId('to-evaluation').click();
    await page.getByTestId('level-2').click();
    expect(await page.getByTestId('evaluation-submit').isDisabled()).toBe(true);
    await page.getByTestId('reason-wait').click();
    await page.getByTestId('evaluation-submit').click();
    await page.getByTestId('thanks').waitFor();
    await expect
      .poll(async () => (await emulatorState<{ evaluations: { level: number; reasons: string[] }[] }>('platform')).evaluations, {
        timeout: 10_000,
      })
      .toEqual([expect.objectContaining({ level: 2, reasons: ['等待时间长'] })]);

    await page.getByTestId('finish').click();
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

  it('a jam mid-job says so and reprints the same proof without asking the platform again', async () => {
    await page.getByTestId('attract').click();
    await startProofFlow();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 20_000 });
    const issuedBefore = (await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued;
    await emulatorFault(kiosk, 'printer-ipp', 'jamMidJob', true);
    await page.getByTestId('print').click();
    const failed = page.getByTestId('print-failed');
    await failed.waitFor({ timeout: 20_000 });
    await expect(failed.textContent()).resolves.toContain('卡纸');
    await shot('jam');
    await emulatorAction(kiosk, 'printer-ipp', 'clear');
    await page.getByTestId('reprint').click();
    await page.getByTestId('take-document').waitFor({ timeout: 20_000 });
    expect((await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued).toBe(issuedBefore);
    await page.getByTestId('to-evaluation').click();
    await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('attract').waitFor();
  });

  it('with the printer out of paper, it says so before any work and offers the electronic version', async () => {
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', true);
    await page.getByTestId('attract').click();
    const issuedBefore = (await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued;
    await startProofFlow();
    const notReady = page.getByTestId('printer-not-ready');
    await notReady.waitFor({ timeout: 20_000 });
    await expect(notReady.textContent()).resolves.toContain('没有纸');
    await notReady.getByTestId('qr').waitFor();
    expect((await emulatorState<{ proofsIssued: number }>('platform')).proofsIssued).toBe(issuedBefore);
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', false);
    await page.getByTestId('exit').click();
    await page.getByTestId('attract').waitFor();
  });

  it('a technician prints the print log: the jobs of the day by case number, nothing personal', async () => {
    await page.keyboard.press('Control+Alt+m');
    for (const d of '246810') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-enter').click();
    await page.getByTestId('maint-print-log').click();
    await expect.poll(() => page.getByTestId('maint-outbox').textContent(), { timeout: 20_000 }).toContain('打印日志已打印');
    const ipp = await emulatorState<{ jobs: { state: number; file: string }[] }>('printer-ipp');
    const log = execFileSync('pdftotext', [ipp.jobs.at(-1)!.file, '-'], { encoding: 'utf8' });
    expect(log).toContain('打印日志');
    expect(log).toMatch(/TEST-0001-\d{8}-0001/);
    expect(log).not.toContain(NAME);
    await page.getByTestId('maintenance-exit').click();
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}
