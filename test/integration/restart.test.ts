import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { root, testConfig } from '../support/kiosk-process.js';
import { bridgeCall, openBridge, redeemLaunchUrl, type UiSession } from '../support/ui-session.js';

/** Calls one bridge method the way the UI does, with the credential its launch URL was redeemed for. */
async function call(session: UiSession, method: string, params: object): Promise<Record<string, unknown>> {
  const ws = await openBridge(session);
  const r = await bridgeCall(ws, 1, method, params);
  ws.close();
  return r;
}

describe('maintenance restart (browser mode)', () => {
  it('restarts the kiosk through the launcher, which serves a new UI address', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'restart-'));
    writeFileSync(path.join(dir, 'k.yaml'), stringify(testConfig()));
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'main/start.ts'), '--headless', '--config', path.join(dir, 'k.yaml'), '--data-dir', path.join(dir, 'data')],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, KIOSK_PORT: '0' },
      },
    );
    const urls: string[] = [];
    const waiters: ((u: string) => void)[] = [];
    readline.createInterface({ input: child.stdout }).on('line', (l) => {
      if (!l.startsWith('KIOSK_URL=')) return;
      urls.push(l.slice(10));
      waiters.shift()?.(l.slice(10));
    });
    const nextUrl = () => new Promise<string>((r) => (urls.length > waiters.length ? r(urls[waiters.length]!) : waiters.push(r)));
    try {
      const firstUrl = await nextUrl();
      const first = await redeemLaunchUrl(firstUrl);
      expect(await call(first, 'maintenance.restart', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(first, 'maintenance.unlock', { pin: '246810' })).toMatchObject({ ok: true });
      expect(await call(first, 'maintenance.restart', {})).toMatchObject({ ok: true });
      const secondUrl = await new Promise<string>((r) => (urls.length > 1 ? r(urls[1]!) : waiters.push(r)));
      expect(secondUrl).not.toBe(firstUrl);
      const second = await redeemLaunchUrl(secondUrl);
      const overview = await call(second, 'maintenance.unlock', { pin: '246810' }).then(() => call(second, 'maintenance.overview', {}));
      const types = ((overview.result as { audit: { type: string }[] }).audit ?? []).map((a) => a.type);
      expect(types).toEqual(expect.arrayContaining(['maintenance.restart', 'kiosk.stopping', 'kiosk.started']));
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
