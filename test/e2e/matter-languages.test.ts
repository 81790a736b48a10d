import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import { findUnreachable, modes, setMode, settle, viewports } from '../support/layout-check.js';
import { emulatedA4Printer, emulatedIdCardReader, root, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `matter-languages-${name}.png`) });

type VoiceState = { lastSpoken: string | null; errorKey: string | null };
const voice = () =>
  page.evaluate(() => (window as unknown as { __kioskStores: { voice: { getState(): VoiceState } } }).__kioskStores.voice.getState());
const typeKeys = async (keys: string) => {
  for (const k of keys) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
};
const hit = (id: string) => page.getByTestId('search-results').locator(`[data-testid="matter"][data-matter-id="${id}"]`);
const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      languages: ['ug', 'zh-CN', 'en'],
      defaultLanguage: 'ug',
      // a terminal in 上海市静安区: the emulator's Sichuan district matters are implemented elsewhere
      terminal: { id: 'TEST-0001', name: '测试终端', outlet: '测试网点', hotline: '12345', region: '310106' },
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [emulatedIdCardReader, emulatedA4Printer],
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  await waitForCatalog(page);
  await page.getByTestId('touch-to-start').click();
  await page.getByTestId('home').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('matters in the resident’s language (screen in Uyghur)', () => {
  it('typing a Uyghur word on the Uyghur keyboard finds the matter by its Uyghur name; its guide is in Uyghur and read by the Uyghur voice', async () => {
    await page.getByTestId('search').click();
    // the keyboard starts with the Uyghur letters, with big keys
    await expect.poll(() => page.getByTestId('osk-lang').getAttribute('data-mode')).toBe('uyghur');
    const key = (await page.locator('[data-testid="osk"] [data-key="ن"]').boundingBox())!;
    expect(Math.min(key.width, key.height)).toBeGreaterThanOrEqual(64);
    await typeKeys('نوپۇس');
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('نوپۇس');
    // the field shows Uyghur right to left
    expect(await page.getByTestId('search-input').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await hit('sh-kiosk-058').waitFor();
    await expect.poll(() => hit('sh-kiosk-058').locator('.matter-name').textContent()).toBe('نوپۇس ئىسپاتى ئېچىش');
    expect(await hit('sh-kiosk-058').getByTestId('matter-chinese-only').count()).toBe(0);
    await shot('search-uyghur');

    await hit('sh-kiosk-058').click();
    await page.getByTestId('guide-name').waitFor();
    expect(await page.getByTestId('guide-name').textContent()).toBe('نوپۇس ئىسپاتى ئېچىش');
    expect(await page.getByTestId('guide-body-overview').getAttribute('lang')).toBe('ug');
    expect(await page.getByTestId('guide-chinese-only').count()).toBe(0);
    // no Chinese anywhere in the guide's text: labels, agency and conditions are all Uyghur
    const overview = (await page.getByTestId('guide-body-overview').innerText()).replace(/\s+/g, ' ');
    expect(overview).toContain('ئۆزىڭىز بېجىرسىڭىز');
    expect(overview).not.toMatch(HAN);
    await page.getByTestId('guide-section-materials').click();
    await expect.poll(() => page.getByTestId('materials').innerText()).toContain('ئاھالىلەر كىملىكى');
    await shot('guide-uyghur');

    await page.getByTestId('read-aloud').click();
    await expect.poll(async () => (await voice()).lastSpoken ?? '', { timeout: 15_000 }).toContain('نوپۇس ئىسپاتى ئېچىش');
    expect((await voice()).lastSpoken).not.toMatch(HAN);
    await page.getByTestId('read-aloud').click();
  });

  it('a matter without a translation shows its Chinese guide whole, labelled in Uyghur, and 朗读指南 reads it with the Chinese voice', async () => {
    await page.getByTestId('back').click();
    await page.getByTestId('search-screen').waitFor();
    await page.getByTestId('osk-clear').click();
    // ئۇ → 中: pinyin finds the Chinese name
    await page.getByTestId('osk-lang').click();
    await expect.poll(() => page.getByTestId('osk-lang').getAttribute('data-mode')).toBe('chinese');
    // a matter handled elsewhere names its region beside the Uyghur words, not inside a Uyghur sentence
    await typeKeys('lvguanye');
    const elsewhere = page.getByTestId('search-results').getByTestId('matter').first().getByTestId('matter-region');
    await expect.poll(() => elsewhere.textContent()).toBe('باشقا رايوندا بېجىرىلىدۇ: 四川省广安市广安区');
    expect(await elsewhere.locator('[lang="zh-CN"]').textContent()).toBe('四川省广安市广安区');
    await page.getByTestId('osk-clear').click();
    await typeKeys('fangchanshui');
    const item = page.getByTestId('search-results').getByTestId('matter').filter({ hasText: '房产税查询' }).first();
    await item.waitFor();
    expect(await item.getByTestId('matter-chinese-only').textContent()).toBe('پەقەت خەنزۇچە');
    await item.click();
    await page.getByTestId('guide-chinese-only').waitFor();
    expect(await page.getByTestId('guide-chinese-only').textContent()).toBe('بۇ ئىشنىڭ يېتەكچىسى پەقەت خەنزۇچە بار.');
    const body = page.getByTestId('guide-body-overview');
    expect(await body.getAttribute('lang')).toBe('zh-CN');
    // the guide is Chinese throughout, labels included: no Uyghur word inside it
    expect(await page.getByTestId('guide-name').textContent()).toBe('房产税查询');
    expect(await body.innerText()).not.toMatch(/\p{Script=Arabic}/u);
    await shot('guide-chinese-only');

    await page.getByTestId('read-aloud').click();
    await expect.poll(async () => (await voice()).lastSpoken ?? '', { timeout: 20_000 }).toContain('房产税查询');
    expect((await voice()).errorKey).toBeNull();
    await page.getByTestId('read-aloud').click();
  });

  it('the Uyghur keyboard fits with big keys at every screen size, standard and 长辈模式, and the keypad types on it', async () => {
    await page.getByTestId('back').click();
    await page.getByTestId('search-screen').waitFor();
    await page.getByTestId('osk-clear').click();
    // back on the search screen, the keyboard starts with the Uyghur letters again
    await expect.poll(() => page.getByTestId('osk-lang').getAttribute('data-mode')).toBe('uyghur');
    for (const v of viewports)
      for (const mode of modes) {
        await page.setViewportSize({ width: v.width, height: v.height });
        await setMode(page, mode);
        await settle(page);
        const sizes = await page
          .locator('[data-testid="osk"] [data-key]')
          .evaluateAll((keys) => keys.map((k) => Math.min(k.getBoundingClientRect().width, k.getBoundingClientRect().height)));
        expect(sizes.length, `${v.name} ${mode}`).toBe(33);
        expect(Math.min(...sizes), `${v.name} ${mode}`).toBeGreaterThanOrEqual(mode === 'elderly' ? 88 : 64);
        await shot(`keyboard-${v.name}-${mode}`);
        expect(await findUnreachable(page), `${v.name} ${mode}`).toEqual([]);
      }
    await setMode(page, 'standard');
    await page.setViewportSize({ width: 1280, height: 1024 });

    // the keypad drives it: left moves leftwards on the right-to-left row (چ → ۋ), enter types the key
    await page.locator('[data-testid="osk"] [data-key="چ"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('ۋ');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('ۋ');
  });

  it('在本机办理 starts the journey under the matter’s Uyghur name', async () => {
    await page.getByTestId('osk-clear').click();
    await typeKeys('نوپۇس');
    await hit('sh-kiosk-058').click();
    await page.getByTestId('do-here').click();
    await page.getByTestId('flow').waitFor();
    await expect.poll(() => page.locator('.topbar .title').textContent()).toBe('نوپۇس ئىسپاتى ئېچىش');
  });
});
