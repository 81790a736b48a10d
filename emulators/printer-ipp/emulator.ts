import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flagValue } from '../lib/args.js';
import type { EmulatorDefinition } from '../lib/emulator.js';
import { EmulatedPrinter, ippFaults, type IppFault } from './printer.js';
import { IppServer } from './server.js';

export const printerIppEmulator: EmulatorDefinition = {
  name: 'printer-ipp',
  summary: 'A4 certificate printer over IPP/2.0 (PDF jobs into a spool folder; paper, toner, jam, cover faults)',
  usage: '[--port N] [--spool DIR] [--page-ms 300]',
  async start({ port, argv }) {
    const givenSpool = flagValue(argv, '--spool');
    // printed certificates carry residents' data: a spool folder this emulator made is removed when it stops
    const spool = givenSpool ?? mkdtempSync(path.join(os.tmpdir(), 'ipp-spool-'));
    const pageMs = Number(flagValue(argv, '--page-ms') ?? 300);
    const portArg = flagValue(argv, '--port');
    const printer = new EmulatedPrinter(spool, pageMs);
    const server = new IppServer(printer, port ?? (portArg ? Number(portArg) : 0));
    const address = await server.listen();
    return {
      name: 'printer-ipp',
      address,
      faults: [...ippFaults],
      actions: [
        { name: 'loadPaper', help: 'fill the paper tray' },
        { name: 'clear', help: 'clear a jam / close the cover: stopped jobs continue' },
      ],
      state: () => ({
        spool,
        state: printer.stateMessage(),
        reasons: printer.reasons(),
        mediaLevel: printer.mediaLevel,
        tonerLevel: printer.tonerLevel,
        faults: [...printer.faults],
        jobs: printer.jobs.map((j) => ({ id: j.id, name: j.name, state: j.state, pages: j.pages, pagesDone: j.pagesDone, file: j.file })),
      }),
      setFault(name, on) {
        if (!ippFaults.some((f) => f.name === name)) throw new Error(`unknown fault "${name}"`);
        printer.setFault(name as IppFault, on);
      },
      act(action) {
        if (action === 'loadPaper') {
          printer.mediaLevel = 100;
          printer.resume();
        } else if (action === 'clear') printer.resume();
        else throw new Error(`unknown action "${action}"`);
      },
      close: async () => {
        await server.close();
        if (givenSpool === undefined) rmSync(spool, { recursive: true, force: true });
      },
    };
  },
};
