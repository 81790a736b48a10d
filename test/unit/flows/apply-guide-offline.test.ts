import { describe, expect, it } from 'vitest';
import { APPLY_LICENCES } from '../../../main/core/flows/steps/apply-data.js';
import { applyGuideStep } from '../../../main/core/flows/steps/apply-guide.js';
import { applyLicencesStep } from '../../../main/core/flows/steps/apply-licences.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { ug } from '../../../renderer/src/i18n/ug.js';
import { applyCtx, elderCardForm, fakeApplyPort, holder, viewOf } from '../../support/apply-fakes.js';

/**
 * 一次告知 with the platform unreachable: the e-licence library cannot be asked, which is said plainly (paper this
 * time), and the journey goes on with no licences; any other platform error still stops the step as before.
 */

const applicant = () => ({ name: holder.name, idNumber: holder.idNumber });
const notice = () => null;

function guideWith(licencesFail: PlatformError | null) {
  const fake = fakeApplyPort(elderCardForm());
  let asked = 0;
  fake.port.licences = async () => {
    asked++;
    if (licencesFail) throw licencesFail;
    return [];
  };
  return { step: applyGuideStep({ apply: () => fake.port, applicant, notice }), port: fake.port, asked: () => asked };
}

describe('一次告知 when the e-licences cannot be looked up', () => {
  for (const e of [
    new PlatformError('unreachable', 'connect ECONNREFUSED'),
    new PlatformError('timeout', 'no answer in 10 s'),
    new PlatformError('server', 'bad gateway', { status: 502 }),
  ])
    it(`${e.code}${e.detail.status ? ` ${e.detail.status}` : ''}: says so, every material is paper, and the journey goes on`, async () => {
      const { step, port, asked } = guideWith(e);
      const { ctx, data } = applyCtx();
      const view = viewOf(await step.enter(ctx), 'applyGuide');
      expect(view.licencesUnavailable).toBe(true);
      // the 户口簿 that an e-licence could replace is paper this time; the scanner is named
      expect(view.materials.map((m) => [m.id, m.licence])).toEqual([
        ['hukou', null],
        ['photo', null],
      ]);
      expect(view.needs).toEqual(['scanner', 'printer']);
      expect(data.get(APPLY_LICENCES)).toEqual([]);
      expect(await step.onAnswer!(ctx, { start: true })).toEqual({ kind: 'next', branch: undefined });
      // the e-licences screen has nothing to offer and passes on
      const licences = applyLicencesStep({
        apply: () => port,
        applicant,
        audit: { append: () => undefined } as never,
        now: () => new Date(),
      });
      expect(await licences.enter(ctx)).toEqual({ kind: 'next', branch: undefined });
      // coming back to the guide keeps what it said (no second look-up)
      expect(viewOf(await step.enter(ctx), 'applyGuide').licencesUnavailable).toBe(true);
      expect(asked()).toBe(1);
    });

  it('with the e-licences answered the guide does not say they are unavailable', async () => {
    const { step } = guideWith(null);
    expect(viewOf(await step.enter(applyCtx().ctx), 'applyGuide').licencesUnavailable).toBe(false);
  });

  it('other platform errors keep stopping the step, with the platform’s usual message', async () => {
    for (const e of [
      new PlatformError('unauthorized', 'signature refused'),
      new PlatformError('badReply', 'unmasked number', { field: 'maskedNumber' }),
    ]) {
      const { step } = guideWith(e);
      const { ctx } = applyCtx();
      const thrown = await step.enter(ctx).then(
        () => null,
        (x: unknown) => x,
      );
      expect(thrown, e.code).toBe(e);
      expect(step.failure!(thrown, ctx)).toEqual({ messageKey: 'flow.error.platform', actions: ['retry', 'home'] });
    }
  });

  it('no form at all (none cached, platform down): the plain failure with the guide by QR', async () => {
    const fake = fakeApplyPort(elderCardForm());
    fake.port.form = async () => {
      throw new PlatformError('unreachable', 'connect ECONNREFUSED');
    };
    fake.port.licences = fake.port.form as never;
    const step = applyGuideStep({ apply: () => fake.port, applicant, notice });
    const { ctx } = applyCtx();
    const thrown = await step.enter(ctx).then(
      () => null,
      (x: unknown) => x,
    );
    expect(step.failure!(thrown, ctx)).toEqual({
      messageKey: 'flow.error.platformDownQr',
      qrUrl: 'https://zwfw.example.gov.cn/guide/113',
      actions: ['retry', 'home'],
    });
  });

  it('the notice is written in every language the terminal speaks, and names paper and 容缺', () => {
    expect(zhCN.apply.guide.licencesUnavailable).toMatch(/电子证照.*纸质材料.*扫描.*补交/);
    expect(en.apply.guide.licencesUnavailable).toMatch(/e-licences.*paper/i);
    expect(ug.apply.guide.licencesUnavailable).toMatch(/\p{Script=Arabic}/u);
    expect(ug.apply.guide.licencesUnavailable).not.toMatch(/[A-Za-z\p{Script=Han}]/u);
  });
});
