import { z } from 'zod';
import type { StepContext, StepHandler, StepOutcome } from '../types.js';
import { APPLY_EDITING, APPLY_FORM, APPLY_FORM_AT, APPLY_REJECTED, APPLY_VALUES, doneEditing, type FieldError } from './apply-data.js';
import { askedGroups, fieldView, groupOfField, syncValues } from './apply-form-state.js';
import type { CardHolder } from './apply-prefill.js';
import { normalise, validateFields } from './apply-validate.js';

const FormAnswer = z.union([
  z.object({ values: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean()])) }).strict(),
  z.object({ previous: z.literal(true) }).strict(),
]);

/**
 * 一表申请, one field group per screen: what the card or an authorised licence gave is shown as such and not asked;
 * the rest is checked as each group is done (each field on its own, then the rules that tie fields together), in
 * plain words under the field. A field the platform refused opens its group with the platform's message. From the
 * review, the group changed leads back to the review.
 */
export function applyFormStep(deps: { cardHolder: () => CardHolder | null }): StepHandler<z.infer<typeof FormAnswer>> {
  const show = (ctx: StepContext, group: number, errors: Record<string, FieldError>): StepOutcome => {
    const form = ctx.data.require(APPLY_FORM);
    const { values, sources } = syncValues(ctx, deps.cardHolder());
    ctx.data.set(APPLY_FORM_AT, { group, errors });
    const asked = askedGroups(form, sources);
    const g = form.groups[group]!;
    return {
      kind: 'wait',
      view: {
        step: 'applyForm',
        group: { id: g.id, title: g.title, index: asked.indexOf(group) + 1, count: asked.length },
        fields: g.fields.map((f) => fieldView(form, f, values, sources, errors[f.id] ?? null)),
        canPrevious: asked.indexOf(group) > 0 && !ctx.data.get(APPLY_EDITING),
        editing: ctx.data.get(APPLY_EDITING) ?? false,
      },
    };
  };
  return {
    name: 'applyForm',
    timeoutMs: 15_000,
    answer: FormAnswer,
    async enter(ctx) {
      const form = ctx.data.require(APPLY_FORM);
      const { sources } = syncValues(ctx, deps.cardHolder());
      const rejected = ctx.data.get(APPLY_REJECTED);
      if (rejected) {
        ctx.data.delete(APPLY_REJECTED);
        const g = groupOfField(form, rejected.field);
        if (g >= 0) return show(ctx, g, { [rejected.field]: { text: rejected.message } });
      }
      const asked = askedGroups(form, sources);
      if (asked.length === 0) return doneEditing(ctx);
      const at = ctx.data.get(APPLY_FORM_AT);
      return show(ctx, at && asked.includes(at.group) ? at.group : asked[0]!, at?.errors ?? {});
    },
    async onAnswer(ctx, a) {
      const form = ctx.data.require(APPLY_FORM);
      const at = ctx.data.require(APPLY_FORM_AT);
      const { values, sources } = syncValues(ctx, deps.cardHolder());
      const asked = askedGroups(form, sources);
      const position = asked.indexOf(at.group);
      if ('previous' in a) return show(ctx, asked[Math.max(0, position - 1)] ?? at.group, {});
      const group = form.groups[at.group]!;
      // only this group's own, not prefilled fields take typed values; an ID number left out keeps what it had
      const open = group.fields.filter((f) => !(f.id in sources));
      const merged = { ...values };
      for (const f of open) {
        if (!(f.id in a.values)) continue;
        const v = normalise(f, a.values[f.id]!);
        if (v === '' || v === false) delete merged[f.id];
        else merged[f.id] = v;
      }
      const errors = validateFields(open, form.rules, merged);
      ctx.data.set(APPLY_VALUES, merged);
      if (Object.keys(errors).length > 0) return show(ctx, at.group, errors);
      if (ctx.data.get(APPLY_EDITING) || position === asked.length - 1) {
        ctx.data.set(APPLY_FORM_AT, { group: at.group, errors: {} });
        return doneEditing(ctx);
      }
      return show(ctx, asked[position + 1]!, {});
    },
  };
}
