import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, Cookie } from 'playwright-core';
import { loadConfig } from '../../main/core/config/load.js';
import { emulatorNamesFor, startEmulators } from '../../main/launcher/emulators.js';
import { launchBrowser } from '../support/browser.js';
import { root } from '../support/kiosk-process.js';

const ATTRACT = '[data-testid="attract"]';
const TARGET_RATIO = 1.5;

/**
 * Runs in every page before its own scripts: records when the attract screen (or the static page's stand-in with the
 * same test id) is first painted — the frame after it enters the DOM — as epoch milliseconds. A string, not a
 * function: tsx would add helpers to a function's source that do not exist in the page.
 */
const paintProbe = `
  window.__paintedAt = new Promise((resolve) => {
    const seen = () => {
      if (!document.querySelector('${ATTRACT}')) return false;
      // rAF runs just before the frame is drawn; a task queued from it runs once that frame is on screen
      requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now())));
      return true;
    };
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
  });
  // the kiosk only: when the attract shell served with the page takes touches (its script listens), and when React
  // has drawn the screen in its place (the core's snapshot is in)
  const when = (selector) => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
  window.__touchableAt = when('${ATTRACT}[data-shell="ready"], ${ATTRACT}:not(#attract-shell)');
  window.__reactAt = when('${ATTRACT}:not(#attract-shell)');`;

interface Painted {
  /** navigation start → painted */
  paintMs: number;
  /** with `untilReact`: navigation start → the attract screen takes touches, and → React drew it */
  touchableMs?: number;
  reactMs?: number;
  /** epoch ms when painted */
  paintedAt: number;
  /** the page's cookies afterwards (the kiosk's UI credential, once its launch URL was redeemed) */
  cookies: Cookie[];
}

async function paint(browser: Browser, url: () => Promise<string>, cookies: Cookie[] = [], untilReact = false): Promise<Painted> {
  // a fresh context per visit: empty cache, as after a restart
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await context.addCookies(cookies);
  await context.addInitScript({ content: paintProbe });
  const page = await context.newPage();
  try {
    await page.goto(await url(), { waitUntil: 'commit' });
    const paintedAt = await page.evaluate(() => (window as unknown as { __paintedAt: Promise<number> }).__paintedAt);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const painted: Painted = { paintMs: paintedAt - origin, paintedAt, cookies: await context.cookies() };
    if (untilReact) {
      type Marks = { __touchableAt: Promise<number>; __reactAt: Promise<number> };
      painted.touchableMs = (await page.evaluate(() => (window as unknown as Marks).__touchableAt)) - origin;
      painted.reactMs = (await page.evaluate(() => (window as unknown as Marks).__reactAt)) - origin;
    }
    return painted;
  } finally {
    await context.close();
  }
}

interface Started {
  child: ChildProcess;
  spawnedAt: number;
  url: Promise<string>;
}

const running = new Set<ChildProcess>();
// a failed run must not leave kiosks behind: each server is a process group, stopped whole
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
});

