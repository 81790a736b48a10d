import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createKioskDispatcher } from '../../main/bridge/handlers/index.js';
import { startBridgeServer, type BridgeServer } from '../../main/browser/server.js';
import { UiAccess } from '../../main/browser/ui-access.js';
import { rendererDir } from '../../main/core/paths.js';
import { createTestKiosk } from '../support/core.js';
import { frame, openRawBridge } from '../support/raw-websocket.js';
import { bridgeCall, openBridge, redeemLaunchUrl, type UiSession } from '../support/ui-session.js';

let server: BridgeServer;
let session: UiSession;
const ticketsFailed: string[] = [];
let clock = 1_000_000;
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
    onLaunchTicketFailed: (reason) => ticketsFailed.push(reason),
    access: new UiAccess(() => clock),
  });
  await kiosk.start();
  session = await redeemLaunchUrl(server.launchUrl(60_000));
});
afterAll(async () => {
  await server.close();
  await kiosk.stop();
});

/** The UI's connection (credential cookie, kiosk origin) unless told otherwise. */
function connect(opts: { origin?: string; cookie?: string | null; path?: string } = {}): Promise<WebSocket> {
  const cookie = opts.cookie === null ? undefined : (opts.cookie ?? session.cookie);
  return openBridge({ origin: server.origin, cookie }, { origin: opts.origin, path: opts.path });
}

/** Resolves with the close code once the server closes this socket. */
const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

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

  it('refuses a connection from another origin (another local web page), even with the credential', async () => {
    await expect(connect({ origin: 'http://localhost:8080' })).rejects.toThrow('HTTP 403');
    await expect(connect({ origin: 'null' })).rejects.toThrow('HTTP 403');
    expect(logs.join('')).toContain('bridge connection refused');
  });

  it('refuses a connection without the current credential', async () => {
    await expect(connect({ cookie: null })).rejects.toThrow('HTTP 403');
    await expect(connect({ cookie: 'kiosk_ui=guess' })).rejects.toThrow('HTTP 403');
    expect(logs.join('')).toContain('"reason":"credential"');
  });

  it('serves the bridge on exactly /bridge', async () => {
    for (const path of ['/bridgeX', '/bridge/', '/bridge?x=1', '/bridge%2F', '/BRIDGE', '/'])
      await expect(connect({ path }), path).rejects.toThrow('HTTP 403');
    (await connect()).close();
  });

  it('serves requests from the kiosk origin with the credential, and pushes events', async () => {
    const ws = await connect();
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
    const ws = await connect();
    ws.send('{not json');
    expect(await nextMessage(ws)).toMatchObject({ ok: false, error: { code: 'badMessage' } });
    ws.send(JSON.stringify({ kind: 'request', id: 9, method: 'shell.exec', params: { cmd: 'rm -rf /' } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 9, ok: false, error: { code: 'unknownMethod' } });
    expect(logs.join('')).toContain('bridge message rejected');
    ws.close();
  });

  it('refuses maintenance calls until the PIN unlocks them', async () => {
    const ws = await connect();
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

  it('sends the security headers on error replies and redirects too', async () => {
    const replies = {
      '404': await fetch(`${server.origin}/missing.js`),
      '405': await fetch(`${server.origin}/`, { method: 'POST', body: 'x' }),
      '403': await fetch(`${server.origin}/?ticket=made-up`, { redirect: 'manual' }),
      '303': await fetch(server.launchUrl(60_000), { redirect: 'manual' }),
    };
    session = { origin: server.origin, cookie: replies['303'].headers.get('set-cookie')!.split(';')[0]!, setCookie: '' };
    for (const [status, res] of Object.entries(replies)) {
      expect(res.status, status).toBe(Number(status));
      expect(res.headers.get('content-security-policy'), status).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), status).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), status).toBe('DENY');
      expect(res.headers.get('referrer-policy'), status).toBe('no-referrer');
    }
  });
});

