import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;

const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();

beforeAll(async () => {
  kiosk = await startKiosk(testConfig());
  browser = await launchBrowser();
  page = await newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('browser mode: one UI window, holding a credential no script can read', () => {
  it('the launch ticket leaves the address bar and the credential is invisible to the page', async () => {
    expect(page.url()).toBe(`${new URL(kiosk.url).origin}/`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('a second window on the kiosk address, without a ticket, gets no bridge; the first keeps it', async () => {
    const other = await newPage();
    await other.goto(new URL(kiosk.url).origin);
    await other.getByTestId('connecting').getByRole('status').getByText('正在连接终端服务…').waitFor();
    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('home').waitFor();
    await other.context().close();
  });

  it('the used launch URL opened again is refused, and the window that got in with it is cut off', async () => {
    const other = await newPage();
    const response = await other.goto(kiosk.url);
    expect(response?.status()).toBe(403);
    await page.getByRole('alert').getByText('正在连接终端服务…').waitFor();
    expect(kiosk.stderr()).toContain('ticketReused');
    await other.context().close();
  });
});
