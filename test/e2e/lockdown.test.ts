import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { emulatedIdCardReader, emulatorAction, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

const NAME = '张伟民';
const SENTINEL = 'clipboard-before-the-attempts';

let kiosk: RunningKiosk;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let kioskUrl = '';
const escapes = { pages: 0, popups: 0, dialogs: 0, downloads: 0, fileChoosers: 0, navigations: 0 };
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lockdown-'));

/** Everything that would show the resident anything but the kiosk page. */
async function expectStillOnTheKiosk() {
  expect(escapes).toEqual({ pages: 0, popups: 0, dialogs: 0, downloads: 0, fileChoosers: 0, navigations: 0 });
  expect(page.url()).toBe(kioskUrl);
  expect(context.pages()).toHaveLength(1);
  // the page was not reloaded (a reload would drop this marker and the resident's session screen)
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
  await page.getByTestId('identify-greeting').waitFor({ timeout: 2000 });
}

/** Default-prevented state of the events the page saw, as a listener after the kiosk's own sees them. */
const seen = (type: string) =>
  page.evaluate(
    (t) => (window as unknown as { __seen: { type: string; prevented: boolean; probe: boolean }[] }).__seen.filter((e) => e.type === t),
    type,
  );

/** Adds something to the page as platform content or a compromised script could, and returns its centre. */
async function inject(html: string): Promise<{ x: number; y: number }> {
  await page.evaluate((h) => {
    document.getElementById('lockdown-probe')?.remove();
    const box = document.createElement('div');
    box.id = 'lockdown-probe';
    box.style.cssText = 'position:fixed;left:20px;top:20px;z-index:99999;background:#fff;font-size:32px;padding:16px';
    box.innerHTML = h;
    document.body.append(box);
  }, html);
  const b = (await page.locator('#lockdown-probe > *').first().boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The blocked attempts the core wrote to its audit log, summed over its aggregated rows. */
function auditedAttempts(): { byKind: Record<string, number>; byWhat: Record<string, number> } {
  const db = new Database(path.join(kiosk.dataDir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT detail FROM audit WHERE type = 'lockdown.blocked'").all() as { detail: string }[];
    const sum = { byKind: {} as Record<string, number>, byWhat: {} as Record<string, number> };
    for (const r of rows) {
      const d = JSON.parse(r.detail) as { byKind: Record<string, number>; byWhat: Record<string, number> };
      for (const [k, n] of Object.entries(d.byKind)) sum.byKind[k] = (sum.byKind[k] ?? 0) + n;
      for (const [k, n] of Object.entries(d.byWhat)) sum.byWhat[k] = (sum.byWhat[k] ?? 0) + n;
    }
    return sum;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  kiosk = await startKiosk(testConfig({ timeouts: { idleSeconds: 300, countdownSeconds: 15 }, devices: [emulatedIdCardReader] }));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 1024 }, hasTouch: true, acceptDownloads: true });
  page = await context.newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  kioskUrl = page.url();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(kioskUrl).origin });
  cdp = await context.newCDPSession(page);

  context.on('page', () => escapes.pages++);
  page.on('popup', () => escapes.popups++);
  page.on('dialog', (d) => {
    escapes.dialogs++;
    void d.dismiss();
  });
  page.on('download', () => escapes.downloads++);
  page.on('filechooser', () => escapes.fileChoosers++);

  // a resident is identified: their name is on the screen
  await emulatorAction(kiosk, 'idcard', 'place', 'adult');
  await page.getByTestId('identify-greeting').waitFor();
  await page.evaluate(() => {
    (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    const log: { type: string; prevented: boolean; probe: boolean }[] = [];
    (window as unknown as { __seen: unknown }).__seen = log;
    for (const type of ['keydown', 'contextmenu', 'wheel', 'drop', 'dragstart', 'copy', 'selectstart', 'click', 'beforeprint'])
      window.addEventListener(
        type,
        (e) =>
          log.push({ type, prevented: e.defaultPrevented, probe: e.target instanceof Element && !!e.target.closest('#lockdown-probe') }),
        { passive: true },
      );
  });
  page.on('framenavigated', (f) => f === page.mainFrame() && escapes.navigations++);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('lockdown: every way out of the kiosk page is blocked and recorded', () => {
  it('keyboard shortcuts: close, new window or tab, reload, print, devtools, view source, function keys, window switching, Super', async () => {
    await page.getByTestId('identify-greeting').click();
    const keys = [
      'Alt+F4',
      'Control+w',
      'Control+n',
      'Control+t',
      'Control+r',
      'Control+p',
      'Control+Shift+i',
      'Control+u',
      'Control+Shift+u',
    ];
    for (let i = 1; i <= 12; i++) keys.push(`F${i}`);
    keys.push('Alt+Tab', 'Meta', 'Control+Alt+F1');
    for (const k of keys) await page.keyboard.press(k);
    await expectStillOnTheKiosk();
    const blocked = await seen('keydown');
    // each combination reached the page only as a cancelled key press (modifier presses alone pass)
    expect(blocked.filter((e) => !e.prevented).length).toBeLessThanOrEqual(keys.length);
    expect(blocked.filter((e) => e.prevented).length).toBeGreaterThanOrEqual(keys.length);
  });

  it('context menu by right click, and the long press of a finger', async () => {
    const b = (await page.getByTestId('identify-greeting').boundingBox())!;
    await page.mouse.click(b.x + 10, b.y + b.height / 2, { button: 'right' });
    await cdp.send('Input.synthesizeTapGesture', { x: b.x + 10, y: b.y + b.height / 2, duration: 1500, gestureSourceType: 'touch' });
    const menus = await seen('contextmenu');
    expect(menus.length).toBeGreaterThanOrEqual(1);
    expect(menus.every((e) => e.prevented)).toBe(true);
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
    await expectStillOnTheKiosk();
  });

  it("text selection and copy: the resident's name cannot be selected or copied", async () => {
    await page.evaluate((s) => navigator.clipboard.writeText(s), SENTINEL);
    const greeting = page.getByTestId('identify-greeting');
    await greeting.click({ clickCount: 3 });
    const b = (await greeting.boundingBox())!;
    await page.mouse.move(b.x + 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width - 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.press('Control+a');
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
    await page.keyboard.press('Control+c');
    await page.evaluate(() => document.execCommand('copy'));
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(SENTINEL);
    expect(clipboard).not.toContain(NAME);
    expect((await seen('copy')).every((e) => e.prevented)).toBe(true);
    await expectStillOnTheKiosk();
  });

  it('zoom: ctrl+wheel and a two-finger pinch leave the page at its size', async () => {
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    await page.mouse.move(640, 500);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -600);
    await page.keyboard.up('Control');
    await cdp.send('Input.synthesizePinchGesture', { x: 640, y: 500, scaleFactor: 3, relativeSpeed: 1200, gestureSourceType: 'touch' });
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(ratio);
    expect((await seen('wheel')).filter((e) => !e.prevented)).toEqual([]);
    await expectStillOnTheKiosk();
  });

  it('links out: another site, a new window, a download, javascript: and data: URLs, mailto: and tel:', async () => {
    const links = [
      '<a href="https://example.com/">site</a>',
      '<a href="/" target="_blank">new window</a>',
      '<a href="/index.html" download="x.html">download</a>',
      '<a href="javascript:document.title=1">js</a>',
      '<a href="data:text/html,<h1>out</h1>">data</a>',
      '<a href="mailto:someone@example.com">mail</a>',
      '<a href="tel:12345">call</a>',
      '<a href="file:///etc/passwd">file</a>',
    ];
    for (const html of links) {
      const at = await inject(html);
      await page.mouse.click(at.x, at.y);
      await page.mouse.click(at.x, at.y, { button: 'middle' });
      await page.keyboard.down('Shift');
      await page.mouse.click(at.x, at.y);
      await page.keyboard.up('Shift');
    }
    await page.evaluate(() => document.getElementById('lockdown-probe')?.remove());
    const linkClicks = (await seen('click')).filter((e) => e.probe);
    expect(linkClicks.length).toBeGreaterThanOrEqual(links.length * 2);
    expect(linkClicks.filter((e) => !e.prevented)).toEqual([]);
    await expectStillOnTheKiosk();
  });

  it('window.open, print and dialogs called by a script open nothing', async () => {
    const results = await page.evaluate(() => {
      const opened = [window.open('https://example.com/'), window.open('mailto:x@example.com'), window.open('/')];
      window.print();
      window.alert('x');
      return { opened: opened.map((w) => w === null), confirmed: window.confirm('leave?') };
    });
    expect(results).toEqual({ opened: [true, true, true], confirmed: false });
    expect(await seen('beforeprint')).toEqual([]);
    await expectStillOnTheKiosk();
  });

  it('drag and drop: a link dragged out, a file or a link dropped onto the kiosk', async () => {
    const at = await inject('<a href="https://example.com/" id="drag-me">drag me</a>');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 300, at.y + 300, { steps: 10 });
    await page.mouse.up();
    await page.evaluate(() => document.getElementById('lockdown-probe')?.remove());
    // a file and a link dragged in from outside the page, as the browser delivers them
    const file = path.join(scratch, 'dropped.txt');
    writeFileSync(file, 'a file from a USB stick');
    for (const data of [
      { items: [], files: [file], dragOperationsMask: 1 },
      { items: [{ mimeType: 'text/uri-list', data: 'https://example.com/' }], dragOperationsMask: 1 },
    ]) {
      for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
        await cdp.send('Input.dispatchDragEvent', { type, x: 640, y: 500, data, modifiers: 0 });
    }
    const drops = await seen('drop');
    expect(drops.length).toBe(2);
    expect(drops.every((e) => e.prevented)).toBe(true);
    expect((await seen('dragstart')).every((e) => e.prevented)).toBe(true);
    await expectStillOnTheKiosk();
  });

  it('file pickers: a file input opens nothing', async () => {
    const at = await inject('<input type="file" style="width:300px;height:60px">');
    await page.mouse.click(at.x, at.y);
    await page.evaluate(() => document.getElementById('lockdown-probe')?.remove());
    expect(
      await page.evaluate(() =>
        (window as unknown as { showOpenFilePicker: () => Promise<unknown> }).showOpenFilePicker().then(
          () => 'opened',
          () => 'refused',
        ),
      ),
    ).toBe('refused');
    await expectStillOnTheKiosk();
  });

  it('the core audits what was tried, aggregated, when the session ends', async () => {
    await emulatorAction(kiosk, 'idcard', 'remove');
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
    await expect
      .poll(() => Object.keys(auditedAttempts().byKind).sort(), { timeout: 10_000 })
      .toEqual(
        [
          'shortcut',
          'contextMenu',
          'selection',
          'copy',
          'zoom',
          'navigation',
          'popup',
          'download',
          'externalProtocol',
          'print',
          'dialog',
          'drag',
          'drop',
          'filePicker',
        ].sort(),
      );
    const { byWhat } = auditedAttempts();
    for (const what of [
      'shortcut:Alt+F4',
      'shortcut:Ctrl+W',
      'shortcut:Ctrl+Shift+I',
      'shortcut:F12',
      'shortcut:Super',
      'shortcut:Alt+Tab',
    ])
      expect(byWhat[what] ?? 0, `${what} in ${JSON.stringify(byWhat)}`).toBeGreaterThan(0);
    for (const what of ['externalProtocol:mailto', 'externalProtocol:tel', 'navigation:javascript', 'navigation:data', 'drop:file'])
      expect(byWhat[what] ?? 0, `${what} in ${JSON.stringify(byWhat)}`).toBeGreaterThan(0);
  });
});
