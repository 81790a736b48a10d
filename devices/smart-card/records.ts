import { nations } from '../id-card/nations.js';

/** Field decoding for the social security card's EF05 and EF06 records (GB/T and MOHRSS card specification). */
const gbk = new TextDecoder('gbk');
/** Whitespace bytes as JavaScript's trim() sees them in Latin-1 (tab to CR, space, no-break space). */
const isBlank = (x: number) => (x >= 0x09 && x <= 0x0d) || x === 0x20 || x === 0xa0;

/**
 * Latin-1 text without trailing NUL padding and surrounding blanks. One pass over the bytes: a regex such as
 * /[\0\s]+$/ backtracks on long blank runs that are not at the end (quadratic), and spreading a long array
 * into String.fromCharCode overflows the call stack.
 */
export function ascii(b: Uint8Array): string {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0 || isBlank(b[end - 1]!))) end--;
  let start = 0;
  while (start < end && isBlank(b[start]!)) start++;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(b[i]!);
  return text;
}

/** A record reply is TLV (tag, length, value); a card that answers the bare value is accepted too. */
export function recordValue(tag: number, data: Uint8Array): Uint8Array {
  if (data.length >= 2 && data[0] === tag && data[1] === data.length - 2) return data.slice(2);
  return data;
}

export function bcdDate(b: Uint8Array): string | null {
  const digits = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export interface SocialSecurityCard {
  /** tag 01: card identification code; its first six digits are the issuing region. */
  cardIdentifier: string | null;
  regionCode: string | null;
  cardType: string | null;
  specVersion: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  cardNumber: string | null;
  socialSecurityNumber: string | null;
  name: string | null;
  gender: 'male' | 'female' | 'unknown' | null;
  nationCode: string | null;
  nation: string | null;
  birthDate: string | null;
}

export const emptyCard = (): SocialSecurityCard => ({
  cardIdentifier: null,
  regionCode: null,
  cardType: null,
  specVersion: null,
  issueDate: null,
  expiryDate: null,
  cardNumber: null,
  socialSecurityNumber: null,
  name: null,
  gender: null,
  nationCode: null,
  nation: null,
  birthDate: null,
});

export const ef05Tags = [0x01, 0x02, 0x03, 0x05, 0x06, 0x07] as const;
export const ef06Tags = [0x08, 0x09, 0x0a, 0x0b, 0x0d] as const;

/** Applies one record's value to the card. Unknown or malformed values are left null, never thrown. */
export function applyRecord(card: SocialSecurityCard, tag: number, v: Uint8Array): SocialSecurityCard {
  switch (tag) {
    case 0x01: {
      const text = ascii(v);
      const printable = /^[\x20-\x7e]+$/.test(text);
      const id = printable
        ? text
        : [...v]
            .map((x) => x.toString(16).padStart(2, '0'))
            .join('')
            .toUpperCase();
      return { ...card, cardIdentifier: id, regionCode: /^\d{6}/.test(id) ? id.slice(0, 6) : null };
    }
    case 0x02:
      return { ...card, cardType: ascii(v) || (v[0] !== undefined ? String(v[0]) : null) };
    case 0x03:
      return { ...card, specVersion: ascii(v) || null };
    case 0x05:
      return { ...card, issueDate: bcdDate(v) };
    case 0x06:
      return { ...card, expiryDate: bcdDate(v) };
    case 0x07:
      return { ...card, cardNumber: ascii(v) || null };
    case 0x08:
      return { ...card, socialSecurityNumber: ascii(v) || null };
    case 0x09:
      return {
        ...card,
        name:
          gbk
            .decode(v)
            .replace(/[\u0000\s]+$/u, '')
            .trim() || null,
      };
    case 0x0a: {
      const g = ascii(v) || String(v[0] ?? '');
      return { ...card, gender: g === '1' ? 'male' : g === '2' ? 'female' : 'unknown' };
    }
    case 0x0b: {
      const code = v.length ? v[0]!.toString(16).padStart(2, '0') : null;
      return { ...card, nationCode: code, nation: code === null ? null : (nations[code] ?? code) };
    }
    case 0x0d:
      return { ...card, birthDate: bcdDate(v) };
    default:
      return card;
  }
}
