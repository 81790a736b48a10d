import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { deviceError, type DeviceError } from '../../../devices/core/errors.js';
import { err, ok, type Result } from '../../../devices/core/result.js';
import type { DocumentScanner, ScannedPage, ScanOptions } from '../../../devices/scanner/document-scanner.js';
import type { ApplyPort, ELicence, FormMaterial, MatterForm } from '../../../main/core/apply/apply-types.js';
import { APPLY_AUTHORISED, APPLY_FORM, APPLY_LICENCES, APPLY_MATERIALS } from '../../../main/core/flows/steps/apply-data.js';
import { applyMaterialsStep, pagePreview, type MaterialsAnswer } from '../../../main/core/flows/steps/apply-materials.js';
import { MATERIALS_WORK } from '../../../main/core/flows/steps/apply-materials-work.js';
import { RunData, type StepContext, type StepOutcome } from '../../../main/core/flows/types.js';
import type { StepView } from '../../../main/core/flows/views.js';
import { createLogger } from '../../../main/core/log/logger.js';
import { zhCN as zh } from '../../../renderer/src/i18n/zh-CN.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { ug } from '../../../renderer/src/i18n/ug.js';
import { blackPage, blankPage, textPage } from '../../support/scan-pages.js';

const material = (m: Partial<FormMaterial> & { id: string }): FormMaterial => ({
  name: m.id,
  required: true,
  deferrable: false,
  licenceTypes: [],
  pagesHint: 1,
  sources: ['platen', 'feeder', 'camera'],
  ...m,
});
const form: MatterForm = {
  matterId: 'sh-kiosk-113',
  version: '1',
  groups: [],
  rules: [],
  commitment: null,
  materials: [
    material({ id: 'hukou', name: '户口簿', licenceTypes: ['hukou'] }),
    material({ id: 'form', name: '申请表', pagesHint: 2 }),
    material({ id: 'photo', name: '照片', deferrable: true, sources: ['platen'] }),
  ],
};
const licence: ELicence = {
  id: 'L1',
  type: 'hukou',
  name: '居民户口簿',
  maskedNumber: '3101**********0048',
  issuer: '上海市公安局',
  validFrom: '2020-01-01',
  validUntil: null,
  fields: [],
};

/** A scanner whose next job the test decides: pages (delivered one by one) or a typed error. */
function fakeScanner() {
  let next: () => Promise<Result<ScannedPage[], DeviceError>> = async () => ok([]);
  const jobs: string[] = [];
  const scanner: DocumentScanner = {
    id: 'scanner',
    kind: 'scanner',
    capabilities: {},
    start: async () => undefined,
    stop: async () => undefined,
    status: () => ({ id: 'scanner', kind: 'scanner', state: 'online', since: '', messageKey: null }) as never,
    onStatus: () => () => undefined,
    selfTest: async () => ({ ok: true }) as never,
    scannerCapabilities: async () =>
      ok({
        sources: ['platen', 'feeder'],
        colorModes: ['color', 'gray'],
        resolutions: [150, 300, 600],
        formats: ['image/jpeg', 'image/png'],
        maxWidthMm: 216,
        maxHeightMm: 356,
      }),
    snapshot: async () => ok({ state: 'idle', adf: 'loaded', reasons: [] }),
    scan: async (settings, options?: ScanOptions) => {
      jobs.push(`${settings.source}@${settings.resolution}/${settings.mode}/${settings.format}`);
      const r = await next();
      if (r.ok) r.value.forEach((_, i) => options?.onPage?.(i + 1));
      return r;
    },
  };
  return {
    scanner,
    jobs,
    pages: (...images: Uint8Array[]) => (next = async () => ok(images.map((bytes) => ({ mime: 'image/jpeg' as const, bytes })))),
    fail: (e: DeviceError) => (next = async () => err(e)),
  };
}