describe('a bad WebSocket frame closes that connection, never the kiosk', () => {
  const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 0x20);
  const cases: { name: string; bytes: Buffer; code: number; reason: string }[] = [
    { name: 'a 10 MB message', bytes: frame(0x81, tenMegabytes), code: 1009, reason: 'messageTooLarge' },
    { name: 'invalid UTF-8 in a text frame', bytes: frame(0x81, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), code: 1007, reason: 'badUtf8' },
    { name: 'an unmasked frame', bytes: frame(0x81, Buffer.from('{}'), { masked: false }), code: 1002, reason: 'protocolError' },
    { name: 'reserved bits set', bytes: frame(0xc1, Buffer.from('{}')), code: 1002, reason: 'protocolError' },
    { name: 'opcode 3', bytes: frame(0x83, Buffer.from('{}')), code: 1002, reason: 'protocolError' },
    {
      name: 'a length header of 2^64 - 1',
      bytes: frame(0x81, Buffer.alloc(0), { declaredLength: 2n ** 64n - 1n }),
      code: 1009,
      reason: 'messageTooLarge',
    },
    { name: 'a fragmented ping', bytes: frame(0x09, Buffer.from('p')), code: 1002, reason: 'protocolError' },
  ];

  for (const c of cases)
    it(`${c.name}: closed with ${c.code}, logged, and the kiosk still answers`, async () => {
      const raw = await openRawBridge(server.origin, '/bridge', { Cookie: session.cookie });
      raw.socket.write(c.bytes);
      expect(await raw.closed).toBe(c.code);
      raw.socket.destroy();
      expect(logs.join('')).toContain(`"reason":"${c.reason}"`);

      const ws = await connect();
      ws.send(JSON.stringify({ kind: 'request', id: 1, method: 'terminal.info', params: {} }));
      expect(await nextMessage(ws, (m) => m.id === 1)).toMatchObject({ ok: true, result: { terminalId: 'TEST-0001' } });
      ws.close();
    });
});

describe('who may drive the UI: a single-use launch ticket, one credential, one connection', () => {
  it('a launch ticket becomes an HttpOnly SameSite=Strict cookie and a redirect that drops the ticket', async () => {
    const url = server.launchUrl(60_000);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toMatch(/^kiosk_ui=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    session = { origin: server.origin, cookie: res.headers.get('set-cookie')!.split(';')[0]!, setCookie: '' };
  });

  it('a token in the URL, as before, opens nothing', async () => {
    const ticket = new URL(server.launchUrl(60_000)).searchParams.get('ticket')!;
    await expect(connect({ cookie: null, path: `/bridge?token=${ticket}` })).rejects.toThrow('HTTP 403');
  });

  it('an unknown or expired ticket is refused', async () => {
    expect((await fetch(`${server.origin}/?ticket=made-up`, { redirect: 'manual' })).status).toBe(403);
    const url = server.launchUrl(60_000);
    clock += 60_000;
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
    expect(ticketsFailed).toContain('expired');
  });

  it('accepts one connection at a time: a newer one with the credential replaces the older, closed with 4000', async () => {
    const first = await connect();
    const firstClosed = closeCode(first);
    const second = await connect();
    expect(await firstClosed).toBe(4000);
    // events go to the connection that holds the bridge now
    const changed = nextMessage(second, (m) => m.kind === 'event' && m.name === 'session.changed');
    expect(await bridgeCall(second, 1, 'session.start', { trigger: 'touch' })).toMatchObject({ ok: true });
    await changed;
    expect(await bridgeCall(second, 2, 'session.end', { reason: 'completed' })).toMatchObject({ ok: true });
    second.close();
  });

  it('a newer launch ticket revokes the old credential: its connection closes with 4001 and cannot come back', async () => {
    const old = session;
    const ws = await connect();
    const closed = closeCode(ws);
    session = await redeemLaunchUrl(server.launchUrl(60_000));
    expect(await closed).toBe(4001);
    await expect(connect({ cookie: old.cookie })).rejects.toThrow('HTTP 403');
    (await connect()).close();
  });

  it('a ticket presented twice (someone used it first) revokes the credential it gave, and says so', async () => {
    const url = server.launchUrl(60_000);
    const thief = await redeemLaunchUrl(url);
    const ws = await connect({ cookie: thief.cookie });
    const closed = closeCode(ws);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
    expect(await closed).toBe(4001);
    await expect(connect({ cookie: thief.cookie })).rejects.toThrow('HTTP 403');
    expect(logs.join('')).toContain('"code":"ticketReused"');
    expect(ticketsFailed).toContain('spent');
    session = await redeemLaunchUrl(server.launchUrl(60_000));
  });
});
