import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IppPrinter } from '../../devices/printer/ipp-printer.js';
import { printerEscposEmulator } from '../../emulators/printer-escpos/emulator.js';
import { printerIppEmulator } from '../../emulators/printer-ipp/emulator.js';
import { minimalPdf } from '../support/pdf.js';

// Printed certificates and receipts carry residents' names and numbers: an emulator that made its own spool
// folder takes it away when it stops; a folder the tester named is theirs and stays.
let given = '';
afterEach(() => given && rmSync(given, { recursive: true, force: true }));

async function printCertificate(address: string): Promise<void> {
  const printer = new IppPrinter({ id: 'a4', uri: address, pollIntervalMs: 60_000 });
  await printer.start();
  expect(await printer.print(minimalPdf(1, 'spool-cleanup'), { jobName: 'proof', pollMs: 20 })).toMatchObject({ ok: true });
  await printer.stop();
}

async function printReceipt(address: string): Promise<void> {
  const { port } = new URL(address.replace(/^tcp:/, 'http:'));
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  // ESC @ (init), a line of text, GS V 0 (cut): one receipt
  socket.end(Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from('SPOOL TEST\n'), Buffer.from([0x1d, 0x56, 0x00])]));
  await new Promise((r) => socket.once('close', r));
}

describe('emulators remove their spool folders when stopped', () => {
  it('the IPP printer removes the spool folder it made, jobs and all', async () => {
    const emu = await printerIppEmulator.start({ argv: ['--page-ms', '10'] });
    const spool = emu.state().spool as string;
    await printCertificate(emu.address);
    expect(readdirSync(spool).length).toBeGreaterThan(0);
    await emu.close();
    expect(existsSync(spool)).toBe(false);
  });

  it('the IPP printer keeps a spool folder given with --spool', async () => {
    given = mkdtempSync(path.join(os.tmpdir(), 'given-spool-'));
    const emu = await printerIppEmulator.start({ argv: ['--page-ms', '10', '--spool', given] });
    await printCertificate(emu.address);
    await emu.close();
    expect(readdirSync(given).length).toBeGreaterThan(0);
  });

  it('the receipt printer removes the output folder it made, and keeps one given with --out', async () => {
    const emu = await printerEscposEmulator.start({ argv: ['--tcp', '0'] });
    const out = emu.state().outDir as string;
    await printReceipt(emu.address);
    await expect.poll(() => (emu.state().receipts as string[]).length).toBe(1);
    await emu.close();
    expect(existsSync(out)).toBe(false);

    given = mkdtempSync(path.join(os.tmpdir(), 'given-out-'));
    const kept = await printerEscposEmulator.start({ argv: ['--tcp', '0', '--out', given] });
    await printReceipt(kept.address);
    await expect.poll(() => (kept.state().receipts as string[]).length).toBe(1);
    await kept.close();
    expect(readdirSync(given).length).toBeGreaterThan(0);
  });
});
