import { z } from 'zod';
import type { ApplyPort, ELicence } from '../../apply/apply-types.js';
import { platformUnreachable } from '../../apply/form-cache.js';
import { dataKey, type StepHandler } from '../types.js';
import { APPLY_FORM, APPLY_LICENCES, licenceFor, paperMaterials } from './apply-data.js';
import { fail, next, platformFailure } from './outcomes.js';

/** What the catalog says of the matter that the 一次告知 repeats (conditions and time limit). */
export interface MatterNotice {
  conditions: string[];
  timeLimit: { instant: boolean; legalDays: number | null; promisedDays: number | null };
}

/** Set when the e-licence library could not be reached: this run goes on with paper only, and the guide says so. */
export const APPLY_LICENCES_UNAVAILABLE = dataKey<boolean>('apply.licencesUnavailable');

/** The resident's e-licences, or null when the platform cannot be reached (other errors fail the step as before). */
async function licencesOrNone(port: ApplyPort, idNumber: string, signal: AbortSignal): Promise<ELicence[] | null> {
  try {
    return await port.licences({ idNumber }, signal);
  } catch (e) {
    if (signal.aborted || !platformUnreachable(e)) throw e;
    return null;
  }
}

/**
 * 一次告知 for this resident: the matter's form and the resident's e-licences come from the platform, then one
 * screen lists every material (marking those an e-licence of theirs replaces), the conditions, the time limit, and
 * the scanner only when paper remains. With the platform unreachable the form may come from the terminal's cache
 * (`ApplyPort.form`), and the e-licences cannot be looked up: the screen says paper is needed, and the journey goes
 * on with none.
 */
export function applyGuideStep(deps: {
  apply: () => ApplyPort | null;
  applicant: () => { name: string; idNumber: string } | null;
  notice: (matterId: string) => MatterNotice | null;
}): StepHandler<{ start: true }> {
  return {
    name: 'applyGuide',
    timeoutMs: 30_000,
    answer: z.object({ start: z.literal(true) }).strict(),
    async enter(ctx) {
      const port = deps.apply();
      if (!port || !ctx.matter) return fail({ messageKey: 'apply.error.unavailable', actions: ['home'] });
      const applicant = deps.applicant();
      if (!applicant) return fail({ messageKey: 'flow.error.identify', actions: ['home'] });
      if (!ctx.data.get(APPLY_FORM) || ctx.data.get(APPLY_FORM)!.matterId !== ctx.matter.id) {
        const [form, licences] = await Promise.all([
          port.form(ctx.matter.id, ctx.signal),
          licencesOrNone(port, applicant.idNumber, ctx.signal),
        ]);
        ctx.data.set(APPLY_FORM, form);
        ctx.data.set(APPLY_LICENCES, licences ?? []);
        ctx.data.set(APPLY_LICENCES_UNAVAILABLE, licences === null);
      }
      const form = ctx.data.require(APPLY_FORM);
      const licences = ctx.data.require(APPLY_LICENCES);
      const notice = deps.notice(ctx.matter.id);
      return {
        kind: 'wait',
        view: {
          step: 'applyGuide',
          materials: form.materials.map((m) => {
            const l = licenceFor(m, licences);
            return {
              id: m.id,
              name: m.name,
              required: m.required,
              deferrable: m.deferrable,
              licence: l ? { name: l.name, issuer: l.issuer } : null,
            };
          }),
          conditions: notice?.conditions ?? [],
          timeLimit: notice?.timeLimit ?? null,
          needs: paperMaterials(form, licences).length > 0 ? ['scanner', 'printer'] : ['printer'],
          licencesUnavailable: ctx.data.get(APPLY_LICENCES_UNAVAILABLE) ?? false,
        },
      };
    },
    onAnswer: async () => next(),
    failure: (e, ctx) => platformFailure(e, ctx.matter?.guideUrl ?? null),
  };
}
