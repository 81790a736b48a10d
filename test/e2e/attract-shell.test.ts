import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let context: BrowserContext;
let page: Page | null = null;
let home: string;

const SHELL = '#attract-shell';
const REACT_ATTRACT = '[data-testid="attract"]:not(#attract-shell)';

/**
 * Runs before the page's scripts. Notes whether the page ever showed no attract screen between its first one and
 * a session starting (a flash), and the shell's text when it became touchable.
 */
const flashProbe = `
  window.__seen = { attract: false, gap: false, shellText: null };
  new MutationObserver(() => {
    const attract = document.querySelector('[data-testid="attract"]');
    const session = document.querySelector('[data-testid="home"]');
    if (attract) window.__seen.attract = true;
    else if (window.__seen.attract && !session) window.__seen.gap = true;
    const shell = document.querySelector('#attract-shell[data-shell="ready"]');
    if (shell && window.__seen.shellText === null) window.__seen.shellText = shell.innerText;
  }).observe(document, { childList: true, subtree: true, attributes: true });`;

const withoutClock = (text: string) => text.replace(/\d{1,2}:\d{2}/, '');

async function open(opts: { holdBridge?: boolean; noScript?: boolean } = {}): Promise<{ release: () => void }> {
  await page?.close();
  page = await context.newPage();
  if (opts.noScript) await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
  // what the core says is held until released: the shell is up and listening, React cannot take over yet
  const held: (string | Buffer)[] = [];
  let toPage: WebSocketRoute | null = null;
  let holding = opts.holdBridge ?? false;
  if (holding)
    await page.routeWebSocket(/\/bridge$/, (ws) => {
      toPage = ws;
      ws.connectToServer().onMessage((m) => (holding ? held.push(m) : ws.send(m)));
    });
  await page.goto(home);
  return {
    release: () => {
      holding = false;
      for (const m of held.splice(0)) toPage?.send(m);
    },
  };
}

beforeAll(async () => {
  kiosk = await startKiosk(testConfig());
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await context.addInitScript({ content: flashProbe });
  // the launch URL's single-use ticket gives this context the UI credential; later pages open the UI's home
  const first = await context.newPage();
  await first.goto(kiosk.url);
  await first.locator(REACT_ATTRACT).waitFor();
  await first.close();
  home = new URL('/', kiosk.url).href;
});

afterEach(async () => {
  // back to no session, for the next page
  if (page && (await page.getByTestId('home').count())) {
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.locator(REACT_ATTRACT).waitFor();
  }
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('the attract screen served with the page (issue 9 #14)', () => {
  it('is on screen from the HTML alone, before (and without) any of the page script, and takes no touch then', async () => {
    await open({ noScript: true });
    const shell = page!.locator(SHELL);
    await shell.waitFor();
    expect(await shell.textContent()).toContain('测试终端');
    expect(await shell.textContent()).toContain('12345');
    expect(await page!.getByTestId('clock').textContent()).toMatch(/^\d{2}:\d{2}$/);
    // styled by the design tokens already (the stylesheet came inline with the page)
    expect(await shell.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('linear-gradient');
    // no listener yet: the shell does not pretend to take a touch it would drop
    expect(await page!.getByTestId('touch-to-start').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
  });

  it('is replaced by React without a frame of anything else, showing the same text', async () => {
    await open();
    await page!.locator(REACT_ATTRACT).waitFor();
    const seen = await page!.evaluate(() => (window as unknown as { __seen: { gap: boolean; shellText: string | null } }).__seen);
    expect(seen.gap).toBe(false);
    expect(seen.shellText).not.toBeNull();
    const reactText = await page!.locator(REACT_ATTRACT).innerText();
    expect(withoutClock(reactText)).toBe(withoutClock(seen.shellText!));
    expect(await page!.locator(SHELL).count()).toBe(0);
  });

  it('keeps a touch taken before React took over and starts the session with it', async () => {
    const { release } = await open({ holdBridge: true });
    await page!.getByTestId('touch-to-start').click();
    expect(await page!.locator(SHELL).getAttribute('aria-busy')).toBe('true');
    release();
    await page!.getByTestId('home').waitFor();
  });

  it('starts the session in the language whose button was touched before React took over', async () => {
    const { release } = await open({ holdBridge: true });
    await page!.locator(SHELL).getByTestId('start-en').click();
    release();
    await page!.getByTestId('home').waitFor();
    await expect.poll(() => page!.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page!.getByTestId('home').textContent()).toContain('What would you like to do?');
  });

  it('is served only to the window holding the UI credential: another one is told it cannot connect', async () => {
    const stranger = await browser.newContext();
    try {
      const other = await stranger.newPage();
      await other.goto(home);
      await other.getByTestId('connecting').waitFor();
      expect(await other.locator(SHELL).count()).toBe(0);
    } finally {
      await stranger.close();
    }
  });

  it('is not served while a session runs: a reload mid-session never shows the attract screen', async () => {
    await open();
    await page!.getByTestId('touch-to-start').click();
    await page!.getByTestId('home').waitFor();
    await page!.reload();
    await page!.getByTestId('home').waitFor();
    const seen = await page!.evaluate(() => (window as unknown as { __seen: { attract: boolean } }).__seen);
    expect(seen.attract).toBe(false);
  });
});
