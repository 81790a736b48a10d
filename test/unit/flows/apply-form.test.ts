import { describe, expect, it } from 'vitest';
import {
  APPLY_EDITING,
  APPLY_FORM,
  APPLY_LICENCES,
  APPLY_MATERIALS,
  APPLY_REJECTED,
  APPLY_VALUES,
} from '../../../main/core/flows/steps/apply-data.js';
import { applyFormStep } from '../../../main/core/flows/steps/apply-form.js';
import { applyLicencesStep } from '../../../main/core/flows/steps/apply-licences.js';
import { applyReviewStep } from '../../../main/core/flows/steps/apply-review.js';
import { idNumberValid } from '../../../main/core/flows/steps/apply-validate.js';
import type { StepOutcome } from '../../../main/core/flows/types.js';
import { createLogger } from '../../../main/core/log/logger.js';
import { applyCtx, elderCardForm, fakeApplyPort, holder, hukouLicence, viewOf } from '../../support/apply-fakes.js';

function setup() {
  const { ctx, data } = applyCtx();
  const form = elderCardForm();
  data.set(APPLY_FORM, form);
  data.set(APPLY_LICENCES, [hukouLicence]);
  const audit: { type: string; detail: Record<string, unknown> }[] = [];
  const fake = fakeApplyPort(form);
  const formStep = applyFormStep({ cardHolder: () => holder });
  const review = applyReviewStep({ cardHolder: () => holder });
  const licences = applyLicencesStep({
    apply: () => fake.port,
    applicant: () => ({ name: holder.name, idNumber: holder.idNumber }),
    audit: { append: (type, detail = {}) => audit.push({ type, detail }) },
    now: () => new Date('2026-11-30T02:00:00Z'),
  });
  return { ctx, data, formStep, review, licences, audit, fake };
}
const errorsOf = (out: StepOutcome) =>
  Object.fromEntries(
    viewOf(out, 'applyForm')
      .fields.filter((f) => f.error)
      .map((f) => [f.id, f.error]),
  );

describe('apply form: prefilled values are shown, only what is missing is asked', () => {
  it('the card fills the applicant group, which is not asked; the review shows it masked and marked', async () => {
    const { ctx, data, formStep, review } = setup();
    const first = viewOf(await formStep.enter(ctx), 'applyForm');
    expect(first.group).toMatchObject({ id: 'household', index: 1, count: 2 });
    expect(data.get(APPLY_VALUES)).toMatchObject({ name: '王秀英', idNumber: '310106195003120040', sex: '2' });
    const r = viewOf(await review.enter(ctx), 'applyReview');
    const applicant = r.groups.find((g) => g.id === 'applicant')!;
    expect(applicant.editable).toBe(false);
    const byId = Object.fromEntries(applicant.fields.map((f) => [f.id, f]));
    expect(byId.idNumber).toMatchObject({ shown: '3101**********0040', value: null, prefilled: 'card' });
    expect(byId.sex).toMatchObject({ shown: '女', prefilled: 'card' });
    expect(JSON.stringify(r)).not.toContain('310106195003120040');
  });

  it('an e-licence ticked on screen fills its field (recorded in the audit log without the number); untick empties it again', async () => {
    const { ctx, data, formStep, licences, audit, fake } = setup();
    const offer = viewOf(await licences.enter(ctx), 'applyLicences');
    expect(offer.licences).toEqual([
      expect.objectContaining({ id: 'LIC-HUKOU', replaces: ['居民户口簿'], fills: ['户籍地址'], authorised: false }),
    ]);
    expect(await licences.onAnswer!(ctx, { use: ['LIC-HUKOU'] })).toEqual({ kind: 'next', branch: undefined });
    expect(fake.calls.licenceValues).toEqual(['LIC-HUKOU']);
    expect(audit).toEqual([
      { type: 'apply.licenceAuthorised', detail: { matterId: 'sh-kiosk-113', licenceType: 'hukou', licenceId: 'LIC-HUKOU' } },
    ]);
    const household = viewOf(await formStep.enter(ctx), 'applyForm');
    expect(household.fields.find((f) => f.id === 'hukouAddress')).toMatchObject({
      prefilled: 'licence',
      shown: '上海市静安区汾西路261弄8号',
    });
    expect(household.fields.find((f) => f.id === 'region')).toMatchObject({ prefilled: null, value: null });

    await licences.onAnswer!(ctx, { use: [] });
    expect(audit.at(-1)?.type).toBe('apply.licenceWithdrawn');
    const again = viewOf(await formStep.enter(ctx), 'applyForm');
    expect(again.fields.find((f) => f.id === 'hukouAddress')).toMatchObject({ prefilled: null, value: null });
    expect(data.get(APPLY_VALUES)?.hukouAddress).toBeUndefined();
  });
});

