import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import {
  emulatedIdCardReader,
  emulatorAction,
  startKiosk,
  testConfig,
  type RunningKiosk,
  emulatedA4Printer,
} from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;

type VoiceState = { on: boolean; volume: number; lastSpoken: string | null; errorKey: string | null };
const voice = () =>
  page.evaluate(() => (window as unknown as { __kioskStores: { voice: { getState(): VoiceState } } }).__kioskStores.voice.getState());
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

/** Presses down (the keypad's arrow) until the control `testId` has focus; fails if it never comes. */
async function focusByKeypad(testId: string, max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focused()) === testId) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${testId} never got focus with the keypad (last: ${await focused()})`);
}

/** Focus is visible: the focused control lies inside the viewport with its ring not clipped by a scroll box. */
async function focusVisible(): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const r = el.getBoundingClientRect();
    const ring = parseFloat(getComputedStyle(el).outlineWidth) + parseFloat(getComputedStyle(el).outlineOffset);
    if (!(ring > 0) || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowY;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') {
        const b = p.getBoundingClientRect();
        if (
          r.top - ring < b.top - 0.5 ||
          r.bottom + ring > b.bottom + 0.5 ||
          r.left - ring < b.left - 0.5 ||
          r.right + ring > b.right + 0.5
        )
          return false;
      }
    }
    return true;
  });
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 600, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [emulatedIdCardReader, emulatedA4Printer],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('the tactile keypad drives a whole journey, with voice guidance', () => {
  it('查询办件进度 from the attract screen to the end with keypad keys only (the ID card is the only other thing)', async () => {
    await page.keyboard.press('Enter');
    await page.getByTestId('home').waitFor();
    // focus lands on the main content, not the top bar
    await expect.poll(focused).toBe('tile-apply');
    expect(await focusVisible()).toBe(true);

    // help turns voice mode on and the screen announces itself; focus changes are read out
    await page.keyboard.press('F1');
    await expect.poll(async () => JSON.stringify(await voice())).toContain('请选择要办理的业务');
    expect((await voice()).on).toBe(true);
    await focusByKeypad('tile-progress');
    await expect.poll(async () => (await voice()).lastSpoken ?? '').toContain('进度查询');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('F3');
    await page.keyboard.press('F2');
    await page.keyboard.press('F2');
    expect((await voice()).volume).toBe(0.6);

    await page.keyboard.press('Enter');
    await page.locator('[data-testid="flow"][data-flow="progress"]').waitFor();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('case-list').waitFor({ timeout: 20_000 });
    await emulatorAction(kiosk, 'idcard', 'remove');
    await expect.poll(focused).toMatch(/^case-/);
    await expect.poll(async () => (await voice()).lastSpoken ?? '').not.toBe('');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-detail').waitFor();
    // numbers on the case screen are spoken in words when read: the case number is spelled digit by digit
    await focusByKeypad('case-done');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('evaluation').waitFor();
    await focusByKeypad('evaluation-skip');
    await page.keyboard.press('Enter');
    await page.getByTestId('flow-done').waitFor();
    await expect.poll(focused).toBe('finish');
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-end').waitFor();
    // focus stays inside the overlay: going round never reaches the screen behind it
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="confirm-end"]'))).toBe(true);
    }
    await focusByKeypad('confirm-end-yes');
    await page.keyboard.press('Enter');
    await page.getByTestId('attract').waitFor();
    // the session ended: voice mode off, nothing said in it kept
    await expect.poll(async () => (await voice()).on).toBe(false);
    expect((await voice()).lastSpoken).toBeNull();
  });

  it('back on the keypad leaves a screen the way the back button does', async () => {
    await page.keyboard.press('Enter');
    await page.getByTestId('home').waitFor();
    await focusByKeypad('search');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-screen').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('home').waitFor();
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
  });
});
