import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../main/browser/chromium.js';
import { chromiumPath, waitForCatalog } from '../support/browser.js';
import { emulatedIdCardReader, emulatorAction, startKiosk, testConfig, type RunningKiosk } from '../support/kiosk-process.js';
import { isRunning, parentOf, startKioskWithWindow, type KioskWithWindow } from '../support/kiosk-window.js';

const NAME = '张伟民';
const ID_PREFIX = '11010119850312003';
const ADDRESS = '幸福里';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    const s = statSync(p, { throwIfNoEntry: false });
    return !s ? [] : s.isDirectory() ? listFiles(p) : s.isFile() ? [p] : [];
  });
}

/** Files in which a needle shows up, in UTF-8 or in UTF-16 (LevelDB and SQLite keep some strings that way). */
function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return listFiles(dir).filter((f) => {
    const bytes = readFileSync(f);
    return forms.some((b) => bytes.includes(b));
  });
}

describe("nothing of the resident stays in Chromium's profile", () => {
  let kiosk: RunningKiosk | undefined;
  let profile = '';
  afterAll(async () => {
    await kiosk?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('after a journey with a preview: no name, ID number or address in cache, history, autofill, storage or IndexedDB; every reply no-store', async () => {
    kiosk = await startKiosk(
      testConfig({
        timeouts: { idleSeconds: 300, countdownSeconds: 15 },
        platform: { emulator: 'platform', secret: 'emulated-terminal-secret' },
        devices: [
          emulatedIdCardReader,
          { id: 'a4', kind: 'certificatePrinter', driver: 'ipp', transport: { type: 'emulator' }, emulator: 'printer-ipp' },
        ],
      }),
    );
    profile = mkdtempSync(path.join(os.tmpdir(), 'leftovers-profile-'));
    // the kiosk's own Chromium flags; the profile folder is this test's, so it can be searched afterwards
    const flags = chromiumArgs({ url: kiosk.url, userDataDir: profile, runningAsRoot: process.getuid?.() === 0 }).filter(
      (a) => !a.startsWith('--app=') && !a.startsWith('--user-data-dir=') && a !== '--kiosk',
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: flags,
      viewport: { width: 1280, height: 1024 },
    });
    const cacheable: string[] = [];
    context.on('response', (r) => {
      if (r.url().startsWith(new URL(kiosk!.url).origin) && !/no-store/.test(r.headers()['cache-control'] ?? '')) cacheable.push(r.url());
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(kiosk.url);
    await page.getByTestId('attract').waitFor();
    await waitForCatalog(page);

    // identify, find the proof by its initials, see the preview, then end the session
    await emulatorAction(kiosk, 'idcard', 'place', 'adult');
    await page.getByTestId('identify-greeting').waitFor();
    await expect(page.getByTestId('identify-greeting').textContent()).resolves.toContain(NAME);
    await emulatorAction(kiosk, 'idcard', 'remove');
    await page.getByTestId('search').click();
    for (const k of 'hjzm') await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
    const hit = page.getByTestId('search-results').getByTestId('matter').first();
    await expect.poll(() => hit.textContent()).toContain('户籍证明开具');
    await hit.click();
    await page.getByTestId('do-here').click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 20_000 });
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
    await context.close();

    expect(cacheable).toEqual([]);
    expect(listFiles(profile).length).toBeGreaterThan(0);
    expect(filesContaining(profile, NAME)).toEqual([]);
    expect(filesContaining(profile, ID_PREFIX)).toEqual([]);
    expect(filesContaining(profile, ADDRESS)).toEqual([]);
  });
});

describe('the kiosk window in browser mode', () => {
  let k: KioskWithWindow | undefined;
  afterAll(() => k?.stop());
  const windowUp = async (count: number) => {
    await expect.poll(() => k!.windows().length, { timeout: 30_000 }).toBe(count);
    const w = k!.windows()[count - 1]!;
    // the window redeemed its ticket and the UI is connected
    await expect.poll(() => k!.stderr().split('UI launch ticket redeemed').length - 1, { timeout: 30_000 }).toBe(count);
    return w;
  };

  it('runs on a fresh profile per window, removed when that window closes; a crashed core takes its window along', async () => {
    k = startKioskWithWindow(testConfig());
    const first = await windowUp(1);
    expect(existsSync(first.userDataDir)).toBe(true);
    expect(first.args).toEqual(expect.arrayContaining(['--disk-cache-size=1', '--disable-breakpad']));

    // the window closes (Alt+F4, a crash): its profile goes, the kiosk opens a new window on a new profile
    process.kill(first.pid, 'SIGTERM');
    await expect.poll(() => existsSync(first.userDataDir), { timeout: 15_000 }).toBe(false);
    const second = await windowUp(2);
    expect(second.userDataDir).not.toBe(first.userDataDir);

    // the core dies without a word (OOM killer, a bug): the launcher closes its window and removes the profile
    process.kill(parentOf(second.pid), 'SIGKILL');
    await expect.poll(() => isRunning(second.pid), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => existsSync(second.userDataDir), { timeout: 15_000 }).toBe(false);
    // ... and restarts the core, which opens a window of its own
    const third = await windowUp(3);

    // stopping the kiosk closes the window and leaves no profile behind
    await k.stop();
    k = undefined;
    expect(isRunning(third.pid)).toBe(false);
    expect(existsSync(third.userDataDir)).toBe(false);
    expect(existsSync(path.dirname(third.userDataDir))).toBe(false);
  });
});
