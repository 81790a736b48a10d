import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flagValue } from '../lib/args.js';
import { openByteLink, type ByteLink } from '../lib/byte-link.js';
import type { EmulatorDefinition } from '../lib/emulator.js';
import { EscPosInterpreter, receiptText, type Flags, type Printed } from './interpreter.js';
import { renderReceiptPng } from './render-png.js';

const faults: { name: keyof Flags; help: string }[] = [
  { name: 'paperEnd', help: 'paper roll empty (DLE EOT 4 and 2 report paper end)' },
  { name: 'paperNearEnd', help: 'paper roll nearly empty' },
  { name: 'coverOpen', help: 'cover open' },
  { name: 'cutterError', help: 'auto-cutter jammed' },
  { name: 'offline', help: 'printer offline' },
  { name: 'noAnswer', help: 'ignore status requests' },
];

export const printerEscposEmulator: EmulatorDefinition = {
  name: 'printer-escpos',
  summary: 'thermal receipt printer, ESC/POS with GB18030 and QR (serial pty via socat, or TCP like port 9100)',
  usage: '[--tcp PORT] [--out DIR]   receipts are written to DIR as receipt-N.txt and receipt-N.png',
  async start({ port, argv }) {
    const givenOut = flagValue(argv, '--out');
    // receipts carry residents' data: an output folder this emulator made is removed when it stops
    const outDir = givenOut ?? mkdtempSync(path.join(os.tmpdir(), 'receipts-'));
    const tcp = flagValue(argv, '--tcp') ?? (port !== undefined ? String(port) : undefined);
    const flags: Flags = { offline: false, coverOpen: false, paperEnd: false, paperNearEnd: false, cutterError: false, noAnswer: false };
    const receipts: { file: string; text: string }[] = [];
    let current: Printed[] = [];
    let lastPng: Buffer | null = null;
    let link: ByteLink | null = null;
    const interpreter = new EscPosInterpreter(
      (p) => {
        if (flags.paperEnd || flags.coverOpen) return; // nothing comes out
        current.push(p);
        if (p.kind === 'cut') {
          const text = receiptText(current);
          const file = path.join(outDir, `receipt-${receipts.length + 1}.txt`);
          writeFileSync(file, text);
          const png = renderReceiptPng(current);
          writeFileSync(file.replace(/\.txt$/, '.png'), png);
          lastPng = png;
          receipts.push({ file, text });
          current = [];
        }
      },
      (byte) => void link?.write(Uint8Array.of(byte)),
      () => flags,
    );
    link = await openByteLink({
      name: 'receipt',
      tcpPort: tcp === undefined ? undefined : Number(tcp),
      baud: 115200,
      onBytes: (b) => interpreter.feed(b),
    });
    return {
      name: 'printer-escpos',
      address: link.address,
      faults,
      actions: [
        { name: 'unplug', help: "pull the printer's cable" },
        { name: 'replug', help: 'plug it back in' },
      ],
      state: () => ({
        outDir,
        flags: { ...flags },
        plugged: link!.plugged,
        receipts: receipts.map((r) => r.file),
        lastReceipt: receipts.at(-1)?.text ?? null,
        lastReceiptPng: lastPng ? `data:image/png;base64,${lastPng.toString('base64')}` : null,
      }),
      setFault(name, on) {
        if (!faults.some((f) => f.name === name)) throw new Error(`unknown fault "${name}"`);
        flags[name as keyof Flags] = on;
      },
      async act(action) {
        if (action === 'unplug') await link!.unplug();
        else if (action === 'replug') await link!.replug();
        else throw new Error(`unknown action "${action}"`);
      },
      close: async () => {
        await link!.close();
        if (givenOut === undefined) rmSync(outDir, { recursive: true, force: true });
      },
    };
  },
};
