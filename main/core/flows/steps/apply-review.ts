import { z } from 'zod';
import type { StepContext, StepHandler, StepOutcome } from '../types.js';
import { APPLY_AUTHORISED, APPLY_EDITING, APPLY_FORM, APPLY_FORM_AT, APPLY_LICENCES, APPLY_MATERIALS, handedOver } from './apply-data.js';
import { askedGroups, fieldView, syncValues } from './apply-form-state.js';
import type { CardHolder } from './apply-prefill.js';
import { validateFields } from './apply-validate.js';
import { next } from './outcomes.js';

const ReviewAnswer = z.union([
  z.object({ confirm: z.literal(true) }).strict(),
  z.object({ edit: z.literal('form'), group: z.string().max(100) }).strict(),
  z.object({ edit: z.enum(['licences', 'materials']) }).strict(),
]);

/**
 * Everything on one screen before signing: each form group with its values (prefilled ones marked), the licences
 * used, each material and how it comes; every part has 修改, which goes to that part and back here. Confirming
 * checks the whole form once more (a rule may tie a changed field to another group) and that every required
 * material is there.
 */
export function applyReviewStep(deps: { cardHolder: () => CardHolder | null }): StepHandler<z.infer<typeof ReviewAnswer>> {
  const view = (ctx: StepContext, messageKey: string | null): StepOutcome => {
    const form = ctx.data.require(APPLY_FORM);
    const { values, sources } = syncValues(ctx, deps.cardHolder());
    const asked = new Set(askedGroups(form, sources));
    const licences = ctx.data.get(APPLY_LICENCES) ?? [];
    const authorised = ctx.data.get(APPLY_AUTHORISED) ?? [];
    const choices = ctx.data.get(APPLY_MATERIALS) ?? [];
    return {
      kind: 'wait',
      view: {
        step: 'applyReview',
        groups: form.groups.map((g, i) => ({
          id: g.id,
          title: g.title,
          editable: asked.has(i),
          fields: g.fields.map((f) => fieldView(form, f, values, sources, null)),
        })),
        licences: authorised.flatMap((a) => {
          const l = licences.find((x) => x.id === a.licenceId);
          return l ? [{ id: l.id, name: l.name }] : [];
        }),
        canEditLicences: licences.some(
          (l) =>
            form.materials.some((m) => m.licenceTypes.includes(l.type)) ||
            form.groups.some((g) => g.fields.some((f) => f.prefill?.from === 'licence' && f.prefill.licenceType === l.type)),
        ),
        materials: form.materials.map((m) => {
          const c = choices.find((x) => x.materialId === m.id);
          const licence = c?.kind === 'licence' ? licences.find((l) => l.id === c.licenceId) : undefined;
          return {
            id: m.id,
            name: m.name,
            required: m.required,
            how: c ? (c.kind === 'licence' ? 'licence' : c.kind) : 'missing',
            pages: c?.kind === 'scan' ? c.pages : null,
            licenceName: licence?.name ?? null,
          };
        }),
        messageKey,
      },
    };
  };
  return {
    name: 'applyReview',
    timeoutMs: 15_000,
    answer: ReviewAnswer,
    async enter(ctx) {
      if (handedOver(ctx)) return next();
      ctx.data.delete(APPLY_EDITING);
      return view(ctx, null);
    },
    async onAnswer(ctx, a) {
      const form = ctx.data.require(APPLY_FORM);
      if ('edit' in a) {
        ctx.data.set(APPLY_EDITING, true);
        if (a.edit !== 'form') return next(a.edit);
        const group = form.groups.findIndex((g) => g.id === a.group);
        if (group < 0) return view(ctx, null);
        ctx.data.set(APPLY_FORM_AT, { group, errors: {} });
        return next('form');
      }
      const { values, sources } = syncValues(ctx, deps.cardHolder());
      const open = form.groups.flatMap((g) => g.fields).filter((f) => !(f.id in sources));
      const errors = validateFields(open, form.rules, values);
      const first = form.groups.findIndex((g) => g.fields.some((f) => errors[f.id]));
      if (first >= 0) {
        ctx.data.set(APPLY_EDITING, true);
        ctx.data.set(APPLY_FORM_AT, { group: first, errors });
        return next('form');
      }
      const choices = ctx.data.get(APPLY_MATERIALS) ?? [];
      const missing = form.materials.some((m) => m.required && !choices.some((c) => c.materialId === m.id));
      if (missing) return view(ctx, 'apply.review.materialMissing');
      return next();
    },
  };
}
