import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { root, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `uyghur-${name}.png`) });

beforeAll(async () => {
  kiosk = await startKiosk(testConfig({ languages: ['ug', 'zh-CN', 'en'], defaultLanguage: 'ug' }));
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('a terminal configured with defaultLanguage: ug', () => {
  it('starts in Uyghur, right to left, in the bundled Uyghur font, with Uyghur dates; languages offered before the session', async () => {
    await expect.poll(() => page.getByTestId('touch-to-start').textContent()).toBe('باشلاش ئۈچۈن ئېكراننى چېكىڭ');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ug', 'rtl']);
    expect(await page.getByTestId('date').textContent()).toMatch(/^\d{4}-يىلى \d{1,2}-\S+، \S+$/);
    for (const l of ['ug', 'zh-CN', 'en']) await page.getByTestId(`start-${l}`).waitFor();
    await shot('attract');

    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('home').waitFor();
    await expect.poll(() => page.locator('.topbar .title').textContent()).toBe('بېجىرىدىغان ئىشنى تاللاڭ');
    // right to left: the title starts at the right edge, the controls follow to its left
    const title = (await page.locator('.topbar .title').boundingBox())!;
    const exit = (await page.getByTestId('exit').boundingBox())!;
    expect(title.x).toBeGreaterThan(exit.x);
    // the UKIJ face is what draws the Arabic-script text
    expect(
      await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'UKIJ Tuz Tom' && f.status === 'loaded');
      }),
    ).toBe(true);
    // letters join: a word is narrower than its letters set apart with zero-width non-joiners
    const widths = await page.evaluate(() => {
      const measure = (text: string) => {
        const span = document.createElement('span');
        span.lang = 'ug';
        span.style.fontSize = '48px';
        span.textContent = text;
        document.body.append(span);
        const w = span.getBoundingClientRect().width;
        span.remove();
        return w;
      };
      return ['ئۆيگە', 'بېرىڭ', 'ئۈچۈن', 'ۋاقىت'].map((w) => [measure(w), measure([...w].join('\u200c'))]);
    });
    for (const [joined, apart] of widths) expect(joined).toBeLessThan(apart!);
    await shot('home');

    // the language button cycles through the terminal's languages, each named in itself
    await expect.poll(() => page.getByTestId('language').textContent()).toBe('中文');
    await page.getByTestId('language').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();

    // choosing 中文 on the attract screen starts the session in Chinese
    await page.getByTestId('start-zh-CN').click();
    await page.getByTestId('home').waitFor();
    await expect.poll(() => page.locator('.topbar .title').textContent()).toBe('请选择要办理的业务');
  });
});