/** Spawns a server that prints `KIOSK_URL=…` when ready (in its own process group, so it is stopped whole). */
function spawnServer(command: string, args: string[], env: Record<string, string> = {}): Started {
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^KIOSK_URL=(.+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { child, spawnedAt, url };
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  process.kill(-s.child.pid!, 'SIGTERM');
  await exited;
}

/** Spawn → ready → the page painted, in epoch ms from the spawn. */
async function coldStart(browser: Browser, start: () => Started): Promise<number> {
  const s = start();
  try {
    const { paintedAt } = await paint(browser, () => s.url);
    return paintedAt - s.spawnedAt;
  } finally {
    await stop(s);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

/**
 * Start-up, as a ratio to a static page served the same way (the kiosk's static file code and headers, a plain Node
 * process) and painted in the same Chromium in the same run:
 *  - first paint: navigation → attract screen painted, against navigation → static page painted (target ≤ 1.5×);
 *    then, for the kiosk, when that screen takes touches and when React has drawn it (browser mode serves the attract
 *    screen with the page: main/browser/attract-shell.ts);
 *  - cold start of the compiled kiosk process (emulators already running, database already created): spawn → attract
 *    screen painted, against spawn of the static page server → its page painted;
 *  - and `npm start -- --headless` as a newcomer runs it (launcher, emulators, nothing to rebuild) → attract painted.
 */
export async function benchStartup(paintRounds = 15, processRounds = 5, npmStartRounds = 2): Promise<{ paintRatio: number }> {
  if (
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-changed.mjs'), 'renderer', 'main'], { stdio: 'inherit' }).status !== 0
  )
    throw new Error('build failed');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  const pageDir = path.join(dir, 'page');
  mkdirSync(pageDir);
  // the static stand-in: the attract screen's heading as plain HTML, under the same test id
  writeFileSync(
    path.join(pageDir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务服务自助终端</title></head>' +
      '<body><main data-testid="attract"><h1>便民服务中心 24小时政务服务自助终端</h1></main></body></html>',
  );
  const staticServer = () => spawnServer(process.execPath, [path.join(root, 'test', 'bench', 'static-page-server.mjs'), root, pageDir]);
  const configFile = path.join(root, 'config', 'kiosk.yaml');
  // the emulators `npm start` would start for this config
  const emulators = await startEmulators(emulatorNamesFor(loadConfig(configFile)));
  const dataDir = path.join(dir, 'data');
  const kiosk = () =>
    spawnServer(
      process.execPath,
      [path.join(root, 'dist', 'main', 'browser', 'main.js'), '--headless', '--config', configFile, '--data-dir', dataDir],
      { KIOSK_EMULATORS: JSON.stringify(emulators.addresses), KIOSK_PORT: '0' },
    );
  const browser = await launchBrowser();
  try {
    // warm-up: creates the database and lets the catalog sync once, so every measured start finds them
    const first = kiosk();
    await paint(browser, () => first.url);
    await new Promise((r) => setTimeout(r, 3000));
    await stop(first);

    const staticServing = staticServer();
    const kioskServing = kiosk();
    // the launch URL's ticket is single-use: later visits present the UI credential it was exchanged for
    const { cookies } = await paint(browser, () => kioskServing.url);
    const kioskHome = new URL('/', await kioskServing.url).href;
    const staticPaint: number[] = [];
    const kioskPaint: number[] = [];
    const kioskTouchable: number[] = [];
    const kioskReact: number[] = [];
    for (let i = 0; i < paintRounds; i++) {
      staticPaint.push((await paint(browser, () => staticServing.url)).paintMs);
      const visit = await paint(browser, async () => kioskHome, cookies, true);
      kioskPaint.push(visit.paintMs);
      kioskTouchable.push(visit.touchableMs!);
      kioskReact.push(visit.reactMs!);
    }
    await stop(staticServing);
    await stop(kioskServing);

    const staticCold: number[] = [];
    const kioskCold: number[] = [];
    for (let i = 0; i < processRounds; i++) {
      staticCold.push(await coldStart(browser, staticServer));
      kioskCold.push(await coldStart(browser, kiosk));
    }
    emulators.process.kill();

    const npmStart: number[] = [];
    for (let i = 0; i < npmStartRounds; i++)
      npmStart.push(
        await coldStart(browser, () => spawnServer('npm', ['start', '--', '--headless', '--data-dir', dataDir], { KIOSK_PORT: '0' })),
      );

    const paintRatio = median(kioskPaint) / median(staticPaint);
    const coldRatio = median(kioskCold) / median(staticCold);
    console.log(`startup: first paint, navigation → painted (${paintRounds} visits each, fresh browser context)`);
    console.log(`  static page:    ${fmt(staticPaint)}`);
    console.log(
      `  attract screen: ${fmt(kioskPaint)} → ratio ${paintRatio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${paintRatio <= TARGET_RATIO ? 'met' : 'MISSED'})`,
    );
    console.log(`  then, attract screen takes touches (its script listens): ${fmt(kioskTouchable)}`);
    console.log(`  then, React has drawn it in the shell's place (the core's snapshot is in): ${fmt(kioskReact)}`);
    console.log(`startup: cold process, spawn → painted (${processRounds} starts each)`);
    console.log(`  static page server (node):         ${fmt(staticCold)}`);
    console.log(`  compiled kiosk (node, browser mode): ${fmt(kioskCold)} → ratio ${coldRatio.toFixed(2)}×`);
    console.log(`startup: npm start -- --headless → attract painted (launcher + emulators, nothing to rebuild): ${fmt(npmStart)}`);
    return { paintRatio };
  } finally {
    await browser.close();
    emulators.process.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
