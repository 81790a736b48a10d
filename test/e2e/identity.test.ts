import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import {
  emulatedIdCardReader,
  emulatorAction,
  emulatorFault,
  root,
  startKiosk,
  testConfig,
  type RunningKiosk,
} from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `identity-${name}.png`) });
const identity = () => page.getByTestId('identify');
/** Takes the card away and waits until the reader has seen the empty pad (a person never swaps faster than a poll). */
async function removeCard() {
  await emulatorAction(kiosk, 'idcard', 'remove');
  await expect.poll(() => identity().getAttribute('data-card-on-reader'), { timeout: 10_000 }).toBe('false');
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 5, countdownSeconds: 3 },
      // no pcscd runs outside the test namespaces: this reader must show offline with its reason, and break nothing
      devices: [
        emulatedIdCardReader,
        // the A4 printer, for "printing paused" said up front
        {
          id: 'a4',
          kind: 'certificatePrinter',
          driver: 'ipp',
          transport: { type: 'emulator' },
          emulator: 'printer-ipp',
          pollIntervalMs: 1000,
        },
        {
          id: 'sscard',
          kind: 'smartCardReader',
          driver: 'ssse-pcsc',
          transport: { type: 'pcsc', reader: 'Virtual PCD 00 00' },
          emulator: 'smartcard',
        },
      ],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  expect(await page.evaluate(() => typeof (window as unknown as { __kioskStores?: unknown }).__kioskStores)).toBe('object');
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('identify with the ID card', () => {
  it('placing a card on the attract screen starts a session and greets the resident with a masked number', async () => {
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    await expect(page.getByTestId('identify-greeting').textContent()).resolves.toContain('张伟民');
    await expect(page.getByTestId('identify-masked-id').textContent()).resolves.toMatch(/^1101\*{10}\d{3}[\dX]$/);
    const html = await page.content();
    expect(html).not.toMatch(/110101198503120\d{3}/);
    expect(html).not.toContain('幸福里');
    await shot('01-read');
    const audit = await new AxeBuilder({ page }).analyze();
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await removeCard();
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
  });

  it('tells the resident to keep the card still when it is removed mid-read', async () => {
    await page.getByTestId('touch-to-start').click();
    await emulatorFault(kiosk, 'idcard', 'cardRemovedMidRead', true);
    await emulatorAction(kiosk, 'idcard', 'place', 'elderly');
    await page.getByTestId('identify-message').waitFor();
    await expect(page.getByTestId('identify-message').textContent()).resolves.toContain('保持不动');
    await shot('02-keep-still');
    await emulatorFault(kiosk, 'idcard', 'cardRemovedMidRead', false);
    await emulatorAction(kiosk, 'idcard', 'place', 'elderly');
    await page.getByTestId('identify-greeting').waitFor();
    await expect(page.getByTestId('identify-greeting').textContent()).resolves.toContain('长辈模式');
    await removeCard();
  });

  it('refuses an expired card with what to do instead', async () => {
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
    await emulatorAction(kiosk, 'idcard', 'place', 'expired');
    await page.getByTestId('identify-message').waitFor();
    await expect(page.getByTestId('identify-message').textContent()).resolves.toContain('已过期');
    await expect(page.getByTestId('identify').textContent()).resolves.not.toContain('李强');
    await removeCard();
  });

  it('says the reader is unavailable, with an alternative, when it is unplugged', async () => {
    await emulatorAction(kiosk, 'idcard', 'unplug');
    await expect.poll(() => identity().getAttribute('data-state'), { timeout: 10_000 }).toBe('unavailable');
    await expect(page.getByTestId('identify-message').textContent()).resolves.toContain('12345');
    await expect(identity().textContent()).resolves.toContain('暂时无法读取身份证');
    await expect(identity().textContent()).resolves.not.toContain('请将身份证放在');
    await shot('03-reader-offline');
    await emulatorAction(kiosk, 'idcard', 'replug');
    await expect.poll(() => identity().getAttribute('data-state'), { timeout: 10_000 }).toBe('waiting');
  });

  it('wipes the identity from the screen and the stores when the session times out', async () => {
    await emulatorAction(kiosk, 'idcard', 'place', 'minority');
    await page.getByTestId('identify-greeting').waitFor();
    await removeCard();
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await page.getByTestId('attract').waitFor({ timeout: 15_000 });
    expect(await page.content()).not.toContain('阿依古丽');
    const stores = await page.evaluate(() => {
      const s = (window as unknown as { __kioskStores: Record<string, { getState(): unknown }> }).__kioskStores;
      return JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.getState()])));
    });
    expect(stores).not.toContain('阿依古丽');
    expect(stores).not.toMatch(/\*{10}/);
  });

  it('lists the reader in maintenance with a passing self-test and the SAM id', async () => {
    await page.keyboard.press('Control+Alt+m');
    for (const d of '246810') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-enter').click();
    const row = page.getByTestId('maint-device-idcard');
    await row.waitFor();
    await row.getByRole('button').click();
    await page.getByTestId('selftest-idcard').waitFor();
    await expect(page.getByTestId('selftest-idcard').textContent()).resolves.toMatch(/自检通过[\s\S]*\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}/);
    await expect(page.getByTestId('maint-info-idcard-samId').textContent()).resolves.toMatch(
      /安全模块号: \d{2}\.\d{2}-\d{8}-\d{10}-\d{10}/,
    );
    const ss = page.getByTestId('maint-device-sscard');
    await expect(ss.textContent()).resolves.toContain('离线');
    await expect(ss.textContent()).resolves.toContain('PC/SC service (pcscd) unavailable');
    await shot('04-maintenance');
    await page.getByTestId('maintenance-exit').click();
  });
});