function setup(opts: { camera?: boolean } = {}) {
  const data = new RunData();
  data.set(APPLY_FORM, form);
  data.set(APPLY_LICENCES, [licence]);
  const scan = fakeScanner();
  const audit: { type: string; detail: Record<string, unknown> }[] = [];
  const port = { licenceValues: vi.fn(async () => ({ address: '上海市黄浦区' })) } as unknown as ApplyPort;
  const step = applyMaterialsStep({
    scanner: () => scan.scanner,
    camera: () => (opts.camera ? { label: 'Document Camera' } : null),
    apply: () => port,
    applicant: () => ({ idNumber: '310101195001010048' }),
    audit: { append: (type, detail = {}) => void audit.push({ type, detail }) },
    log: createLogger({ level: 'silent' }),
    now: () => new Date('2026-11-30T02:00:00Z'),
  });
  const updates: StepView[] = [];
  const ctx: StepContext = {
    flow: { id: 'apply', steps: [], devices: [], eligibility: { identity: 'card', cardTypes: ['resident'] } },
    matter: { id: 'sh-kiosk-113', name: '敬老卡申领', guideUrl: null },
    data,
    signal: new AbortController().signal,
    update: (v) => void updates.push(v),
  };
  const view = (o: StepOutcome) => {
    if (o.kind !== 'wait' || o.view.step !== 'materials') throw new Error(`expected the materials view, got ${JSON.stringify(o)}`);
    return o.view;
  };
  const answer = async (a: MaterialsAnswer) => step.onAnswer!(ctx, step.answer!.parse(a));
  return { step, ctx, data, scan, audit, port, updates, view, answer, enter: () => step.enter(ctx) };
}

describe('materials: e-licence', () => {
  it('uses the licence once authorised: the platform releases it, the audit says which material, no ID number anywhere', async () => {
    const t = setup();
    const first = t.view(await t.enter());
    expect(first.materials[0]).toMatchObject({ id: 'hukou', choice: 'none', licences: [{ id: 'L1', maskedNumber: '3101**********0048' }] });
    const v = t.view(await t.answer({ action: 'useLicence', materialId: 'hukou', licenceId: 'L1' }));
    expect(v.materials[0]).toMatchObject({ choice: 'licence', licenceId: 'L1' });
    expect(t.port.licenceValues).toHaveBeenCalledWith('L1', { idNumber: '310101195001010048' }, expect.any(AbortSignal));
    expect(t.data.get(APPLY_AUTHORISED)).toEqual([{ licenceId: 'L1', authorisedAt: '2026-11-30T02:00:00.000Z' }]);
    expect(t.audit).toEqual([
      { type: 'apply.licenceAuthorised', detail: { matterId: 'sh-kiosk-113', licenceType: 'hukou', licenceId: 'L1', materialId: 'hukou' } },
    ]);
    expect(JSON.stringify(v)).not.toContain('310101195001010048');
  });

  it('a licence already authorised on the form is used without asking the platform again', async () => {
    const t = setup();
    t.data.set(APPLY_AUTHORISED, [{ licenceId: 'L1', authorisedAt: '2026-11-30T01:59:00.000Z' }]);
    await t.enter();
    const v = t.view(await t.answer({ action: 'useLicence', materialId: 'hukou', licenceId: 'L1' }));
    expect(v.materials[0]!.choice).toBe('licence');
    expect(t.port.licenceValues).not.toHaveBeenCalled();
    expect(t.audit).toEqual([]);
  });

  it('a licence ticked on the licences screen already stands for its material; withdrawn later, it no longer does', async () => {
    const t = setup();
    t.data.set(APPLY_AUTHORISED, [{ licenceId: 'L1', authorisedAt: '2026-11-30T01:59:00.000Z' }]);
    expect(t.view(await t.enter()).materials[0]).toMatchObject({ choice: 'licence', licenceId: 'L1' });
    t.data.set(APPLY_AUTHORISED, []);
    expect(t.view(await t.enter()).materials[0]).toMatchObject({ choice: 'none', licenceId: null });
  });

  it('refuses a licence that cannot stand for the material', async () => {
    const t = setup();
    await t.enter();
    const v = t.view(await t.answer({ action: 'useLicence', materialId: 'form', licenceId: 'L1' }));
    expect(v.materials[1]!.choice).toBe('none');
    expect(v.problem).toEqual({ materialId: 'form', messageKey: 'materials.licence.unavailable' });
  });
});

