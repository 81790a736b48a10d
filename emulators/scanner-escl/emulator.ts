import { flagValue } from '../lib/args.js';
import type { EmulatorDefinition } from '../lib/emulator.js';
import { pageKinds, type PageKind } from './pages.js';
import { EmulatedScanner, scannerFaults, type ScannerFault } from './scanner.js';
import { EsclServer } from './server.js';

const feederSets: Record<string, PageKind[]> = {
  'form+idcard': ['form', 'idcard'],
  form: ['form'],
  idcard: ['idcard'],
  'form+blank': ['form', 'blank'],
  'form+idcard+blank': ['form', 'idcard', 'blank'],
};

export const scannerEsclEmulator: EmulatorDefinition = {
  name: 'scanner-escl',
  summary: 'A4 document scanner over eSCL/AirScan (platen and feeder; form, ID card copy and blank pages; JPEG, PNG, PDF)',
  usage: '[--port N] [--slow-ms 3000]',
  async start({ port, argv }) {
    const portArg = flagValue(argv, '--port');
    const scanner = new EmulatedScanner(Number(flagValue(argv, '--slow-ms') ?? 3000));
    const server = new EsclServer(scanner, port ?? (portArg ? Number(portArg) : 0));
    const address = await server.listen();
    return {
      name: 'scanner-escl',
      address,
      faults: [...scannerFaults],
      actions: [
        { name: 'platen', help: 'put a sheet on the glass', choices: [...pageKinds] },
        { name: 'feeder', help: 'load the feeder with these sheets (top first)', choices: Object.keys(feederSets) },
        { name: 'clear', help: 'clear a jam, close the cover, refill the feeder (all faults but offline off)' },
      ],
      state: () => ({
        state: scanner.state(),
        adfState: scanner.adfState(),
        platen: scanner.platen,
        feeder: scanner.feeder,
        faults: [...scanner.faults],
        busyRefusals: scanner.busyRefusals,
        jobs: scanner.jobs.map((j) => ({
          id: j.id,
          source: j.settings.source,
          state: j.state,
          pages: j.pages.length,
          delivered: j.delivered,
        })),
      }),
      setFault(name, on) {
        if (!scannerFaults.some((f) => f.name === name)) throw new Error(`unknown fault "${name}"`);
        scanner.setFault(name as ScannerFault, on);
      },
      act(action, arg) {
        if (action === 'platen') {
          if (!pageKinds.includes(arg as PageKind)) throw new Error(`platen takes one of ${pageKinds.join(', ')}`);
          scanner.platen = arg as PageKind;
        } else if (action === 'feeder') {
          const set = feederSets[arg ?? ''];
          if (!set) throw new Error(`feeder takes one of ${Object.keys(feederSets).join(', ')}`);
          scanner.feeder = [...set];
        } else if (action === 'clear') {
          for (const f of ['jam', 'feederEmpty', 'coverOpen', 'busy', 'slow', 'blankPage'] as const) scanner.setFault(f, false);
        } else throw new Error(`unknown action "${action}"`);
      },
      close: () => server.close(),
    };
  },
};