describe('a card the reader will not read again (issue 9 #6)', () => {
  it('a card left on the reader when the last session ended: the next resident is asked to lift and replace it, and then it reads', async () => {
    await page.getByTestId('attract').waitFor();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    // the resident walks away without the card: the session times out, the card stays on the reader
    await page.getByTestId('attract').waitFor({ timeout: 20_000 });
    await page.getByTestId('touch-to-start').click();
    await expect.poll(() => identity().getAttribute('data-lift-and-replace'), { timeout: 10_000 }).toBe('true');
    await expect(identity().textContent()).resolves.toContain('拿起');
    await shot('05-lift-and-replace');
    await removeCard();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    await removeCard();
  });

  it('a card that fails to read and stays on the reader: asked to lift and replace it instead of waiting forever', async () => {
    await removeCard();
    await emulatorFault(kiosk, 'idcard', 'unreadable', true);
    await emulatorAction(kiosk, 'idcard', 'place', 'elderly');
    await expect.poll(() => identity().getAttribute('data-lift-and-replace'), { timeout: 10_000 }).toBe('true');
    await expect(page.getByTestId('identify-message').textContent()).resolves.toContain('拿起');
    await emulatorFault(kiosk, 'idcard', 'unreadable', false);
    await removeCard();
    await emulatorAction(kiosk, 'idcard', 'place', 'elderly');
    await page.getByTestId('identify-greeting').waitFor();
    await removeCard();
  });
});

describe('printing paused, said up front (issue 9 #5)', () => {
  it('the attract and home screens say the A4 printer is out of paper; other services stay usable; "check again" clears it once paper is in', async () => {
    await page.getByTestId('attract').waitFor({ timeout: 20_000 });
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', true);
    const notice = page.getByTestId('printing-paused');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-reason')).toBe('paperOut');
    await expect(notice.textContent()).resolves.toContain('缺纸');
    await page.getByTestId('printing-recheck').click();
    // a touch on the notice does not start a session
    await page.getByTestId('printing-still-paused').waitFor();
    expect(await page.getByTestId('attract').count()).toBe(1);
    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('home').waitFor();
    await page.getByTestId('printing-paused').waitFor();
    await shot('06-printing-paused');
    // the notice blocks nothing: search still opens
    await page.getByTestId('search').click();
    await page.getByTestId('back').click();
    await page.getByTestId('home').waitFor();
    await emulatorFault(kiosk, 'printer-ipp', 'outOfPaper', false);
    await page.getByTestId('printing-recheck').click();
    await expect.poll(() => page.getByTestId('printing-paused').count(), { timeout: 5_000 }).toBe(0);
  });
});
