import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium with the flags this closed, root-run environment needs (docs/testing-peers.md), plus `extraArgs`. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** Waits until the UI holds the catalog's status with matters in it: the first sync has landed. */
export async function waitForCatalog(page: Page, atLeast = 1000): Promise<void> {
  await page.waitForFunction(
    (min) =>
      ((
        window as unknown as { __kioskStores: { catalog: { getState(): { status: { matterCount: number } | null } } } }
      ).__kioskStores.catalog.getState().status?.matterCount ?? 0) > min,
    atLeast,
    { timeout: 20_000 },
  );
}
