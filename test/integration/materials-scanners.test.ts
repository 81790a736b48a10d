import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentScanner } from '../../devices/scanner/index.js';
import { EsclScanner } from '../../devices/scanner/escl-scanner.js';
import { SaneScanner } from '../../devices/scanner/sane-scanner.js';
import type { FormMaterial, MatterForm } from '../../main/core/apply/apply-types.js';
import { APPLY_FORM, APPLY_LICENCES, APPLY_MATERIALS } from '../../main/core/flows/steps/apply-data.js';
import { applyMaterialsStep, type MaterialsAnswer } from '../../main/core/flows/steps/apply-materials.js';
import { RunData, type StepContext, type StepOutcome } from '../../main/core/flows/types.js';
import { createLogger } from '../../main/core/log/logger.js';
import { EmulatedScanner, type ScannerFault } from '../../emulators/scanner-escl/scanner.js';
import { EsclServer } from '../../emulators/scanner-escl/server.js';
import { privateSaneConfig } from '../support/sane-config.js';

/**
 * The materials step on the real scanner drivers: eSCL against the scanner-escl emulator and SANE through Debian's
 * scanimage and its `test` backend. What the resident would see: pages and their checks, one PDF, and each fault's
 * message (both drivers' typed errors must read the same).
 */
const termination: FormMaterial = {
  id: 'termination',
  name: '解除或终止劳动合同的证明',
  required: true,
  deferrable: true,
  licenceTypes: [],
  pagesHint: 2,
  sources: ['feeder', 'platen'],
};
const form: MatterForm = { matterId: 'sh-kiosk-013', version: '1', groups: [], rules: [], commitment: null, materials: [termination] };

function stepOn(scanner: DocumentScanner) {
  const data = new RunData();
  data.set(APPLY_FORM, form);
  data.set(APPLY_LICENCES, []);
  const step = applyMaterialsStep({
    scanner: () => scanner,
    camera: () => null,
    apply: () => null,
    applicant: () => null,
    audit: { append: () => undefined },
    log: createLogger({ level: 'silent' }),
    now: () => new Date(),
  });
  const ctx: StepContext = {
    flow: { id: 'apply', steps: [], devices: [], eligibility: { identity: 'card', cardTypes: ['resident'] } },
    matter: null,
    data,
    signal: new AbortController().signal,
    update: () => undefined,
  };
  const view = (o: StepOutcome) => {
    if (o.kind !== 'wait' || o.view.step !== 'materials') throw new Error(`not the materials view: ${JSON.stringify(o)}`);
    return o.view;
  };
  return {
    data,
    enter: async () => view(await step.enter(ctx)),
    answer: (a: MaterialsAnswer) => step.onAnswer!(ctx, step.answer!.parse(a)),
    scan: async (source: 'platen' | 'feeder') => view(await step.onAnswer!(ctx, { action: 'scan', materialId: 'termination', source })),
  };
}

describe('materials on the eSCL driver and the scanner-escl emulator', () => {
  let emu: EmulatedScanner;
  let server: EsclServer;
  let scanner: EsclScanner;
  beforeEach(async () => {
    emu = new EmulatedScanner(2000);
    server = new EsclServer(emu);
    scanner = new EsclScanner({ id: 'scanner', url: await server.listen(), pollIntervalMs: 60_000, busyRetries: 2, retryBaseMs: 20 });
    await scanner.start();
  });
  afterEach(async () => {
    await scanner.stop();
    await server.close();
  });

  it('two sheets from the feeder become two clean pages and one two-page PDF', async () => {
    emu.feeder = ['form', 'idcard'];
    const t = stepOn(scanner);
    await t.enter();
    const v = await t.scan('feeder');
    expect(v.materials[0]!.pages.map((p) => p.quality)).toEqual(['ok', 'ok']);
    expect(emu.jobs.at(-1)).toMatchObject({ state: 'Completed', delivered: 2 });
    expect(await t.answer({ action: 'done' })).toMatchObject({ kind: 'next' });
    const [choice] = t.data.require(APPLY_MATERIALS);
    if (choice?.kind !== 'scan') throw new Error('no scan');
    expect((await PDFDocument.load(choice.pdf)).getPageCount()).toBe(2);
  });

  it('the emulator’s blank sheet is flagged blank', async () => {
    emu.feeder = ['form', 'blank'];
    const t = stepOn(scanner);
    await t.enter();
    const v = await t.scan('feeder');
    expect(v.materials[0]!.pages.map((p) => p.quality)).toEqual(['ok', 'blank']);
    expect(v.problem).toMatchObject({ messageKey: 'materials.page.blank', params: { page: 2 } });
  });

  it.each([
    ['jam', 'materials.scanError.jam'],
    ['feederEmpty', 'materials.scanError.feederEmpty'],
    ['coverOpen', 'materials.scanError.coverOpen'],
  ] as const)('the emulator’s %s is said as %s', async (fault, key) => {
    emu.setFault(fault as ScannerFault, true);
    const t = stepOn(scanner);
    await t.enter();
    const v = await t.scan('feeder');
    expect(v.problem).toEqual({ materialId: 'termination', messageKey: key });
    expect(v.materials[0]!.pages).toEqual([]);
  });
});

describe("materials on the SANE driver and scanimage's test backend", () => {
  let sane: ReturnType<typeof privateSaneConfig>;
  beforeAll(() => {
    sane = privateSaneConfig(['test']);
  });
  afterAll(() => sane.close());
  const make = async (extraArgs: string[]) => {
    const s = new SaneScanner({ id: 'sane', device: sane.device, saneConfigDir: sane.dir, extraArgs, busyRetries: 1, retryBaseMs: 10 });
    await s.start();
    return s;
  };

  it("the backend's black default picture is flagged too dark; its grid is a clean page", async () => {
    const black = await make([]);
    const t = stepOn(black);
    await t.enter();
    expect((await t.scan('platen')).materials[0]!.pages.map((p) => p.quality)).toEqual(['tooDark']);
    await black.stop();
    const grid = await make(['--test-picture', 'Grid']);
    const g = stepOn(grid);
    await g.enter();
    expect((await g.scan('platen')).materials[0]!.pages.map((p) => p.quality)).toEqual(['ok']);
    await grid.stop();
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'materials.scanError.jam'],
    ['SANE_STATUS_NO_DOCS', 'materials.scanError.feederEmpty'],
    ['SANE_STATUS_COVER_OPEN', 'materials.scanError.coverOpen'],
  ])('scanimage ending with %s is said as %s', async (status, key) => {
    const faulty = await make(['--read-return-value', status]);
    const t = stepOn(faulty);
    await t.enter();
    expect((await t.scan('feeder')).problem).toEqual({ materialId: 'termination', messageKey: key });
    await faulty.stop();
  });
});
