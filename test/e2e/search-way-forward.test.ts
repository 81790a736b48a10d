import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import { root, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `search-${name}.png`) });

async function typeOnScreen(text: string) {
  for (const k of text) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      // a terminal in 上海市静安区: the emulator's Sichuan district matters are implemented elsewhere
      terminal: { id: 'TEST-0001', name: '测试终端', outlet: '测试网点', hotline: '12345', region: '310106' },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').click();
  await page.getByTestId('home').waitFor();
  await waitForCatalog(page);
  await page.getByTestId('search').click();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('search on a terminal with a region', () => {
  it('a matter implemented only elsewhere is shown, with the region that handles it', async () => {
    await typeOnScreen('lvguanye');
    const first = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => first.textContent()).toContain('旅馆业');
    await expect(first.getByTestId('matter-region').textContent()).resolves.toBe('四川省广安市广安区办理');
    await shot('elsewhere');
  });

  it('a search that finds nothing offers browsing by category, by life event and the hotline', async () => {
    await page.getByTestId('osk-clear').click();
    await typeOnScreen('vvvv');
    const panel = page.getByTestId('no-results');
    await expect.poll(() => panel.textContent()).toContain('vvvv');
    await expect(page.getByTestId('no-results-hotline').textContent()).resolves.toContain('12345');
    await shot('nothing-found');
    await page.getByTestId('no-results-life-events').click();
    await page.getByTestId('life-events-screen').waitFor();
  });
});
