import type { CrossFieldRule, FormField, FormValue } from '../../apply/apply-types.js';
import type { FieldError } from './apply-data.js';
import { regionName } from './apply-regions.js';

/**
 * The form's checks as the resident goes, in plain words: one message per field (an i18n key under
 * `apply.validation`, or the platform's own words for its patterns and rules). The platform checks again.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 MOD 11-2: 17 digits and the check character. */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

export function dateValid(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

export const isEmpty = (v: FormValue | undefined): boolean => v === undefined || v === '' || v === false;

/** A `requiredIf` condition: `equals: true` means "the other field is filled in" (a ticked box, any text), as the platform reads it. */
const conditionHolds = (when: { field: string; equals: string | boolean }, values: Record<string, FormValue>): boolean =>
  when.equals === true ? !isEmpty(values[when.field]) : values[when.field] === when.equals;

/** Is the field required with these values (its own flag, or a `requiredIf` rule whose condition holds)? */
export function requiredNow(field: FormField, rules: readonly CrossFieldRule[], values: Record<string, FormValue>): boolean {
  return field.required || rules.some((r) => r.kind === 'requiredIf' && r.field === field.id && conditionHolds(r.when, values));
}

/** The value as the form keeps it: trimmed text, upper-case X in ID numbers, numbers as numbers. */
export function normalise(field: FormField, raw: FormValue): FormValue {
  if (field.type === 'checkbox') return raw === true || raw === 'true';
  const text = String(raw).trim();
  if (field.type === 'number') return text === '' || Number.isNaN(Number(text)) ? text : Number(text);
  if (field.type === 'idNumber') return text.toUpperCase();
  if (field.type === 'phone') return text.replace(/[\s-]/g, '');
  return text;
}

/** The one message for this field's value on its own, or null when it is fine. */
export function fieldError(field: FormField, value: FormValue | undefined, required: boolean): FieldError | null {
  if (isEmpty(value))
    return required
      ? {
          key: ['select', 'region', 'checkbox'].includes(field.type) ? 'apply.validation.choose' : 'apply.validation.required',
          params: { label: field.label },
        }
      : null;
  const text = String(value);
  switch (field.type) {
    case 'idNumber':
      if (!idNumberValid(text)) return { key: 'apply.validation.idNumber' };
      break;
    case 'phone':
      if (!/^1[3-9]\d{9}$/.test(text) && !/^0\d{2,3}\d{7,8}$/.test(text)) return { key: 'apply.validation.phone' };
      break;
    case 'date':
      if (!dateValid(text)) return { key: 'apply.validation.date' };
      break;
    case 'number': {
      if (typeof value !== 'number') return { key: 'apply.validation.number' };
      if ((field.min !== null && value < field.min) || (field.max !== null && value > field.max))
        return { key: 'apply.validation.range', params: { min: field.min ?? '', max: field.max ?? '' } };
      break;
    }
    case 'select':
      if (!field.options?.some((o) => o.value === text)) return { key: 'apply.validation.choose', params: { label: field.label } };
      break;
    case 'region':
      if (!regionName(text)) return { key: 'apply.validation.region' };
      break;
    default:
      break;
  }
  if (field.maxLength !== null && [...text].length > field.maxLength)
    return { key: 'apply.validation.tooLong', params: { max: field.maxLength } };
  if (field.pattern && typeof value === 'string' && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text))
    return field.patternMessage ? { text: field.patternMessage } : { key: 'apply.validation.pattern', params: { label: field.label } };
  return null;
}

/** Messages of the cross-field rules about `fields` (field id → the rule's own words). */
export function ruleErrors(
  rules: readonly CrossFieldRule[],
  values: Record<string, FormValue>,
  fields: ReadonlySet<string>,
): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const r of rules) {
    if (!fields.has(r.field) || out[r.field]) continue;
    const v = values[r.field];
    const broken =
      r.kind === 'requiredIf'
        ? conditionHolds(r.when, values) && isEmpty(v)
        : r.kind === 'dateNotBefore'
          ? typeof v === 'string' &&
            typeof values[r.other] === 'string' &&
            dateValid(v) &&
            dateValid(values[r.other] as string) &&
            v < (values[r.other] as string)
          : !isEmpty(v) && v === values[r.other];
    if (broken) out[r.field] = { text: r.message };
  }
  return out;
}

/** Every message for the given fields: the rules that tie fields together, then each field on its own. */
export function validateFields(
  fields: readonly FormField[],
  rules: readonly CrossFieldRule[],
  values: Record<string, FormValue>,
): Record<string, FieldError> {
  // a rule's own words say more than "please fill in" (由他人代领时，请填写代领人姓名), so they come first
  const out: Record<string, FieldError> = ruleErrors(rules, values, new Set(fields.map((f) => f.id)));
  for (const f of fields) {
    const e = out[f.id] ? null : fieldError(f, values[f.id], requiredNow(f, rules, values));
    if (e) out[f.id] = e;
  }
  return out;
}