describe('apply form: checks as the resident goes, in plain words', () => {
  it('each field on its own: required, region down to the district, phone, date', async () => {
    const { ctx, formStep } = setup();
    await formStep.enter(ctx);
    const missing = await formStep.onAnswer!(ctx, { values: { hukouAddress: '', region: '310000' } });
    expect(errorsOf(missing)).toEqual({
      hukouAddress: { key: 'apply.validation.required', params: { label: '户籍地址' } },
      region: { key: 'apply.validation.region' },
    });
    const contact = viewOf(
      await formStep.onAnswer!(ctx, { values: { hukouAddress: '上海市静安区汾西路261弄8号', region: '310106' } }),
      'applyForm',
    );
    expect(contact.group).toMatchObject({ id: 'contact', index: 2, count: 2 });
    expect(contact.canPrevious).toBe(true);
    const bad = await formStep.onAnswer!(ctx, { values: { phone: '1391234', from: '2026-02-30' } });
    expect(errorsOf(bad)).toEqual({ phone: { key: 'apply.validation.phone' }, from: { key: 'apply.validation.date' } });
  });

  it('rules across fields: required when another is ticked, must differ, not before', async () => {
    const { ctx, data, formStep } = setup();
    data.set(APPLY_VALUES, { hukouAddress: '上海市静安区', region: '310106' });
    await formStep.enter(ctx);
    await formStep.onAnswer!(ctx, { values: { hukouAddress: '上海市静安区', region: '310106' } });
    const broken = await formStep.onAnswer!(ctx, {
      values: { phone: '13912345678', proxy: true, proxyName: '', proxyPhone: '139 1234 5678', from: '2026-12-01', until: '2026-11-30' },
    });
    expect(errorsOf(broken)).toEqual({
      proxyName: { text: '由他人代领时，请填写代领人姓名。' },
      proxyPhone: { text: '代领人电话不能和申请人电话相同。' },
      until: { text: '结束日期不能早于开始日期。' },
    });
    expect(viewOf(broken, 'applyForm').fields.find((f) => f.id === 'proxyName')?.required).toBe(true);
    const done = await formStep.onAnswer!(ctx, {
      values: { phone: '13912345678', proxy: true, proxyName: '李四', proxyPhone: '13800001111', from: '2026-12-01', until: '2026-12-31' },
    });
    expect(done).toEqual({ kind: 'next', branch: undefined });
    expect(data.get(APPLY_VALUES)).toMatchObject({ phone: '13912345678', proxy: true, proxyName: '李四', until: '2026-12-31' });
  });

  it('a rule "required when another is filled in" (equals: true) holds for any text there', async () => {
    const { ctx, formStep } = setup();
    await formStep.enter(ctx);
    await formStep.onAnswer!(ctx, { values: { hukouAddress: '上海市静安区', region: '310106' } });
    const out = await formStep.onAnswer!(ctx, { values: { phone: '13912345678', proxyName: '李四', proxyPhone: '' } });
    expect(errorsOf(out)).toEqual({ proxyPhone: { text: '填了代领人，请留下他的电话。' } });
  });

  it('"previous part" goes back a group with what was typed kept', async () => {
    const { ctx, formStep } = setup();
    await formStep.enter(ctx);
    await formStep.onAnswer!(ctx, { values: { hukouAddress: '上海市静安区', region: '310106' } });
    const back = viewOf(await formStep.onAnswer!(ctx, { previous: true }), 'applyForm');
    expect(back.group.id).toBe('household');
    expect(back.fields.find((f) => f.id === 'region')).toMatchObject({ value: '310106', shown: '上海市 静安区' });
  });

  it('ID numbers are checked with their check character', () => {
    expect(idNumberValid('310106195003120040')).toBe(true);
    expect(idNumberValid('310106195003120048')).toBe(false);
    expect(idNumberValid('11010519491231002X')).toBe(true);
  });
});

