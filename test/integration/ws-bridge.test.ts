import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createKioskDispatcher } from '../../main/bridge/handlers/index.js';
import { startBridgeServer, type BridgeServer } from '../../main/browser/server.js';
import { rendererDir } from '../../main/core/paths.js';
import { createTestKiosk } from '../support/core.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

let server: BridgeServer;
const { kiosk, logs } = createTestKiosk();

beforeAll(async () => {
  if (!existsSync(`${rendererDir}/index.html`)) {
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(`${rendererDir}/index.html`, '<!doctype html><title>placeholder for this test</title>');
  }
  server = await startBridgeServer({
    rendererDir,
    port: 0,
    dispatch: createKioskDispatcher(kiosk),
    subscribe: (l) => kiosk.onEvent(l),
    logger: kiosk.log,
  });
  await kiosk.start();
});
afterAll(async () => {
  await server.close();
  await kiosk.stop();
});

function connect(opts: { origin?: string; token?: string }): Promise<WebSocket> {
  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/bridge?token=${opts.token ?? server.token}`, {
    headers: opts.origin === undefined ? {} : { Origin: opts.origin },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as Record<string, unknown>;
      if (predicate(m)) {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

describe('browser-mode WebSocket bridge', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a connection from another origin (another local web page)', async () => {
    await expect(connect({ origin: 'http://localhost:8080' })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: 'null' })).rejects.toThrow('HTTP 403');
    expect(logs.join('')).toContain('bridge connection refused');
  });

  it("refuses a connection without this start's token", async () => {
    await expect(connect({ origin: server.origin, token: 'guess' })).rejects.toThrow('HTTP 403');
    await expect(connect({})).rejects.toThrow('HTTP 403');
  });

  it('serves requests from the kiosk origin with the token, and pushes events', async () => {
    const ws = await connect({ origin: server.origin });
    const changed = nextMessage(ws, (m) => m.kind === 'event' && m.name === 'session.changed');
    ws.send(JSON.stringify({ kind: 'request', id: 1, method: 'session.start', params: { trigger: 'touch' } }));
    const reply = await nextMessage(ws, (m) => m.kind === 'response');
    expect(reply).toMatchObject({ id: 1, ok: true, result: { phase: 'active', mode: 'resident' } });
    expect(await changed).toMatchObject({ payload: { phase: 'active' } });

    ws.send(JSON.stringify({ kind: 'request', id: 2, method: 'terminal.info', params: {} }));
    expect(await nextMessage(ws, (m) => m.id === 2)).toMatchObject({ ok: true, result: { terminalId: 'TEST-0001', runtime: 'browser' } });
    ws.close();
  });

  it('answers garbage and unknown methods with typed errors, and logs them', async () => {
    const ws = await connect({ origin: server.origin });
    ws.send('{not json');
    expect(await nextMessage(ws)).toMatchObject({ ok: false, error: { code: 'badMessage' } });
    ws.send(JSON.stringify({ kind: 'request', id: 9, method: 'shell.exec', params: { cmd: 'rm -rf /' } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 9, ok: false, error: { code: 'unknownMethod' } });
    expect(logs.join('')).toContain('bridge message rejected');
    ws.close();
  });

  it('refuses maintenance calls until the PIN unlocks them', async () => {
    const ws = await connect({ origin: server.origin });
    ws.send(JSON.stringify({ kind: 'request', id: 20, method: 'maintenance.overview', params: {} }));
    expect(await nextMessage(ws, (m) => m.id === 20)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ws.send(JSON.stringify({ kind: 'request', id: 21, method: 'maintenance.unlock', params: { pin: '246810' } }));
    expect(await nextMessage(ws, (m) => m.id === 21)).toMatchObject({ ok: true, result: { result: 'unlocked' } });
    ws.send(JSON.stringify({ kind: 'request', id: 22, method: 'maintenance.overview', params: {} }));
    const overview = await nextMessage(ws, (m) => m.id === 22);
    expect(overview).toMatchObject({ ok: true });
    const types = (overview.result as { audit: { type: string }[] }).audit.map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(['maintenance.entered', 'kiosk.started']));
    ws.send(JSON.stringify({ kind: 'request', id: 23, method: 'maintenance.exit', params: {} }));
    expect(await nextMessage(ws, (m) => m.id === 23)).toMatchObject({ ok: true, result: { phase: 'idle' } });
    ws.close();
  });

  it('serves the UI with a strict CSP and refuses paths outside it', async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${server.origin}/../../etc/passwd`)).status).not.toBe(500);
    expect(await (await fetch(`${server.origin}/%2e%2e/%2e%2e/etc/passwd`)).text()).not.toContain('root:');
  });
});
