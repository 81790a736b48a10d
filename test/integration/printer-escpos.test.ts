import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../devices/core/transports/serial.js';
import { EscPosPrinter } from '../../devices/printer/escpos-printer.js';
import type { ReceiptDocument } from '../../devices/printer/index.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { printerEscposEmulator } from '../../emulators/printer-escpos/emulator.js';
import { requirePeer } from '../support/peers.js';

let emu: EmulatorHandle;
let printer: EscPosPrinter;

beforeEach(async () => {
  requirePeer('socat', 'socat');
  emu = await printerEscposEmulator.start({ argv: [] });
  printer = new EscPosPrinter({
    id: 'receipt',
    transport: new SerialTransport({ path: emu.address, baudRate: 115200 }),
    pollIntervalMs: 60_000,
    commandTimeoutMs: 500,
  });
  await printer.start();
});
afterEach(async () => {
  await printer.stop();
  await emu.close();
});

const receipt = (): ReceiptDocument => ({
  blocks: [
    { kind: 'text', text: '受理回执', align: 'center', size: 2 },
    { kind: 'text', text: '办件编号：KIOSK-0001-0007' },
    { kind: 'text', text: '事项：户籍证明开具' },
    { kind: 'qr', data: 'https://zwfw.example.gov.cn/progress/KIOSK-0001-0007' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ],
});

describe('ESC/POS receipt printer over a serial line (socat pty)', () => {
  it('prints Chinese text in GB18030 with alignment, size and a QR code, then cuts', async () => {
    expect(printer.status().state).toBe('online');
    expect((await printer.printReceipt(receipt())).ok).toBe(true);
    const text = emu.state().lastReceipt as string;
    expect(text).toMatch(/^ +受 理 回 执$/m);
    expect(text).toContain('办件编号：KIOSK-0001-0007');
    expect(text).toContain('事项：户籍证明开具');
    expect(text).toContain('[QR https://zwfw.example.gov.cn/progress/KIOSK-0001-0007]');
    expect(text).toContain('-'.repeat(48));

    // and as the paper would look: an 80 mm wide (576 dots) PNG with ink on it
    const png = readFileSync((emu.state().receipts as string[])[0]!.replace(/\.txt$/, '.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(576);
    const height = png.readUInt32BE(20);
    expect(height).toBeGreaterThan(300);
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const pixels = inflateSync(idat);
    const dark = pixels.filter((v, i) => i % 577 !== 0 && v === 0).length;
    expect(dark / (576 * height)).toBeGreaterThan(0.02);
    // the control panel shows the same picture
    expect(String(emu.state().lastReceiptPng)).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('refuses to start without paper or with the cover open, and nothing is printed', async () => {
    emu.setFault('paperEnd', true);
    expect(await printer.readiness()).toMatchObject({ ok: false, error: { code: 'noMedia' } });
    expect(await printer.printReceipt(receipt())).toMatchObject({
      ok: false,
      error: { code: 'noMedia', messageKey: 'printer.error.receiptPaperOut' },
    });
    expect(printer.status()).toMatchObject({ state: 'userError', media: ['paperOut'] });
    emu.setFault('paperEnd', false);
    emu.setFault('coverOpen', true);
    expect(await printer.printReceipt(receipt())).toMatchObject({ ok: false, error: { code: 'userError' } });
    expect(emu.state().receipts).toEqual([]);
  });

  it('reports a cutter error found after the receipt, and paper running low as a warning', async () => {
    emu.setFault('paperNearEnd', true);
    expect((await printer.printerStatus()).ok).toBe(true);
    expect(printer.status()).toMatchObject({ state: 'online', media: ['paperLow'] });
    emu.setFault('cutterError', true);
    expect(await printer.printReceipt(receipt())).toMatchObject({ ok: false, error: { code: 'hardwareError' } });
  });

  it('a printer that does not answer status requests times out and shows offline; unplug and replug recover', async () => {
    emu.setFault('noAnswer', true);
    expect(await printer.printerStatus()).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(printer.status().state).toBe('offline');
    emu.setFault('noAnswer', false);
    await emu.act('unplug');
    const gone = await printer.printerStatus();
    expect(gone.ok).toBe(false);
    await emu.act('replug');
    await expect.poll(async () => (await printer.printerStatus()).ok, { timeout: 10_000, interval: 200 }).toBe(true);
    expect(printer.status().state).toBe('online');
  });
});