describe('apply review: everything on one screen, 修改 goes there and back', () => {
  async function filled() {
    const s = setup();
    await s.formStep.enter(s.ctx);
    await s.formStep.onAnswer!(s.ctx, { values: { hukouAddress: '上海市静安区', region: '310106' } });
    await s.formStep.onAnswer!(s.ctx, { values: { phone: '13912345678' } });
    s.data.set(APPLY_MATERIALS, [
      { materialId: 'hukou', kind: 'licence', licenceId: 'LIC-HUKOU', authorisedAt: '2026-11-30T02:00:00Z' },
      { materialId: 'photo', kind: 'deferred' },
    ]);
    return s;
  }

  it('修改 on a group opens that group and its "done" comes back to the review', async () => {
    const { ctx, data, formStep, review } = await filled();
    const r = viewOf(await review.enter(ctx), 'applyReview');
    expect(r.materials.map((m) => m.how)).toEqual(['licence', 'deferred']);
    expect(await review.onAnswer!(ctx, { edit: 'form', group: 'contact' })).toEqual({ kind: 'next', branch: 'form' });
    const edit = viewOf(await formStep.enter(ctx), 'applyForm');
    expect(edit).toMatchObject({ group: { id: 'contact' }, editing: true, canPrevious: false });
    expect(edit.fields.find((f) => f.id === 'phone')?.value).toBe('13912345678');
    expect(await formStep.onAnswer!(ctx, { values: { phone: '13800002222' } })).toEqual({ kind: 'next', branch: 'review' });
    expect(data.get(APPLY_EDITING)).toBeUndefined();
    expect(viewOf(await review.enter(ctx), 'applyReview').groups[2]!.fields.find((f) => f.id === 'phone')?.shown).toBe('13800002222');
  });

  it('修改 on the licences or the materials goes to that step', async () => {
    const { ctx, review } = await filled();
    await review.enter(ctx);
    expect(await review.onAnswer!(ctx, { edit: 'materials' })).toEqual({ kind: 'next', branch: 'materials' });
    expect(await review.onAnswer!(ctx, { edit: 'licences' })).toEqual({ kind: 'next', branch: 'licences' });
  });

  it('confirm: a required material missing keeps the resident here; all there goes on', async () => {
    const { ctx, data, review } = await filled();
    data.set(APPLY_MATERIALS, [{ materialId: 'photo', kind: 'deferred' }]);
    await review.enter(ctx);
    expect(viewOf(await review.onAnswer!(ctx, { confirm: true }), 'applyReview').messageKey).toBe('apply.review.materialMissing');
    data.set(APPLY_MATERIALS, [
      { materialId: 'hukou', kind: 'licence', licenceId: 'LIC-HUKOU', authorisedAt: '2026-11-30T02:00:00Z' },
      { materialId: 'photo', kind: 'deferred' },
    ]);
    expect(await review.onAnswer!(ctx, { confirm: true })).toEqual({ kind: 'next', branch: undefined });
  });

  it('a field the platform refused opens its group with the platform’s words, then returns to the review', async () => {
    const { ctx, data, formStep } = await filled();
    data.set(APPLY_REJECTED, { field: 'phone', message: '该手机号码未实名登记，请更换。' });
    data.set(APPLY_EDITING, true);
    const view = viewOf(await formStep.enter(ctx), 'applyForm');
    expect(view.group.id).toBe('contact');
    expect(view.fields.find((f) => f.id === 'phone')?.error).toEqual({ text: '该手机号码未实名登记，请更换。' });
    expect(await formStep.onAnswer!(ctx, { values: { phone: '13800003333' } })).toEqual({ kind: 'next', branch: 'review' });
  });
});

describe('the apply flow definition', () => {
  it('registers on the shipped handlers, and each 修改 branch leads to a step that comes back to the review', async () => {
    const { builtInStepHandlers, buildFlowRegistry } = await import('../../../main/core/flows/build.js');
    const handlers = builtInStepHandlers({
      printer: () => null,
      receiptPrinter: () => null,
      identity: {
        identified: () => null,
        whenIdentified: () => new Promise(() => undefined),
        applicant: () => null,
        cardReader: () => true,
      },
      log: createLogger({ level: 'silent' }),
    } as unknown as Parameters<typeof builtInStepHandlers>[0]);
    const flow = buildFlowRegistry(handlers).get('apply')!;
    expect(flow.steps.map((s) => s.id)).toEqual([
      'identify',
      'guide',
      'readiness',
      'licences',
      'form',
      'materials',
      'review',
      'commitment',
      'submit',
      'receipt',
      'evaluate',
      'done',
    ]);
    const review = flow.steps.find((s) => s.id === 'review')!;
    for (const target of Object.values(review.branches!)) expect(flow.steps.find((s) => s.id === target)?.branches?.review).toBe('review');
  });
});
