import net from 'node:net';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../devices/core/transports/serial.js';
import { TcpTransport } from '../../devices/core/transports/tcp.js';
import { ptyPair, type PtyPair } from '../support/peers.js';

const collect = (t: { onData(l: (c: Uint8Array) => void): unknown }, n: number) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Uint8Array[] = [];
    t.onData((c) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      if (all.length >= n) resolve(all);
    });
  });

describe('serial transport over a real pty (socat)', () => {
  let pair: PtyPair | null = null;
  afterEach(async () => {
    await pair?.close();
    pair = null;
  });

  it('carries every byte value both ways', async () => {
    pair = await ptyPair();
    const t = new SerialTransport({ path: pair.a, baudRate: 115200 });
    expect(await t.open()).toEqual({ ok: true, value: undefined });
    const device = new SerialPort({ path: pair.b, baudRate: 115200 });
    await new Promise((r) => device.once('open', r));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const received = collect(t, 256);
    device.write(Buffer.from(all));
    expect([...(await received)]).toEqual([...all]);
    const back = new Promise<Buffer>((resolve) => device.once('data', resolve));
    expect(await t.write(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69))).toEqual({ ok: true, value: undefined });
    expect([...(await back)]).toEqual([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
    await new Promise((r) => device.close(r));
    await t.close();
  });

  it('reports disconnected (not a crash) when the line goes away, and can open again', async () => {
    pair = await ptyPair();
    const t = new SerialTransport({ path: pair.a, baudRate: 115200 });
    await t.open();
    const lost = new Promise<string>((resolve) => t.onDisconnect(resolve));
    await pair.close();
    expect(await lost).toMatch(/closed|disappeared/);
    expect(t.isOpen).toBe(false);
    expect(await t.write(Uint8Array.of(1))).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(await t.open()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    pair = await ptyPair();
    const again = new SerialTransport({ path: pair.a, baudRate: 115200 });
    expect((await again.open()).ok).toBe(true);
    await again.close();
  });

  it('distinguishes canceled from disconnected', async () => {
    const t = new SerialTransport({ path: '/nonexistent/tty', baudRate: 9600 });
    expect(await t.open(AbortSignal.abort())).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(await t.open()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });
});

describe('TCP transport', () => {
  it('exchanges bytes, then reports the peer closing as disconnected', async () => {
    const server = net.createServer((s) => s.on('data', (d) => (d[0] === 0xff ? s.destroy() : s.write(d))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const t = new TcpTransport({ host: '127.0.0.1', port });
    expect((await t.open()).ok).toBe(true);
    const echoed = collect(t, 3);
    await t.write(Uint8Array.of(1, 2, 3));
    expect([...(await echoed)]).toEqual([1, 2, 3]);
    const lost = new Promise<string>((resolve) => t.onDisconnect(resolve));
    await t.write(Uint8Array.of(0xff));
    expect(await lost).toContain('closed by peer');
    server.close();
  });

  it('reports a refused connection as disconnected and an abort as canceled', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((r) => server.close(r));
    expect(await new TcpTransport({ host: '127.0.0.1', port }).open()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(await new TcpTransport({ host: '127.0.0.1', port }).open(AbortSignal.abort())).toMatchObject({
      ok: false,
      error: { code: 'canceled' },
    });
  });
});
