import type { ELicence, FormMaterial, FormValue, MaterialChoice, MatterForm, SubmissionOutcome } from '../../apply/apply-types.js';
import { dataKey, type StepContext, type StepOutcome } from '../types.js';
import { next } from './outcomes.js';

/**
 * The apply flow's run data (办事): what each step leaves for the next. The materials step (`applyMaterials`) reads
 * the form, the licences and the authorisations, and writes `APPLY_MATERIALS`; everything lives in the run's memory
 * and is dropped (byte arrays zeroed) when the run ends.
 */
export const APPLY_FORM = dataKey<MatterForm>('apply.form');
/** The resident's electronic licences, as the platform listed them (numbers masked). */
export const APPLY_LICENCES = dataKey<ELicence[]>('apply.licences');
/** Licences the resident authorised on screen, with when (the audit log records the same). */
export const APPLY_AUTHORISED = dataKey<{ licenceId: string; authorisedAt: string }[]>('apply.authorised');
/** Values released by each authorised licence (licence id → field → value). */
export const APPLY_LICENCE_VALUES = dataKey<Record<string, Record<string, string>>>('apply.licenceValues');
/** The form's values, prefilled ones included (field id → value). */
export const APPLY_VALUES = dataKey<Record<string, FormValue>>('apply.values');
/** Where each prefilled value came from; a field listed here is shown, not asked. */
export const APPLY_PREFILLED = dataKey<Record<string, 'card' | 'licence'>>('apply.prefilled');
/** One choice per material (the materials step writes it; the review and the submission read it). */
export const APPLY_MATERIALS = dataKey<MaterialChoice[]>('apply.materials');
export const APPLY_COMMITMENT = dataKey<{ version: string; signedAt: string; signaturePng: Uint8Array }>('apply.commitment');
export const APPLY_OUTCOME = dataKey<SubmissionOutcome>('apply.outcome');
/** The form group on screen and the messages under its fields. */
export const APPLY_FORM_AT = dataKey<{ group: number; errors: Record<string, FieldError> }>('apply.formAt');
/** Set when the review sent the resident to change something: that step returns to the review when done. */
export const APPLY_EDITING = dataKey<boolean>('apply.editing');
/** The platform refused this field: the form opens its group with the platform's message. */
export const APPLY_REJECTED = dataKey<{ field: string; message: string }>('apply.rejected');

/** A message under a field: an i18n key with its parameters, or the platform's own words (already translated). */
export type FieldError = { key: string; params?: Record<string, string | number> } | { text: string };

/** The licence the resident holds that can replace this material, or null. */
export function licenceFor(material: FormMaterial, licences: readonly ELicence[]): ELicence | null {
  return licences.find((l) => material.licenceTypes.includes(l.type)) ?? null;
}

/** Materials no licence of the resident can replace: these need paper (scanned, or brought later where allowed). */
export function paperMaterials(form: MatterForm, licences: readonly ELicence[]): FormMaterial[] {
  return form.materials.filter((m) => licenceFor(m, licences) === null);
}

/** After a step the review sent the resident to: back to the review; otherwise on with the journey. */
export function doneEditing(ctx: StepContext): StepOutcome {
  if (!ctx.data.get(APPLY_EDITING)) return next();
  ctx.data.delete(APPLY_EDITING);
  return next('review');
}

/** The application is with the platform or saved for it: the steps before the submission only pass through. */
export function handedOver(ctx: StepContext): boolean {
  const o = ctx.data.get(APPLY_OUTCOME);
  return o?.kind === 'accepted' || o?.kind === 'queued';
}
