import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ok, err } from '../../../devices/core/result.js';
import { deviceError } from '../../../devices/core/errors.js';
import type { DocumentPrinter, ReceiptDocument, ReceiptPrinter } from '../../../devices/printer/index.js';
import type { DocumentScanner } from '../../../devices/scanner/index.js';
import type { SubmissionOutcome } from '../../../main/core/apply/apply-types.js';
import {
  APPLY_COMMITMENT,
  APPLY_EDITING,
  APPLY_FORM,
  APPLY_LICENCES,
  APPLY_MATERIALS,
  APPLY_OUTCOME,
  APPLY_REJECTED,
  APPLY_VALUES,
} from '../../../main/core/flows/steps/apply-data.js';
import { applyCommitmentStep } from '../../../main/core/flows/steps/apply-commitment.js';
import { applyGuideStep } from '../../../main/core/flows/steps/apply-guide.js';
import { applyMaterialsStep } from '../../../main/core/flows/steps/apply-materials.js';
import { applyReadinessStep, scannerReady } from '../../../main/core/flows/steps/apply-readiness.js';
import { applyReceiptStep } from '../../../main/core/flows/steps/apply-receipt.js';
import { applySubmitStep } from '../../../main/core/flows/steps/apply-submit.js';
import { CASE } from '../../../main/core/flows/steps/proof-data.js';
import { createLogger } from '../../../main/core/log/logger.js';
import { pdfText } from '../../support/pdf-text.js';
import { applyCtx, elderCardForm, fakeApplyPort, holder, hukouLicence, viewOf } from '../../support/apply-fakes.js';

const log = createLogger({ level: 'silent' });
const applicant = () => ({ name: holder.name, idNumber: holder.idNumber });

/** A pad-sized PNG: transparent, with the given SVG drawn in dark ink. */
const pad = (ink: string) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240">${ink}</svg>`))
    .png()
    .toBuffer()
    .then((b) => b.toString('base64'));
const signature = '<path d="M60 160 C 120 40, 180 200, 240 90 S 360 190, 420 70 L 520 150" stroke="#111" stroke-width="5" fill="none"/>';

