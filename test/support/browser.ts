import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium with the flags this closed, root-run environment needs (TESTING-PEERS.md). */
export function launchBrowser(): Promise<Browser> {
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
    ],
  });
}