describe('materials: scanning', () => {
  it('scans two pages from the feeder with progress, and they become one two-page PDF', async () => {
    const t = setup();
    await t.enter();
    t.scan.pages(await textPage(), await textPage('png'));
    const v = t.view(await t.answer({ action: 'scan', materialId: 'form', source: 'feeder' }));
    expect(t.scan.jobs).toEqual(['feeder@300/gray/image/jpeg']);
    const progress = t.updates.flatMap((u) => (u.step === 'materials' && u.scanning ? [u.scanning.pages] : []));
    expect(progress).toEqual([0, 1, 2]);
    expect(v.materials[1]).toMatchObject({ choice: 'scan', pages: [{ quality: 'ok' }, { quality: 'ok' }] });
    expect(v.problem).toBeNull();

    await t.answer({ action: 'useLicence', materialId: 'hukou', licenceId: 'L1' });
    t.view(await t.answer({ action: 'defer', materialId: 'photo' }));
    const out = await t.answer({ action: 'done' });
    expect(out).toEqual({ kind: 'next', branch: undefined });
    const choices = t.data.require(APPLY_MATERIALS);
    expect(choices.map((c) => [c.materialId, c.kind])).toEqual([
      ['hukou', 'licence'],
      ['form', 'scan'],
      ['photo', 'deferred'],
    ]);
    const scanned = choices[1]!;
    if (scanned.kind !== 'scan') throw new Error('not a scan');
    expect(scanned.pages).toBe(2);
    expect((await PDFDocument.load(scanned.pdf)).getPageCount()).toBe(2);
  });

  it('flags a blank page and a black one, keeps the resident here until they are scanned again', async () => {
    const t = setup();
    await t.enter();
    t.scan.pages(await textPage(), await blankPage(), await blackPage());
    const v = t.view(await t.answer({ action: 'scan', materialId: 'form', source: 'feeder' }));
    expect(v.materials[1]!.pages.map((p) => p.quality)).toEqual(['ok', 'blank', 'tooDark']);
    expect(v.problem).toEqual({ materialId: 'form', messageKey: 'materials.page.blank', params: { page: 2 } });
    expect(v.ready).toBe(false);

    await t.answer({ action: 'useLicence', materialId: 'hukou', licenceId: 'L1' });
    await t.answer({ action: 'defer', materialId: 'photo' });
    const refused = t.view(await t.answer({ action: 'done' }));
    expect(refused).toMatchObject({ current: 1, problem: { materialId: 'form', messageKey: 'materials.problem.rescanFlagged' } });
    expect(t.data.get(APPLY_MATERIALS)).toBeUndefined();

    // page 2 again from the platen (in its place), page 3 deleted
    const [, blank, black] = refused.materials[1]!.pages;
    t.scan.pages(await textPage());
    const rescanned = t.view(await t.answer({ action: 'scan', materialId: 'form', source: 'platen', replacePageId: blank!.id }));
    expect(rescanned.materials[1]!.pages.map((p) => p.quality)).toEqual(['ok', 'ok', 'tooDark']);
    expect(rescanned.problem).toMatchObject({ messageKey: 'materials.page.tooDark', params: { page: 3 } });
    const deleted = t.view(await t.answer({ action: 'delete', materialId: 'form', pageId: black!.id }));
    expect(deleted.materials[1]!.pages).toHaveLength(2);
    expect(deleted).toMatchObject({ problem: null, ready: true });
  });

  it('turns a page a quarter each time and its preview with it', async () => {
    const t = setup();
    await t.enter();
    t.scan.pages(await textPage());
    const v = t.view(await t.answer({ action: 'scan', materialId: 'form', source: 'platen' }));
    const id = v.materials[1]!.pages[0]!.id;
    const before = pagePreview(t.data.get(MATERIALS_WORK), 'form', id)!.slice();
    const turned = t.view(await t.answer({ action: 'rotate', materialId: 'form', pageId: id }));
    expect(turned.materials[1]!.pages[0]!.rotation).toBe(90);
    const after = pagePreview(t.data.get(MATERIALS_WORK), 'form', id)!;
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
  });

  it.each([
    ['jam', deviceError('mediaJam', 'AdfState ScannerAdfJam', 'scanner.error.jam'), 'feeder', 'materials.scanError.jam'],
    ['feeder empty', deviceError('noMedia', 'ScannerAdfEmpty', 'scanner.error.feederEmpty'), 'feeder', 'materials.scanError.feederEmpty'],
    [
      'cover open',
      deviceError('deviceNotReady', 'ScannerAdfHatchOpen', 'scanner.error.coverOpen'),
      'feeder',
      'materials.scanError.coverOpen',
    ],
    ['offline', deviceError('disconnected', 'ECONNREFUSED', 'scanner.error.offline'), 'platen', 'materials.scanError.failed'],
  ] as const)('a %s becomes a message saying what to do, in every language', async (_, e, source, key) => {
    const t = setup();
    await t.enter();
    t.scan.fail(e);
    const v = t.view(await t.answer({ action: 'scan', materialId: 'form', source }));
    expect(v.problem).toEqual({ materialId: 'form', messageKey: key });
    expect(v.materials[1]!.choice).toBe('none');
    const [, group, name] = key.split('.') as [string, 'scanError', string];
    for (const strings of [zh, en, ug]) expect((strings.materials[group] as Record<string, string>)[name]).toBeTruthy();
  });

  it('a jam message tells the resident to open the feeder and take the paper out', () => {
    expect(zh.materials.scanError.jam).toMatch(/打开.*取出/);
    expect(en.materials.scanError.jam).toMatch(/open .*feeder.*(remove|take)/i);
  });
});