describe('一次告知 and readiness', () => {
  it('the guide marks materials the resident holds as e-licences and asks for the scanner only when paper remains', async () => {
    const form = elderCardForm();
    const { ctx, data } = applyCtx();
    const fake = fakeApplyPort(form);
    const step = applyGuideStep({
      apply: () => fake.port,
      applicant,
      notice: () => ({ conditions: ['年满60周岁的本市户籍老人'], timeLimit: { instant: false, legalDays: 20, promisedDays: 5 } }),
    });
    const view = viewOf(await step.enter(ctx), 'applyGuide');
    expect(view.materials).toEqual([
      { id: 'hukou', name: '居民户口簿', required: true, deferrable: false, licence: { name: '居民户口簿', issuer: '上海市公安局' } },
      { id: 'photo', name: '一寸照片', required: true, deferrable: true, licence: null },
    ]);
    expect(view.needs).toEqual(['scanner', 'printer']);
    expect(view.conditions).toEqual(['年满60周岁的本市户籍老人']);
    expect(data.get(APPLY_LICENCES)).toEqual([hukouLicence]);

    const paperless = { ...form, materials: form.materials.filter((m) => m.id === 'hukou') };
    const again = applyCtx();
    const step2 = applyGuideStep({ apply: () => fakeApplyPort(paperless).port, applicant, notice: () => null });
    expect(viewOf(await step2.enter(again.ctx), 'applyGuide').needs).toEqual(['printer']);
  });

  it('without the platform side the guide says applying is unavailable here', async () => {
    const out = await applyGuideStep({ apply: () => null, applicant, notice: () => null }).enter(applyCtx().ctx);
    expect(out).toEqual({ kind: 'fail', failure: { messageKey: 'apply.error.unavailable', actions: ['home'] } });
  });

  it('scanner down: stop before any work when a required paper can neither wait nor be photographed; else a notice', async () => {
    const printer = { readiness: async () => ok(undefined) } as unknown as DocumentPrinter;
    const down = {
      snapshot: async () => err(deviceError('disconnected', 'offline', 'scanner.error.offline')),
    } as unknown as DocumentScanner;
    let camera = false;
    const step = applyReadinessStep({ printer: () => printer, scanner: (signal) => scannerReady(down, signal), camera: () => camera });
    const { ctx, data } = applyCtx();
    const form = elderCardForm();
    data.set(APPLY_FORM, { ...form, materials: form.materials.map((m) => ({ ...m, deferrable: false })) });
    data.set(APPLY_LICENCES, [hukouLicence]);
    expect(await step.enter(ctx)).toEqual({
      kind: 'fail',
      failure: { messageKey: 'apply.readiness.scannerNeeded', params: { reasonKey: 'scanner.error.offline' }, actions: ['retry', 'home'] },
    });
    camera = true; // the photo can be taken with the document camera instead (the sources allow it)
    const photoNow = {
      ...form,
      materials: form.materials.map((m) => ({ ...m, deferrable: false, sources: ['camera' as const, 'platen' as const] })),
    };
    data.set(APPLY_FORM, photoNow);
    expect(viewOf(await step.enter(ctx), 'applyReadiness').notices).toEqual([
      { messageKey: 'apply.readiness.scannerUseCamera', reasonKey: 'scanner.error.offline' },
    ]);
    camera = false;
    data.set(APPLY_FORM, form); // the photo may be brought later
    expect(viewOf(await step.enter(ctx), 'applyReadiness').notices).toEqual([
      { messageKey: 'apply.readiness.scannerBringLater', reasonKey: 'scanner.error.offline' },
    ]);
    data.set(APPLY_FORM, { ...form, materials: [form.materials[0]!] }); // everything by e-licence: the scanner is not asked
    expect(await step.enter(ctx)).toEqual({ kind: 'next', branch: undefined });
  });

  it('printer not ready: the resident is told the case number will be on screen, and goes on', async () => {
    const printer = {
      readiness: async () => err(deviceError('noMedia', 'media-empty', 'printer.error.paperOut')),
    } as unknown as DocumentPrinter;
    const step = applyReadinessStep({ printer: () => printer, scanner: null, camera: () => false });
    const { ctx, data } = applyCtx();
    const form = elderCardForm();
    data.set(APPLY_FORM, { ...form, materials: [form.materials[0]!] });
    data.set(APPLY_LICENCES, [hukouLicence]);
    expect(viewOf(await step.enter(ctx), 'applyReadiness').notices).toEqual([
      { messageKey: 'apply.readiness.noReceipt', reasonKey: 'printer.error.paperOut' },
    ]);
    expect(await step.onAnswer!(ctx, { continue: true })).toEqual({ kind: 'next', branch: undefined });
  });
});

describe('告知承诺: signed with a finger', () => {
  const setup = () => {
    const { ctx, data } = applyCtx();
    data.set(APPLY_FORM, elderCardForm());
    return { ctx, data, step: applyCommitmentStep({ now: () => new Date('2026-11-30T02:00:00Z') }) };
  };

  it('an empty pad and a dot are refused with a message; a signature is kept with the text version and time', async () => {
    const { ctx, data, step } = setup();
    expect(viewOf(await step.enter(ctx), 'applyCommitment')).toMatchObject({ version: 'c-3', messageKey: null });
    expect(viewOf(await step.onAnswer!(ctx, { signaturePng: await pad('') }), 'applyCommitment').messageKey).toBe('apply.commitment.empty');
    const dot = await pad('<circle cx="300" cy="120" r="6" fill="#111"/>');
    expect(viewOf(await step.onAnswer!(ctx, { signaturePng: dot }), 'applyCommitment').messageKey).toBe('apply.commitment.tooSmall');
    expect(data.get(APPLY_COMMITMENT)).toBeUndefined();
    expect(await step.onAnswer!(ctx, { signaturePng: await pad(signature) })).toEqual({ kind: 'next', branch: undefined });
    const signed = data.get(APPLY_COMMITMENT)!;
    expect(signed).toMatchObject({ version: 'c-3', signedAt: '2026-11-30T02:00:00.000Z' });
    expect(Buffer.from(signed.signaturePng.subarray(1, 4)).toString()).toBe('PNG');
  });

  it('something that is not a picture is refused, and the answer schema caps the size', async () => {
    const { ctx, step } = setup();
    await step.enter(ctx);
    expect(viewOf(await step.onAnswer!(ctx, { signaturePng: 'AAAA' }), 'applyCommitment').messageKey).toBe('apply.commitment.notImage');
    expect(step.answer!.safeParse({ signaturePng: 'A'.repeat(300_000) }).success).toBe(false);
  });
});

