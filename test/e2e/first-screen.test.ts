import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;

interface Fetched {
  name: string;
  bytes: number;
  startTime: number;
}

/**
 * Runs before the page's scripts: notes when React's attract screen enters the DOM (the attract shell served with the
 * page is there before any script: what matters here is what the UI loads before it can run the screen).
 */
const attractProbe = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="attract"]:not(#attract-shell)')) return;
    window.__attractAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`;

const fetched = () =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: new URL(r.name).pathname.split('/').pop() ?? '', bytes: r.encodedBodySize, startTime: r.startTime };
    }),
  );
const kb = (files: Fetched[], ext: string) => files.filter((f) => f.name.endsWith(ext)).reduce((n, f) => n + f.bytes, 0) / 1024;

beforeAll(async () => {
  kiosk = await startKiosk(testConfig());
  browser = await launchBrowser();
  const context = await browser.newContext();
  await context.addInitScript({ content: attractProbe });
  page = await context.newPage();
  await page.goto(kiosk.url);
  await page.locator('[data-testid="attract"]:not(#attract-shell)').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('the first screen loads only what it draws (issue 9 #14)', () => {
  it('fetches no pdf.js, no other screen and not the web font before the attract screen is up', async () => {
    const attractAt = await page.evaluate(() => (window as unknown as { __attractAt: number }).__attractAt);
    const before = (await fetched()).filter((f) => f.startTime < attractAt);
    expect(
      before.map((f) => f.name).filter((n) => /^(pdf|pdf\.worker|HomeScreen|GuideScreen|MaintenanceScreen|FlowScreen|web-font)/.test(n)),
    ).toEqual([]);
    // was 925 KB of JavaScript (pdf.js and every screen) and 207 KB of CSS (the web font's @font-face rules)
    expect(kb(before, '.js')).toBeLessThan(520);
    expect(kb(before, '.css')).toBeLessThan(40);
  });

  it('then, while the resident has not touched yet, fetches the other screens and the web font', async () => {
    await expect
      .poll(async () => (await fetched()).map((f) => f.name.replace(/-[\w-]{8}\./, '.')), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['HomeScreen.js', 'FlowScreen.js', 'web-font.css']));
    // pdf.js waits for a preview to be shown
    expect((await fetched()).some((f) => /^pdf-/.test(f.name))).toBe(false);
  });
});
