/**
 * What technicians read: a Chinese (or English) label with the raw code beside it, for device status details,
 * media conditions, device info and audit entries. Pure; the screens look the keys up with i18n.
 */

/** One piece of a status detail: a code with the i18n key of its label, or free text (a PC/SC message) shown as is. */
export type DetailPart = { kind: 'code'; code: string; labelKey: string } | { kind: 'text'; text: string };

/** IPP reasons carry a severity suffix (toner-low-warning); the label is the reason's. */
const withoutSeverity = (code: string) => code.replace(/-(report|warning|error)$/, '');

/**
 * Splits a device's technical detail: a list of codes (IPP reasons "media-empty, toner-low", ESC/POS flags
 * "paperNearEnd, coverOpen") becomes labelled codes; anything else (an error message) stays one piece of text.
 */
export function detailParts(detail: string | null): DetailPart[] {
  if (!detail) return [];
  const tokens = detail.split(',').map((s) => s.trim());
  if (!tokens.every((t) => /^[A-Za-z][A-Za-z0-9-]*$/.test(t))) return [{ kind: 'text', text: detail }];
  return tokens.map((code) => ({ kind: 'code', code, labelKey: `maintenance.codes.${withoutSeverity(code)}` }));
}

export const mediaLabelKey = (condition: string) => `maintenance.media.${condition}`;
export const infoLabelKey = (field: string) => `maintenance.info.${field}`;
/** Audit types are dotted (print.completed); i18n keys may not be, so the dots become underscores. */
export const auditTypeKey = (type: string) => `maintenance.auditType.${type.replace(/\./g, '_')}`;
export const auditFieldKey = (field: string) => `maintenance.auditField.${field}`;

/** An audit detail value as technicians read it; `label` looks up i18n keys (null when there is none). */
export function auditValue(
  field: string,
  value: unknown,
  label: (key: string) => string | null,
  dateTime: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => auditValue(field, v, label, dateTime)).join('、') : '—';
  if (field === 'state' && typeof value === 'string') return labelled(label(`device.state.${value}`), value);
  if (field === 'media' && typeof value === 'string') return labelled(label(mediaLabelKey(value)), value);
  if (field === 'passed' && typeof value === 'boolean') return label(`maintenance.passedValue.${String(value)}`) ?? String(value);
  if (field.endsWith('At') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return dateTime(value);
  // reasons and message keys are i18n keys themselves (printer.reason.paperOut)
  if (typeof value === 'string' && /^[a-z]+(\.[A-Za-z0-9]+)+$/.test(value)) return labelled(label(value), value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const labelled = (text: string | null, code: string) => (text ? `${text} (${code})` : code);