describe('submission and its outcomes', () => {
  function setup(outcome: SubmissionOutcome) {
    const form = elderCardForm();
    const { ctx, data, views } = applyCtx();
    data.set(APPLY_FORM, form);
    data.set(APPLY_VALUES, { name: holder.name, idNumber: holder.idNumber, sex: '2', phone: '13912345678' });
    data.set(APPLY_MATERIALS, [{ materialId: 'photo', kind: 'deferred' }]);
    data.set(APPLY_COMMITMENT, { version: 'c-3', signedAt: '2026-11-30T02:00:00Z', signaturePng: new Uint8Array([137, 80, 78, 71]) });
    const fake = fakeApplyPort(form);
    fake.reply(async (_d, onProgress) => {
      onProgress?.({ phase: 'uploading', bytesDone: 50, bytesTotal: 100 });
      return outcome;
    });
    const audit: { type: string; detail: Record<string, unknown> }[] = [];
    let held = 0;
    const step = applySubmitStep({
      apply: () => fake.port,
      applicant,
      holdSession: () => {
        held++;
        return () => held--;
      },
      audit: { append: (type, detail = {}) => audit.push({ type, detail }) },
      log,
    });
    return { ctx, data, views, fake, audit, step, held: () => held };
  }
  const accepted: SubmissionOutcome = {
    kind: 'accepted',
    localReference: 'L-0007',
    case: {
      caseNumber: 'SH-2026-000123',
      queryCode: '4821',
      status: 'accepted',
      promisedDate: '2026-12-07',
      delivery: ['post'],
      queryUrl: 'https://zwfw.example.gov.cn/case/SH-2026-000123',
    },
  };

  it('accepted: the draft carries form, materials and signature; progress is shown; the case becomes the run’s case', async () => {
    const s = setup(accepted);
    expect(await s.step.enter(s.ctx)).toEqual({ kind: 'next', branch: undefined });
    expect(s.fake.calls.submitted[0]).toMatchObject({
      matterId: 'sh-kiosk-113',
      formVersion: '2026.1',
      applicant: { name: '王秀英', idNumber: '310106195003120040' },
      values: { phone: '13912345678' },
      materials: [{ materialId: 'photo', kind: 'deferred' }],
      commitment: { version: 'c-3' },
    });
    expect(s.views).toEqual([
      { step: 'applySubmitting', phase: 'saving', bytesDone: 0, bytesTotal: 0 },
      { step: 'applySubmitting', phase: 'uploading', bytesDone: 50, bytesTotal: 100 },
    ]);
    expect(s.data.get(CASE)).toMatchObject({ caseId: 'SH-2026-000123', verificationCode: '4821' });
    expect(s.held()).toBe(0);
    expect(s.audit).toEqual([
      {
        type: 'apply.submitted',
        detail: { matterId: 'sh-kiosk-113', outcome: 'accepted', localReference: 'L-0007', caseNumber: 'SH-2026-000123' },
      },
    ]);
    // a retry or a way back never submits the same application again
    expect(await s.step.enter(s.ctx)).toEqual({ kind: 'next', branch: undefined });
    expect(s.fake.calls.submitted).toHaveLength(1);
  });

  it('queued: on to the receipt with the local reference and no case (nothing to rate)', async () => {
    const s = setup({ kind: 'queued', localReference: 'L-0008' });
    expect(await s.step.enter(s.ctx)).toEqual({ kind: 'next', branch: undefined });
    expect(s.data.get(APPLY_OUTCOME)).toEqual({ kind: 'queued', localReference: 'L-0008' });
    expect(s.data.get(CASE)).toBeUndefined();
  });

  it('field refused: back to the form at that field with the platform’s words, returning to the review', async () => {
    const s = setup({ kind: 'fieldRejected', field: 'phone', message: '该手机号码未实名登记，请更换。' });
    expect(await s.step.enter(s.ctx)).toEqual({ kind: 'next', branch: 'form' });
    expect(s.data.get(APPLY_REJECTED)).toEqual({ field: 'phone', message: '该手机号码未实名登记，请更换。' });
    expect(s.data.get(APPLY_EDITING)).toBe(true);
    expect(s.data.get(APPLY_OUTCOME)).toBeUndefined();
  });

  it('a material the platform returned: to the materials step at that material, with the platform’s words', async () => {
    const s = setup({ kind: 'fieldRejected', field: 'materials.photo', message: '照片背景须为白色。' });
    expect(await s.step.enter(s.ctx)).toEqual({ kind: 'next', branch: 'materials' });
    expect(s.data.get(APPLY_EDITING)).toBe(true);

    const materials = applyMaterialsStep({
      scanner: () => null,
      camera: () => null,
      apply: () => s.fake.port,
      applicant,
      audit: { append: () => undefined },
      log,
      now: () => new Date('2026-11-30T02:00:00Z'),
    });
    const view = viewOf(await materials.enter(s.ctx), 'materials');
    const photo = elderCardForm().materials.findIndex((m) => m.id === 'photo');
    expect(view.problem).toEqual({
      materialId: 'photo',
      messageKey: 'materials.problem.platform',
      params: { message: '照片背景须为白色。' },
    });
    expect(view.current).toBe(photo);
    expect(s.data.get(APPLY_REJECTED)).toBeUndefined();
  });

  it('the signature returned: signed again (the old one zeroed) with the platform’s words, straight on to submitting', async () => {
    const s = setup({ kind: 'fieldRejected', field: 'commitment', message: '签名无法辨认。' });
    const old = s.data.get(APPLY_COMMITMENT)!.signaturePng;
    expect(await s.step.enter(s.ctx)).toEqual({ kind: 'next', branch: 'commitment' });
    expect(s.data.get(APPLY_EDITING)).toBeUndefined();
    const view = viewOf(await applyCommitmentStep({ now: () => new Date() }).enter(s.ctx), 'applyCommitment');
    expect(view).toMatchObject({ messageKey: 'apply.commitment.rejected', params: { message: '签名无法辨认。' } });
    expect(s.data.get(APPLY_COMMITMENT)).toBeUndefined();
    expect([...old].every((b) => b === 0)).toBe(true);
  });

  it('a field the terminal never asked for: the platform’s words and the way home, not a loop', async () => {
    const s = setup({ kind: 'fieldRejected', field: 'unknownField', message: '申请信息有误。' });
    expect(await s.step.enter(s.ctx)).toEqual({
      kind: 'fail',
      failure: { messageKey: 'apply.submit.refused', params: { message: '申请信息有误。' }, actions: ['home'] },
    });
    expect(s.data.get(APPLY_REJECTED)).toBeUndefined();
  });

  it('refused: what the platform said, with the guide by QR and the way home', async () => {
    const s = setup({ kind: 'refused', message: '您已办理过敬老卡。' });
    expect(await s.step.enter(s.ctx)).toEqual({
      kind: 'fail',
      failure: {
        messageKey: 'apply.submit.refusedQr',
        params: { message: '您已办理过敬老卡。' },
        qrUrl: 'https://zwfw.example.gov.cn/guide/113',
        actions: ['home'],
      },
    });
  });
});

