import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { root, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

const artifacts = path.join(root, 'test', 'artifacts');
mkdirSync(artifacts, { recursive: true });

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `foundation-${name}.png`) });

async function audit(label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Smallest width/height of any visible button, in CSS px. */
const smallestTarget = () =>
  page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('button')]
        .filter((b) => b.offsetParent !== null && !b.closest('[aria-hidden="true"]'))
        .map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)),
    ),
  );

beforeAll(async () => {
  kiosk = await startKiosk(testConfig({ timeouts: { idleSeconds: 5, countdownSeconds: 4 } }));
  browser = await launchBrowser();
  // the browser runs in another zone than the terminal's (Asia/Shanghai): every time shown must still be Beijing time
  const context = await browser.newContext({ viewport: { width: 1280, height: 1024 }, timezoneId: 'America/New_York' });
  page = await context.newPage();
  await page.goto(kiosk.url);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('resident journey through the foundation', () => {
  it('shows the attract screen with terminal name, time and hotline', async () => {
    const attract = page.getByTestId('attract');
    await attract.waitFor();
    await expect(attract.textContent()).resolves.toContain('测试终端');
    await expect(attract.textContent()).resolves.toContain('12345');
    await expect(page.getByTestId('clock').textContent()).resolves.toMatch(/\d{1,2}:\d{2}/);
    // the terminal's time (Asia/Shanghai), not the browser's zone, written the Chinese way (issue 9 #3)
    const beijing = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    const before = beijing(new Date());
    const clock = (await page.getByTestId('clock').textContent())?.trim();
    expect([before, beijing(new Date())]).toContain(clock);
    await expect(page.getByTestId('date').textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]$/);
    await shot('01-attract');
    await audit('attract');
  });

  it('starts a session on touch and shows the home tiles', async () => {
    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('home').waitFor();
    for (const tile of ['apply', 'query', 'print', 'pay', 'progress']) await page.getByTestId(`tile-${tile}`).waitFor();
    await expect(page.getByTestId('tile-apply').textContent()).resolves.toContain('办事');
    expect(await smallestTarget()).toBeGreaterThanOrEqual(64);
    const bodyFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyFont).toBeGreaterThanOrEqual(24);
    await shot('02-home');
    await audit('home');
  });

  it('gives visible feedback on touch-down, before the finger lifts', async () => {
    const tile = page.getByTestId('tile-print');
    const box = (await tile.boundingBox())!;
    const before = await tile.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // one animation frame later the pressed style is applied, while the pointer is still down
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const pressed = await tile.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.mouse.up();
    expect(pressed).not.toBe(before);
    await page.getByTestId('matter-list').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('home').waitFor();
  });

  it('switches the language to English and back', async () => {
    await page.getByTestId('language').click();
    await page.getByText('What would you like to do?').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('03-home-english');
    await audit('home-en');
    await page.getByTestId('language').click();
    await page.getByText('请选择要办理的业务').waitFor();
  });

  it('elderly mode enlarges text and targets by at least 1.25×', async () => {
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const targetBefore = await smallestTarget();
    await page.getByTestId('elderly').click();
    await page.waitForFunction(() => document.documentElement.dataset.elderly === 'true');
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after / before).toBeGreaterThanOrEqual(1.25);
    expect(await smallestTarget()).toBeGreaterThanOrEqual(targetBefore * 1.25 - 1);
    await expect(page.getByTestId('elderly').getAttribute('aria-pressed')).resolves.toBe('true');
    await shot('04-home-elderly');
  });

  it('opens help, and Escape closes it', async () => {
    await page.getByTestId('help').click();
    await page.getByTestId('help-overlay').waitFor();
    await shot('05-help');
    await audit('help');
    await page.keyboard.press('Escape');
    await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
  });

  it('is operable by keys: arrows move a visible focus, Enter acts, Escape goes back', async () => {
    await page.getByTestId('tile-apply').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tile-query');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('matter-list').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('home').waitFor();
  });

  it('shows terminal info from the core: id, version, devices', async () => {
    await page.getByTestId('terminal-info').click();
    await page.getByTestId('terminal-info-screen').waitFor();
    await expect(page.getByTestId('terminal-id').textContent()).resolves.toBe('TEST-0001');
    await expect(page.getByTestId('terminal-version').textContent()).resolves.toMatch(/^\d+\.\d+\.\d+/);
    await expect(page.getByTestId('terminal-time-zone').textContent()).resolves.toBe('Asia/Shanghai');
    await page.getByTestId('no-devices').waitFor();
    await shot('06-terminal-info');
  });

  it('mirrors the layout right-to-left', async () => {
    const order = () =>
      page.evaluate(() => {
        const back = document.querySelector('[data-testid="back"]')!.getBoundingClientRect();
        const exit = document.querySelector('[data-testid="exit"]')!.getBoundingClientRect();
        return back.left < exit.left ? 'back-first' : 'exit-first';
      });
    expect(await order()).toBe('back-first');
    await page.evaluate(() => (document.documentElement.dir = 'rtl'));
    expect(await order()).toBe('exit-first');
    await shot('07-rtl');
    await page.evaluate(() => (document.documentElement.dir = 'ltr'));
    await page.getByTestId('back').click();
  });

  it('asks "need more time?" when idle; answering keeps the session', async () => {
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await shot('08-countdown');
    await audit('countdown');
    await page.getByTestId('more-time').click();
    await page.getByTestId('countdown').waitFor({ state: 'detached' });
    await page.getByTestId('home').waitFor();
  });

  it('ends the session on no answer: back to attract, preferences and screens reset', async () => {
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await page.getByTestId('attract').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.elderly)).toBe('false');
    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('home').waitFor();
    await expect(page.getByTestId('elderly').getAttribute('aria-pressed')).resolves.toBe('false');
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
  });
});

describe('technician journey', () => {
  it('refuses a wrong PIN with the tries left', async () => {
    await page.keyboard.press('Control+Alt+m');
    await page.getByTestId('pin-pad').waitFor();
    await audit('pin');
    for (const d of '1111') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-enter').click();
    await expect(page.getByTestId('pin-message').textContent()).resolves.toContain('4');
  });

  it('opens maintenance with the right PIN: devices, audit, exit', async () => {
    for (const d of '246810') await page.keyboard.press(d);
    await page.getByTestId('pin-enter').click();
    await page.getByTestId('maintenance').waitFor();
    const audit = page.getByTestId('audit');
    await audit.getByText('maintenance.entered').first().waitFor();
    await expect(audit.textContent()).resolves.toContain('session.ended');
    await expect(audit.textContent()).resolves.toContain('maintenance.pinRejected');
    // technicians read labels with the code beside them, times in the terminal zone the Chinese way, no JSON (issue 9 #3 #10)
    await expect(audit.textContent()).resolves.toContain('进入运维');
    await expect(audit.textContent()).resolves.toContain('运维密码错误');
    await expect(audit.getByTestId('audit-time').first().textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    await expect(audit.innerHTML()).resolves.not.toContain('{"');
    await expect(page.getByTestId('maint-print-log').textContent()).resolves.not.toContain('打印打印');
    await shot('09-maintenance');
    await page.getByTestId('maintenance-exit').click();
    await page.getByTestId('attract').waitFor();
  });
});
