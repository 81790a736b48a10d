import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForCatalog } from '../support/browser.js';
import {
  emulatedIdCardReader,
  emulatorAction,
  root,
  startKiosk,
  testConfig,
  type RunningKiosk,
  emulatedA4Printer,
  emulatedReceiptPrinter,
} from '../support/kiosk-process.js';

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `input-${name}.png`) });

async function emulatorState<T>(name: string): Promise<T> {
  const r = await fetch(`${kiosk.controlPanel}api/emulators`);
  const all = (await r.json()) as { name: string; state: T }[];
  return all.find((e) => e.name === name)!.state;
}

const typeKeys = async (letters: string) => {
  for (const k of letters) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
};
const candidate = (text: string) => page.locator(`[data-testid="ime-candidate"][data-text="${text}"]`);

/** Draws a stroke set written in a 300 × 300 box onto the pad, finger-like (many small moves per stroke). */
async function write(name: string) {
  const f = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'handwriting', `${name}.json`), 'utf8')) as {
    width: number;
    strokes: [number, number][][];
  };
  const box = (await page.getByTestId('hw-pad').boundingBox())!;
  const side = Math.min(box.width, box.height) * 0.9;
  const at = ([x, y]: [number, number]) =>
    [box.x + (box.width - side) / 2 + (x / f.width) * side, box.y + (box.height - side) / 2 + (y / f.width) * side] as const;
  for (const stroke of f.strokes) {
    const [x0, y0] = at(stroke[0]!);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (const p of stroke.slice(1)) {
      const [x, y] = at(p);
      await page.mouse.move(x, y, { steps: 6 });
    }
    await page.mouse.up();
  }
}

async function newResident() {
  if (
    await page
      .getByTestId('exit')
      .isVisible()
      .catch(() => false)
  ) {
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
  }
  await page.getByTestId('attract').click();
  await page.getByTestId('home').waitFor();
}

beforeAll(async () => {
  kiosk = await startKiosk(
    testConfig({
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
      devices: [emulatedIdCardReader, emulatedA4Printer, emulatedReceiptPrinter],
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

describe('typing Chinese on the kiosk', () => {
  it('a resident types 不动产查询 in pinyin, choosing candidates, and reaches its guide', async () => {
    await newResident();
    await page.getByTestId('search').click();
    await typeKeys('budongchanchaxun');
    // the letters show in the field and above the candidates, which are large enough to hit
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('budongchanchaxun');
    await expect.poll(() => page.getByTestId('ime-composition').textContent()).toBe('budongchanchaxun');
    await candidate('不动产').waitFor();
    const size = (await candidate('不动产').boundingBox())!;
    expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(64);
    await shot('pinyin-candidates');
    await candidate('不动产').click();
    // the rest of the letters keep composing
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('不动产chaxun');
    await candidate('查询').click();
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('不动产查询');
    expect(await page.getByTestId('ime-bar').count()).toBe(0);
    const hit = page.getByTestId('search-results').getByTestId('matter').filter({ hasText: '不动产登记信息自助查询、打印' });
    await hit.first().click();
    await page.getByTestId('guide').waitFor();
    await expect(page.locator('.topbar .title').textContent()).resolves.toBe('不动产登记信息自助查询、打印');
  });

  it('in 长辈模式 the candidates are at least 88 px; space takes the first one, and 英 types letters as they are', async () => {
    await newResident();
    await page.getByTestId('elderly').click();
    await page.getByTestId('search').click();
    await typeKeys('sfz');
    await candidate('身份证').waitFor();
    const size = (await candidate('身份证').boundingBox())!;
    expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(88);
    await page.getByTestId('osk-space').click();
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('身份证');
    await page.getByTestId('osk-clear').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('hjzm');
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('hjzm');
    expect(await page.getByTestId('ime-bar').count()).toBe(0);
    await page.getByTestId('elderly').click();
  });

  it('a resident writes 户籍 by hand, stroke by stroke, and finds the 户籍 matters', async () => {
    await newResident();
    await page.getByTestId('search').click();
    await page.getByTestId('osk-handwriting').click();
    await page.getByTestId('hw-pad').waitFor();
    await write('hu');
    // candidates after the strokes, the best one pre-selected
    const best = page.locator('[data-testid="ime-candidate"][aria-selected="true"]');
    await expect.poll(() => best.getAttribute('data-text')).toBe('户');
    await shot('handwriting-hu');
    await page.getByTestId('hw-accept').click();
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('户');
    await write('ji');
    await expect.poll(() => best.getAttribute('data-text')).toBe('籍');
    await best.click();
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('户籍');
    const first = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => first.textContent()).toContain('户籍');
    await first.click();
    await page.getByTestId('guide').waitFor();
    await expect(page.locator('.topbar .title').textContent()).resolves.toContain('户籍');
  });

  it('undo takes back the last stroke and rewrite clears the pad', async () => {
    await page.getByTestId('back').click();
    await page.getByTestId('search-screen').waitFor();
    await page.getByTestId('osk-handwriting').click();
    await page.getByTestId('hw-pad').waitFor();
    await write('bu');
    const best = page.locator('[data-testid="ime-candidate"][aria-selected="true"]');
    await expect.poll(() => best.getAttribute('data-text')).toBe('不');
    await page.getByTestId('hw-undo').click();
    await expect.poll(() => best.getAttribute('data-text')).not.toBe('不');
    await page.getByTestId('hw-clear').click();
    await expect.poll(() => page.getByTestId('ime-candidate').count()).toBe(0);
  });

  it('a 好差评 comment typed in pinyin reaches the platform in Chinese', async () => {
    await newResident();
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    await emulatorAction(kiosk, 'idcard', 'remove');
    await page.getByTestId('search').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('hjzm');
    const hit = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => hit.textContent()).toContain('户籍证明开具');
    await hit.click();
    await page.getByTestId('do-here').click();
    await page.getByTestId('preview-next').click({ timeout: 20_000 });
    await page.getByTestId('copies-1').click();
    await page.getByTestId('print').click();
    await page.getByTestId('take-document').waitFor({ timeout: 20_000 });
    await page.getByTestId('receipt').click();
    await page.getByTestId('evaluation').waitFor({ timeout: 10_000 });
    await page.getByTestId('level-2').click();
    await page.getByTestId('reason-wait').click();
    await page.getByTestId('comment-toggle').click();
    await typeKeys('dayinjimanle');
    await candidate('打印机').click();
    await candidate('慢了').click();
    await expect.poll(() => page.getByTestId('comment').inputValue()).toBe('打印机慢了');
    await shot('comment');
    await page.getByTestId('evaluation-submit').click();
    await page.getByTestId('flow-done').waitFor();
    await expect
      .poll(async () => (await emulatorState<{ evaluations: { comment: string | null }[] }>('platform')).evaluations, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ comment: '打印机慢了' })]);
  });
});