describe('受理回执 and slip', () => {
  function setup(outcome: SubmissionOutcome, a4Fails = false) {
    const { ctx, data, views } = applyCtx();
    data.set(APPLY_FORM, elderCardForm());
    data.set(APPLY_OUTCOME, outcome);
    data.set(APPLY_MATERIALS, [
      { materialId: 'hukou', kind: 'licence', licenceId: 'LIC-HUKOU', authorisedAt: '2026-11-30T02:00:00Z' },
      { materialId: 'photo', kind: 'deferred' },
    ]);
    const pdfs: Uint8Array[] = [];
    const slips: ReceiptDocument[] = [];
    let failA4 = a4Fails;
    const printer = {
      print: async (pdf: Uint8Array) => {
        pdfs.push(pdf);
        return failA4 ? err(deviceError('noMedia', 'media-empty', 'printer.error.paperOut')) : ok(undefined);
      },
    } as unknown as DocumentPrinter;
    const receiptPrinter = { printReceipt: async (d: ReceiptDocument) => (slips.push(d), ok(undefined)) } as unknown as ReceiptPrinter;
    const step = applyReceiptStep({
      printer: () => printer,
      receiptPrinter: () => receiptPrinter,
      applicant,
      agency: () => '静安区民政局',
      terminal: { id: 'KIOSK-0001', hotline: '12345', timeZone: 'Asia/Shanghai', outlet: '临汾路街道社区事务受理服务中心' },
      audit: { append: () => undefined },
      now: () => new Date('2026-11-30T02:00:00Z'),
    });
    return { ctx, views, step, pdfs, slips, fix: () => (failA4 = false) };
  }
  const slipText = (d: ReceiptDocument) => d.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

  it('accepted: the A4 受理回执 carries case number, 查询码 and masked name; the slip the same with the QR', async () => {
    const s = setup({
      kind: 'accepted',
      localReference: 'L-1',
      case: {
        caseNumber: 'SH-2026-000123',
        queryCode: '4821',
        status: 'accepted',
        promisedDate: '2026-12-07',
        delivery: ['post'],
        queryUrl: 'https://zwfw.example.gov.cn/case/1',
      },
    });
    const view = viewOf(await s.step.enter(s.ctx), 'applyReceipt');
    expect(view).toMatchObject({
      outcome: { kind: 'accepted', caseNumber: 'SH-2026-000123', queryCode: '4821' },
      printed: { a4: true, slip: true },
      canReprint: false,
    });
    const text = pdfText(s.pdfs[0]!).replace(/\s+/g, '');
    for (const x of ['政务服务事项受理回执', 'SH-2026-000123', '查询码：4821', '王**', '静安区民政局', '2026-12-07', '居民户口簿'])
      expect(text).toContain(x);
    expect(text).not.toContain('一寸照片'); // deferred: not among the materials handed in
    expect(text).not.toContain('王秀英');
    expect(slipText(s.slips[0]!)).toMatch(/受理凭条[\s\S]*SH-2026-000123[\s\S]*查询码：4821/);
    expect(s.slips[0]!.blocks.some((b) => b.kind === 'qr')).toBe(true);
  });

  it('queued: both papers say saved, to be submitted when the network is back, with the local reference; never submitted', async () => {
    const s = setup({ kind: 'queued', localReference: 'L-0008' });
    const view = viewOf(await s.step.enter(s.ctx), 'applyReceipt');
    expect(view.outcome).toEqual({ kind: 'queued', localReference: 'L-0008' });
    const text = pdfText(s.pdfs[0]!).replace(/\s+/g, '');
    expect(text).toContain('已保存，网络恢复后自动提交');
    expect(text).toContain('L-0008');
    expect(text).not.toMatch(/已提交|受理回执|办件编号：/);
    const slip = slipText(s.slips[0]!);
    expect(slip).toContain('已保存，网络恢复后自动提交');
    expect(slip).toContain('L-0008');
    expect(slip).not.toMatch(/已提交|已受理/);
  });

  it('a failed A4 print says why and is printed again on request; the slip that printed is not printed twice', async () => {
    const s = setup({ kind: 'queued', localReference: 'L-0009' }, true);
    const first = viewOf(await s.step.enter(s.ctx), 'applyReceipt');
    expect(first.printed).toEqual({ a4: false, slip: true, messageKey: 'printer.error.paperOut' });
    expect(first.canReprint).toBe(true);
    s.fix();
    const again = viewOf(await s.step.onAnswer!(s.ctx, { reprint: true }), 'applyReceipt');
    expect(again.printed).toEqual({ a4: true, slip: true, messageKey: null });
    expect(s.pdfs).toHaveLength(2);
    expect(s.slips).toHaveLength(1);
    expect(await s.step.onAnswer!(s.ctx, { done: true })).toEqual({ kind: 'next', branch: undefined });
  });
});