describe('materials: 容缺 and the camera', () => {
  it('"bring it later" only where the matter allows it', async () => {
    const t = setup();
    await t.enter();
    const refused = t.view(await t.answer({ action: 'defer', materialId: 'form' }));
    expect(refused.materials[1]!.choice).toBe('none');
    expect(refused.problem).toEqual({ materialId: 'form', messageKey: 'materials.problem.notDeferrable' });
    const allowed = t.view(await t.answer({ action: 'defer', materialId: 'photo' }));
    expect(allowed.materials[2]!.choice).toBe('deferred');
  });

  it('offers the camera only where the terminal has one, and takes its photo as a page', async () => {
    const without = setup();
    expect(without.view(await without.enter()).materials[1]!.sources).toEqual(['platen', 'feeder']);
    const t = setup({ camera: true });
    const v = t.view(await t.enter());
    expect(v.materials[1]!.sources).toEqual(['platen', 'feeder', 'camera']);
    expect(v.cameraLabel).toBe('Document Camera');
    const jpegBase64 = Buffer.from(await textPage()).toString('base64');
    const shot = t.view(await t.answer({ action: 'photo', materialId: 'form', jpegBase64 }));
    expect(shot.materials[1]!.pages).toMatchObject([{ source: 'camera', quality: 'ok' }]);
    const junk = t.view(await t.answer({ action: 'photo', materialId: 'form', jpegBase64: Buffer.from('not a photo').toString('base64') }));
    expect(junk.problem).toEqual({ materialId: 'form', messageKey: 'materials.camera.failed' });
    expect(junk.materials[1]!.pages).toHaveLength(1);
  });
});

describe('materials: none asked', () => {
  it('a matter that asks for no material goes straight on with an empty list', async () => {
    const t = setup();
    t.data.set(APPLY_FORM, { ...form, materials: [] });
    expect(await t.enter()).toEqual({ kind: 'next', branch: undefined });
    expect(t.data.get(APPLY_MATERIALS)).toEqual([]);
  });
});

describe('materials: nothing kept', () => {
  it('every page, preview and PDF is zeroed when the run is cleared (session end)', async () => {
    const t = setup();
    await t.enter();
    t.scan.pages(await textPage(), await textPage());
    await t.answer({ action: 'scan', materialId: 'form', source: 'feeder' });
    await t.answer({ action: 'useLicence', materialId: 'hukou', licenceId: 'L1' });
    await t.answer({ action: 'defer', materialId: 'photo' });
    await t.answer({ action: 'done' });
    const work = t.data.require(MATERIALS_WORK);
    const entry = work.entries['form']!;
    if (entry.kind !== 'pages') throw new Error('no pages');
    const buffers = [
      ...entry.pages.flatMap((p) => [p.image, p.preview]),
      ...t.data.require(APPLY_MATERIALS).flatMap((c) => (c.kind === 'scan' ? [c.pdf] : [])),
    ];
    expect(buffers).toHaveLength(5);
    expect(buffers.every((b) => b.some((x) => x !== 0))).toBe(true);
    t.data.clear();
    expect(buffers.every((b) => b.every((x) => x === 0))).toBe(true);
  });

  it('a deleted page is zeroed at once', async () => {
    const t = setup();
    await t.enter();
    t.scan.pages(await textPage());
    const v = t.view(await t.answer({ action: 'scan', materialId: 'form', source: 'platen' }));
    const entry = t.data.require(MATERIALS_WORK).entries['form']!;
    if (entry.kind !== 'pages') throw new Error('no pages');
    const image = entry.pages[0]!.image;
    await t.answer({ action: 'delete', materialId: 'form', pageId: v.materials[1]!.pages[0]!.id });
    expect(image.every((x) => x === 0)).toBe(true);
  });
});
