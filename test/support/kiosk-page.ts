import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForCatalog } from './browser.js';
import { startKiosk, type RunningKiosk } from './kiosk-process.js';

export interface KioskPage {
  kiosk: RunningKiosk;
  browser: Browser;
  page: Page;
}

/**
 * Starts the kiosk with `config` and opens its UI in Chromium at 1280×1024, resolving once the attract screen is up
 * and the first catalog sync has landed. `browserArgs` go to Chromium; `beforeLoad` runs on the page before the UI
 * loads (init scripts). If any of it fails, what was started is stopped again.
 */
export async function openKioskPage(
  config: Record<string, unknown>,
  opts: { browserArgs?: string[]; beforeLoad?: (page: Page) => Promise<unknown> } = {},
): Promise<KioskPage> {
  const kiosk = await startKiosk(config);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(opts.browserArgs);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
    await opts.beforeLoad?.(page);
    await page.goto(kiosk.url);
    await page.getByTestId('attract').waitFor();
    await waitForCatalog(page);
    return { kiosk, browser, page };
  } catch (e) {
    await browser?.close();
    await kiosk.stop();
    throw e;
  }
}

/** Types on the kiosk's on-screen keyboard, switching between letters and digits as needed. */
export async function typeOsk(page: Page, text: string): Promise<void> {
  let digits = (await page.locator('[data-testid="osk"] [data-key="1"]').count()) > 0;
  for (const ch of text.toLowerCase()) {
    const wantDigits = /[0-9]/.test(ch);
    if (wantDigits !== digits) {
      await page.getByTestId('osk-layout').click();
      digits = wantDigits;
    }
    await page.locator(`[data-testid="osk"] [data-key="${ch}"]`).click();
  }
}
