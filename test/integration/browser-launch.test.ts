import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { root, testConfig } from '../support/kiosk-process.js';
import { redeemLaunchUrl } from '../support/ui-session.js';

/**
 * Browser mode with a window, where the "Chromium" is a stand-in that reports its command line (what `ps`
 * shows every local user) to this test and then waits, as a browser would.
 */
let dir: string;
let kiosk: ChildProcess;
let stdout = '';
const launches: string[][] = [];
const waiting: (() => void)[] = [];
const launch = (n: number) => new Promise<string[]>((r) => (launches.length > n ? r(launches[n]!) : waiting.push(() => r(launches[n]!))));
let reporter: http.Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'launch-'));
  reporter = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      launches.push(JSON.parse(body) as string[]);
      res.end();
      for (const w of waiting.splice(0)) w();
    });
  });
  await new Promise<void>((r) => reporter.listen(0, '127.0.0.1', r));
  const fake = path.join(dir, 'chromium');
  writeFileSync(
    fake,
    `#!${process.execPath}\nconst r = require('node:http').request(${JSON.stringify(`http://127.0.0.1:${(reporter.address() as AddressInfo).port}/`)}, { method: 'POST' });\nr.end(JSON.stringify(process.argv.slice(2)));\nsetInterval(() => {}, 60000);\n`,
  );
  chmodSync(fake, 0o755);
  writeFileSync(path.join(dir, 'k.yaml'), stringify(testConfig()));
  kiosk = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'main/browser/main.ts'), '--config', path.join(dir, 'k.yaml'), '--data-dir', path.join(dir, 'data')],
    { env: { ...process.env, KIOSK_PORT: '0', KIOSK_CHROMIUM: fake }, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  kiosk.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
});

afterAll(async () => {
  if (kiosk.exitCode === null) {
    const exited = new Promise((r) => kiosk.once('exit', r));
    kiosk.kill('SIGTERM');
    await exited;
  }
  reporter.close();
  rmSync(dir, { recursive: true, force: true });
});

const appUrl = (args: string[]) => args.find((a) => a.startsWith('--app='))!.slice('--app='.length);

describe('browser mode with a window: what other local users can see is worth nothing', () => {
  it('the window gets a one-time ticket on its command line, never a standing token, and no URL is printed', async () => {
    const url = appUrl(await launch(0));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?ticket=[\w-]+$/);
    await redeemLaunchUrl(url); // what the real window does first thing
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
    expect(stdout).not.toContain('KIOSK_URL');
  });

  it('after a ticket is presented twice, the window is reopened with a fresh ticket', async () => {
    const second = appUrl(await launch(1));
    expect(second).not.toBe(appUrl(launches[0]!));
    await expect(redeemLaunchUrl(second)).resolves.toMatchObject({ cookie: expect.stringMatching(/^kiosk_ui=/) });
  });
});
