import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import { startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;

type VoiceState = { lastSpoken: string | null; errorKey: string | null };
const voice = () =>
  page.evaluate(() => (window as unknown as { __kioskStores: { voice: { getState(): VoiceState } } }).__kioskStores.voice.getState());

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      languages: ['ug', 'zh-CN', 'en'],
      defaultLanguage: 'ug',
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      // a deployer's engine without a Uyghur voice (espeak-ng standing in for the vendor's program)
      speech: {
        engine: 'command',
        command: {
          path: 'espeak-ng',
          args: ['-v', '{voice}', '-s', '{rate}', '--stdout', '--stdin'],
          voices: { 'zh-CN': 'cmn-latn-pinyin', en: 'en-us' },
        },
      },
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  await waitForCatalog(page);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('a terminal whose speech engine has no Uyghur voice', () => {
  it('朗读指南 on a Uyghur guide says so in Uyghur and reads nothing (never Uyghur with the Chinese voice)', async () => {
    await page.getByTestId('touch-to-start').click();
    await page.getByTestId('search').click();
    for (const k of 'نوپۇس') await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
    const hit = page.getByTestId('search-results').locator('[data-testid="matter"][data-matter-id="sh-kiosk-058"]');
    await hit.click();
    await page.getByTestId('guide-name').waitFor();
    await page.getByTestId('read-aloud').click();
    await expect
      .poll(() => page.getByTestId('read-aloud-no-voice').textContent(), { timeout: 10_000 })
      .toBe('بۇ ئۈسكۈنىدە ئۇيغۇرچە ئاۋاز يوق، شۇڭا ئوقۇپ بېرەلمەيدۇ.');
    expect(await voice()).toMatchObject({ lastSpoken: null, errorKey: 'speech.error.noVoice.ug' });
  });
});
