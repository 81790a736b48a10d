import type { FormField, FormValue, MatterForm } from '../../apply/apply-types.js';
import type { ApplyFieldView } from '../apply-views.js';
import type { StepContext } from '../types.js';
import {
  APPLY_AUTHORISED,
  APPLY_FORM,
  APPLY_LICENCE_VALUES,
  APPLY_LICENCES,
  APPLY_PREFILLED,
  APPLY_VALUES,
  type FieldError,
} from './apply-data.js';
import { refreshPrefill, shownValue, type CardHolder } from './apply-prefill.js';
import { requiredNow } from './apply-validate.js';

/** The form's values and their sources, brought in line with the card and the licences authorised now. */
export function syncValues(
  ctx: StepContext,
  holder: CardHolder | null,
): { values: Record<string, FormValue>; sources: Record<string, 'card' | 'licence'> } {
  const form = ctx.data.require(APPLY_FORM);
  const next = refreshPrefill(
    form,
    holder,
    ctx.data.get(APPLY_LICENCES) ?? [],
    (ctx.data.get(APPLY_AUTHORISED) ?? []).map((a) => a.licenceId),
    ctx.data.get(APPLY_LICENCE_VALUES) ?? {},
    { values: ctx.data.get(APPLY_VALUES) ?? {}, sources: ctx.data.get(APPLY_PREFILLED) ?? {} },
  );
  ctx.data.set(APPLY_VALUES, next.values);
  ctx.data.set(APPLY_PREFILLED, next.sources);
  return next;
}

/** Groups with something to ask (a group whose every field is prefilled is only shown on the review). */
export function askedGroups(form: MatterForm, sources: Record<string, unknown>): number[] {
  return form.groups.flatMap((g, i) => (g.fields.some((f) => !(f.id in sources)) ? [i] : []));
}

export function groupOfField(form: MatterForm, fieldId: string): number {
  return form.groups.findIndex((g) => g.fields.some((f) => f.id === fieldId));
}

/** A field as the screen shows it: typed values to edit, prefilled and ID numbers only as shown (masked). */
export function fieldView(
  form: MatterForm,
  field: FormField,
  values: Record<string, FormValue>,
  sources: Record<string, 'card' | 'licence'>,
  error: FieldError | null,
): ApplyFieldView {
  const source = sources[field.id] ?? null;
  const value = values[field.id];
  const editable = source === null && field.type !== 'idNumber';
  return {
    id: field.id,
    label: field.label,
    type: field.type,
    input: field.input,
    required: requiredNow(field, form.rules, values),
    help: field.help,
    maxLength: field.maxLength,
    min: field.min,
    max: field.max,
    options: field.options,
    value: value === undefined ? null : editable || typeof value === 'boolean' ? value : null,
    shown: shownValue(field, value, source),
    prefilled: source,
    error,
  };
}
