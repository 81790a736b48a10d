import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import { emulatorFault, root, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `catalog-${name}.png`) });
const catalogStatus = () =>
  page.evaluate(
    () =>
      (
        window as unknown as { __kioskStores: { catalog: { getState(): { status: { matterCount: number; lastResult: string } | null } } } }
      ).__kioskStores.catalog.getState().status,
  );

/** Each test starts like a new resident: finish the session, touch the attract screen. */
async function newResident() {
  if (
    await page
      .getByTestId('exit')
      .isVisible()
      .catch(() => false)
  )
    await page.getByTestId('exit').click();
  await page.getByTestId('confirm-end-yes').click();
  await page.getByTestId('attract').click();
  await page.getByTestId('home').waitFor();
}

async function typeOnScreen(text: string) {
  for (const k of text) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      // sync every 3 s so losing the platform shows within the test
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret', syncIntervalMinutes: 0.05, timeoutMs: 2000 },
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').click();
  await page.getByTestId('home').waitFor();
  await waitForCatalog(page);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('finding a matter', () => {
  it('typing initials on the on-screen keyboard shows the matter at once; its guide opens and back returns to the results', async () => {
    await page.getByTestId('search').click();
    await page.getByTestId('search-screen').waitFor();
    // the field never summons the OS keyboard
    expect(await page.getByTestId('search-input').getAttribute('inputmode')).toBe('none');
    expect(await page.getByTestId('search-input').getAttribute('readonly')).not.toBeNull();
    await typeOnScreen('hjzm');
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('hjzm');
    const first = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => first.textContent()).toContain('户籍证明开具');
    await shot('search-initials');

    await first.click();
    await page.getByTestId('guide').waitFor();
    await expect(page.locator('.topbar .title').textContent()).resolves.toBe('户籍证明开具');
    await page.getByTestId('guide-section-materials').click();
    await expect(page.getByTestId('materials').textContent()).resolves.toContain('居民身份证');
    // the ID card is read by this terminal, so residents need not bring it
    expect(await page.locator('[data-testid="materials"] li[data-electronic="true"]').count()).toBeGreaterThan(0);
    await page.getByTestId('guide-section-where').click();
    await page.getByTestId('qr').waitFor();
    // this terminal has no A4 printer, so it does not offer to print the proof here (no dead end behind the button)
    expect(await page.getByTestId('do-here').count()).toBe(0);
    await page.getByTestId('where-to-go').waitFor();
    await shot('guide-where');
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);

    await page.getByTestId('back').click();
    await page.getByTestId('search-screen').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('hjzm');
    await expect(page.getByTestId('search-results').getByTestId('matter').first().textContent()).resolves.toContain('户籍证明开具');
  });

  it('a colloquial name finds the official matter and says which name matched', async () => {
    await page.getByTestId('osk-clear').click();
    await typeOnScreen('wufanzui');
    const first = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => first.textContent()).toContain('开具有无违法犯罪记录证明');
    await expect(first.textContent()).resolves.toContain('无犯罪证明');
  });

  it('a matter that cannot be done here says where and when to go, with a QR code', async () => {
    await newResident();
    await page.getByTestId('search').click();
    await typeOnScreen('lvguanye');
    const hit = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => hit.textContent()).toContain('旅馆业');
    await hit.click();
    await page.getByTestId('where-to-go').click();
    await expect(page.getByTestId('hall').textContent()).resolves.toMatch(/地址.*办公时间/s);
    await page.getByTestId('qr').waitFor();
    expect(await page.getByTestId('do-here').count()).toBe(0);
    await page.getByTestId('breadcrumb').getByRole('button', { name: '首页' }).click();
    await page.getByTestId('home').waitFor();
  });
});

describe('browsing', () => {
  it('by life event: a tile lists only matters of that event, paged, with a visible path back', async () => {
    await newResident();
    await page.getByTestId('search').click();
    await page.getByTestId('browse').click();
    await page.getByTestId('browse-byLifeEvent').click();
    const tile = page.getByTestId('life-event-retirement');
    const count = Number(/(\d+)/.exec((await tile.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(6);
    await tile.click();
    await page.getByTestId('matter-list').waitFor();
    await expect.poll(() => page.getByTestId('matter-total').textContent()).toContain(String(count));
    const names = async () => (await page.getByTestId('matter').allTextContents()).join('|');
    const firstPage = await names();
    expect(firstPage).toMatch(/养老|退休|老年|敬老|高龄/);
    await page.getByTestId('page-next').click();
    await expect.poll(names).not.toBe(firstPage);
    await shot('life-event-retirement');
    await page.getByTestId('breadcrumb').getByRole('button', { name: '按人生大事' }).click();
    await page.getByTestId('life-events-screen').waitFor();
  });
});

describe('offline', () => {
  it('when the platform goes away the terminal says since when its catalog is, and search keeps working', async () => {
    await newResident();
    await emulatorFault(kiosk, 'platform', 'offline', true);
    await page.getByTestId('search').click();
    await page.getByTestId('browse').click();
    await page.getByTestId('browse-screen').waitFor();
    const banner = page.getByTestId('catalog-offline');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute('data-notice')).toBe('offline');
    await expect(banner.textContent()).resolves.toMatch(/\d{4}/);
    await page.getByTestId('back').click();
    await page.getByTestId('search-screen').waitFor();
    await typeOnScreen('shiye');
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('失业登记');
    await shot('offline-search');

    // a technician sees the failed sync in maintenance, and can sync by hand once the network is back
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
    await page.keyboard.press('Control+Alt+m');
    for (const d of '246810') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-enter').click();
    const panel = page.getByTestId('maint-catalog');
    await panel.waitFor();
    expect(await page.getByTestId('maint-catalog-result').getAttribute('data-result')).toBe('failed');
    await expect(page.getByTestId('maint-catalog-result').textContent()).resolves.toContain('unreachable');
    expect(Number(await page.getByTestId('maint-catalog-count').textContent())).toBeGreaterThan(1000);
    await shot('maintenance-offline');
    await emulatorFault(kiosk, 'platform', 'offline', false);
    await page.getByTestId('maint-catalog-sync').click();
    await expect.poll(() => page.getByTestId('maint-catalog-result').getAttribute('data-result'), { timeout: 20_000 }).toBe('ok');
    await expect(page.getByTestId('maint-catalog-version').textContent()).resolves.toBe('1');
    await page.getByTestId('maintenance-exit').click();
    await page.getByTestId('attract').waitFor();
    expect((await catalogStatus())?.lastResult).toBe('ok');
  });
});
