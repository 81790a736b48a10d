import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { stringify } from 'yaml';
import { root, testConfig } from '../support/kiosk-process.js';

/** Calls one bridge method the way the UI does, from the kiosk's own origin with its token. */
async function call(url: string, method: string, params: object): Promise<Record<string, unknown>> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/bridge?token=${u.searchParams.get('token')}`, { headers: { Origin: u.origin } });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const reply = new Promise<Record<string, unknown>>((resolve) =>
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as Record<string, unknown>;
      if (m.kind === 'response') resolve(m);
    }),
  );
  ws.send(JSON.stringify({ kind: 'request', id: 1, method, params }));
  const r = await reply;
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
      const first = await nextUrl();
      expect(await call(first, 'maintenance.restart', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(first, 'maintenance.unlock', { pin: '246810' })).toMatchObject({ ok: true });
      expect(await call(first, 'maintenance.restart', {})).toMatchObject({ ok: true });
      const second = await new Promise<string>((r) => (urls.length > 1 ? r(urls[1]!) : waiters.push(r)));
      expect(second).not.toBe(first);
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
