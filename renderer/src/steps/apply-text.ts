import type { TFunction } from 'i18next';
import type { StepView } from '../stores/flow.js';

export type ApplyField = Extract<StepView, { step: 'applyForm' }>['fields'][number];

/** A message under a field: our own (an i18n key) or the platform's words as they came. */
export function errorText(t: TFunction, error: ApplyField['error']): string | null {
  if (!error) return null;
  return 'text' in error ? error.text : t(error.key, error.params ?? {});
}

/** A field's value as read on a review or a prefilled line: 是/否 for a checkbox, else what the core sent. */
export function shownText(t: TFunction, f: ApplyField): string {
  if (f.type === 'checkbox') return f.value === true ? t('apply.form.yes') : t('apply.form.no');
  return f.shown ?? (f.value === null || f.value === '' ? t('apply.form.empty') : String(f.value));
}

export const prefilledLabel = (t: TFunction, f: ApplyField): string | null =>
  f.prefilled === 'card' ? t('apply.form.prefilledCard') : f.prefilled === 'licence' ? t('apply.form.prefilledLicence') : null;
