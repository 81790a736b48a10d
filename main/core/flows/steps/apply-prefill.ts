import type { ELicence, FormField, FormValue, MatterForm } from '../../apply/apply-types.js';
import { maskIdNumber } from '../../log/mask.js';
import { regionName } from './apply-regions.js';

/** What the card read in this session says about its holder (core-side only; never sent to the UI whole). */
export interface CardHolder {
  name: string;
  idNumber: string;
  sex: 'male' | 'female' | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  address: string | null;
  nation: string | null;
}

const sexWords = { male: ['1', '男', 'male', 'M'], female: ['2', '女', 'female', 'F'] };

/** A card value in the field's own terms: a select takes the option whose value or label names it. */
function cardValue(
  field: FormField,
  holder: CardHolder,
  from: 'name' | 'idNumber' | 'sex' | 'birthDate' | 'address' | 'nation',
): FormValue | null {
  const raw = from === 'sex' ? holder.sex : holder[from];
  if (!raw) return null;
  if (from === 'sex') {
    const words = sexWords[raw as 'male' | 'female'];
    if (field.type === 'select') return field.options?.find((o) => words.includes(o.value) || words.includes(o.label))?.value ?? null;
    return words[1]!;
  }
  if (field.type === 'select') return field.options?.find((o) => o.value === raw || o.label === raw)?.value ?? null;
  return raw;
}

/**
 * The values the resident does not have to type: from the card, and from the licences they authorised (licence id
 * → its released values). Returns the values and where each came from.
 */
export function prefill(
  form: MatterForm,
  holder: CardHolder | null,
  authorised: readonly ELicence[],
  licenceValues: Record<string, Record<string, string>>,
): { values: Record<string, FormValue>; sources: Record<string, 'card' | 'licence'> } {
  const values: Record<string, FormValue> = {};
  const sources: Record<string, 'card' | 'licence'> = {};
  for (const field of form.groups.flatMap((g) => g.fields)) {
    const p = field.prefill;
    if (!p) continue;
    let v: FormValue | null = null;
    if (p.from === 'card' && holder) v = cardValue(field, holder, p.field);
    if (p.from === 'licence') {
      const licence = authorised.find((l) => l.type === p.licenceType);
      v = licence ? (licenceValues[licence.id]?.[p.field] ?? null) : null;
    }
    if (v === null || v === '') continue;
    values[field.id] = v;
    sources[field.id] = p.from;
  }
  return { values, sources };
}

/**
 * A value as the screen may show it: ID numbers masked, an address from the card cut after its first six
 * characters, choices by their label, regions by name. Booleans are left to the UI (是/否 in its language).
 */
export function shownValue(field: FormField, value: FormValue | undefined, source: 'card' | 'licence' | null): string | null {
  if (value === undefined || value === '' || typeof value === 'boolean') return null;
  const text = String(value);
  if (field.type === 'idNumber') return maskIdNumber(text);
  if (field.type === 'select') return field.options?.find((o) => o.value === text)?.label ?? text;
  if (field.type === 'region') return regionName(text) ?? text;
  if (source === 'card' && field.type === 'address') return `${[...text].slice(0, 6).join('')}****`;
  return text;
}

/**
 * Brings the run's values in line with the card and the licences authorised now: prefilled fields take their
 * source's value, a field whose source is gone (a licence withdrawn) is emptied, typed values stay.
 */
export function refreshPrefill(
  form: MatterForm,
  holder: CardHolder | null,
  licences: readonly ELicence[],
  authorisedIds: readonly string[],
  licenceValues: Record<string, Record<string, string>>,
  current: { values: Record<string, FormValue>; sources: Record<string, 'card' | 'licence'> },
): { values: Record<string, FormValue>; sources: Record<string, 'card' | 'licence'> } {
  const authorised = licences.filter((l) => authorisedIds.includes(l.id));
  const fresh = prefill(form, holder, authorised, licenceValues);
  const values = { ...current.values };
  for (const id of Object.keys(current.sources)) if (!(id in fresh.sources)) delete values[id];
  return { values: { ...values, ...fresh.values }, sources: fresh.sources };
}
