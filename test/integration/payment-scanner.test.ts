import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../devices/core/transports/serial.js';
import { TcpTransport } from '../../devices/core/transports/tcp.js';
import { PaymentCodeScanner, type ScanEvent } from '../../devices/payment-scanner/driver.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { paymentScannerEmulator } from '../../emulators/payment-scanner/emulator.js';
import { requirePeer } from '../support/peers.js';

let emu: EmulatorHandle;
let scanner: PaymentCodeScanner;
let logged: string[];

const untilStatus = (state: string) =>
  new Promise<void>((resolve) => {
    if (scanner.status().state === state) return resolve();
    const off = scanner.onStatus((s) => {
      if (s.state === state) {
        off();
        resolve();
      }
    });
  });

const start = async (mode: 'serial' | 'tcp') => {
  if (mode === 'serial') requirePeer('socat', 'socat');
  emu = await paymentScannerEmulator.start({ argv: mode === 'tcp' ? ['--tcp', '0'] : [] });
  const transport =
    mode === 'tcp'
      ? new TcpTransport({ host: '127.0.0.1', port: Number(/:(\d+)$/.exec(emu.address)![1]) })
      : new SerialTransport({ path: emu.address, baudRate: 115200 });
  logged = [];
  const log = { info: (o: object, m: string) => logged.push(`${m} ${JSON.stringify(o)}`), warn: (o: object, m: string) => logged.push(m) };
  scanner = new PaymentCodeScanner({ id: 'payscan', transport, interByteTimeoutMs: 60, log });
  await scanner.start();
  await untilStatus('online');
};

afterEach(async () => {
  await scanner.stop();
  await emu.close();
});

describe.each(['serial', 'tcp'] as const)('payment-code scanner against its emulator (%s)', (mode) => {
  beforeEach(() => start(mode));

  it("reads a payer's payment code while a step waits, and masks it in the log", async () => {
    const read = scanner.read({ accept: ['paymentCode'], timeoutMs: 5000 });
    await emu.act('present', 'wechat-password');
    const r = await read;
    expect(r.ok && r.value.kind).toBe('wechat');
    const code = r.ok && r.value.kind !== 'paymentNotice' ? r.value.code : '';
    expect(code).toMatch(/^1302\d{14}$/);
    expect(logged.join('\n')).not.toContain(code);
    expect(logged.join('\n')).toContain('wechat 13**************');
  });

  it('drops a code presented while nobody asked, without logging it', async () => {
    await emu.act('present', 'alipay-instant');
    await new Promise((r) => setTimeout(r, 150)); // the bytes arrive; nothing is waiting for them
    const read = scanner.read({ accept: ['paymentNotice'], timeoutMs: 5000 });
    await emu.act('present', '33010024110000000017');
    expect(await read).toEqual({ ok: true, value: { kind: 'paymentNotice', noticeNo: '33010024110000000017' } });
    expect(logged.filter((l) => l.includes('alipay'))).toEqual([]);
  });

  it('takes a code read twice once; the repeat does not answer the next wait', async () => {
    const first = scanner.read({ accept: ['paymentCode'], timeoutMs: 5000 });
    await emu.act('twice', 'wechat-instant');
    expect((await first).ok).toBe(true);
    const second = await scanner.read({ accept: ['paymentCode'], timeoutMs: 300 });
    expect(second).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('reports garbage, half a code and a code of the wrong kind, and keeps waiting', async () => {
    const events: ScanEvent[] = [];
    const read = scanner.read({ accept: ['paymentCode'], timeoutMs: 5000, onEvent: (e) => events.push(e) });
    await emu.act('garbage');
    await emu.act('half', 'wechat-instant');
    await new Promise((r) => setTimeout(r, 200)); // the inter-byte silence ends the half code
    await emu.act('present', '33010024110000000017');
    await emu.act('present', 'unionpay-instant');
    const r = await read;
    expect(r.ok && r.value.kind).toBe('unionpay');
    expect(events.map((e) => e.reason)).toEqual(['notText', 'unknownCode', 'wrongKind']);
  });
});

describe('payment-code scanner: link faults', () => {
  beforeEach(() => start('serial'));

  it('frames codes without suffix by inter-byte silence', async () => {
    emu.setFault('noSuffix', true);
    const read = scanner.read({ accept: ['paymentCode'], timeoutMs: 5000 });
    await emu.act('present', 'alipay-instant');
    expect((await read).ok).toBe(true);
  });

  it('goes offline when unplugged and reads again after replug, the wait going on', async () => {
    const read = scanner.read({ accept: ['paymentCode'], timeoutMs: 10_000 });
    await emu.act('unplug');
    await untilStatus('offline');
    await emu.act('replug');
    await untilStatus('online');
    await emu.act('present', 'wechat-instant');
    expect((await read).ok).toBe(true);
  });

  it('a canceled wait answers canceled', async () => {
    const ac = new AbortController();
    const read = scanner.read({ accept: ['paymentCode'], signal: ac.signal });
    ac.abort();
    expect(await read).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(scanner.reading).toBe(false);
  });
});
