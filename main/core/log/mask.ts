/**
 * Masking of personal data before anything reaches a log line or the audit table.
 * Applied inside the logger, so a careless call site still cannot leak.
 */

/** 18-digit resident ID numbers (last char may be X) and legacy 15-digit ones. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{4})(\d{10}|\d{7})(\d{3}[\dXx]|\d{4})(?![0-9A-Za-z])/g;
/** Mainland mobile numbers. */
const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(value.length);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

/** Masks ID and phone numbers wherever they appear inside free text. */
export function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, a: string, mid: string, b: string) => a + '*'.repeat(mid.length) + b)
    .replace(MOBILE, (_m, a: string, _mid: string, b: string) => `${a}****${b}`);
}

const nameKeys = /^(name|fullName|chineseName|englishName|realName|holderName|residentName|applicantName|contactName)$/i;
const idKeys = /^(idNumber|idNo|certNo|certificateNumber|passNumber|ssn|socialSecurityNumber|cardNumber|permanentResidenceNumber)$/i;
const phoneKeys = /^(phone|mobile|telephone|tel|contactPhone)$/i;
const dropKeys = /^(address|photo|photoWlt|fingerprint|image|scan|pin|password|secret|token|authCode|birthDate)$/i;

/** Deep-copies a value masking personal fields by key and personal numbers inside any string. */
export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) return { name: value.name, message: maskText(value.message) };
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && nameKeys.test(k)) out[k] = maskName(v);
    else if (typeof v === 'string' && idKeys.test(k)) out[k] = maskIdNumber(v);
    else if (typeof v === 'string' && phoneKeys.test(k)) out[k] = maskPhone(v);
    else if (dropKeys.test(k) && v !== null && v !== undefined) out[k] = '[redacted]';
    else out[k] = maskPersonalData(v, depth + 1);
  }
  return out;
}
