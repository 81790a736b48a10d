import { err, ok, type Result } from '../core/result.js';
import type { DecodeError } from './codec.js';
import { isValidIdNumber } from './id-number.js';
import { nations } from './nations.js';

export type CardType = 'resident' | 'hkMacaoTaiwan' | 'foreignPermanent2017' | 'foreignPermanent2023';

/** Byte ranges (inclusive) of each field, per card type; decoding is driven by this table. */
type Field =
  | 'name'
  | 'englishName'
  | 'englishName2'
  | 'gender'
  | 'nation'
  | 'birth'
  | 'address'
  | 'idNumber'
  | 'issuer'
  | 'validFrom'
  | 'validTo'
  | 'passNumber'
  | 'issueCount'
  | 'nationality'
  | 'renewalCount'
  | 'cardVersion'
  | 'authorityCode';

export const layouts: Record<CardType, Partial<Record<Field, [number, number]>>> = {
  resident: {
    name: [0, 29],
    gender: [30, 31],
    nation: [32, 35],
    birth: [36, 51],
    address: [52, 121],
    idNumber: [122, 157],
    issuer: [158, 187],
    validFrom: [188, 203],
    validTo: [204, 219],
  },
  hkMacaoTaiwan: {
    name: [0, 29],
    gender: [30, 31],
    birth: [36, 51],
    address: [52, 121],
    idNumber: [122, 157],
    issuer: [158, 187],
    validFrom: [188, 203],
    validTo: [204, 219],
    passNumber: [220, 237],
    issueCount: [238, 241],
  },
  foreignPermanent2017: {
    englishName: [0, 119],
    gender: [120, 121],
    idNumber: [122, 151],
    nationality: [152, 157],
    name: [158, 187],
    validFrom: [188, 203],
    validTo: [204, 219],
    birth: [220, 235],
    cardVersion: [236, 239],
    authorityCode: [240, 247],
  },
  foreignPermanent2023: {
    name: [0, 29],
    gender: [30, 31],
    renewalCount: [32, 35],
    birth: [36, 51],
    englishName: [52, 121],
    idNumber: [122, 157],
    validFrom: [188, 203],
    validTo: [204, 219],
    englishName2: [220, 241],
    nationality: [242, 247],
  },
};

const typeMarkers: Record<string, CardType> = { ' ': 'resident', J: 'hkMacaoTaiwan', I: 'foreignPermanent2017', Y: 'foreignPermanent2023' };

export interface Identity {
  cardType: CardType;
  name: string | null;
  englishName: string | null;
  /** GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 unspecified. */
  genderCode: string | null;
  gender: 'male' | 'female' | 'unknown' | 'unspecified' | null;
  nationCode: string | null;
  /** Name of the nation, or the raw code when it is not in GB 3304. */
  nation: string | null;
  birthDate: string | null;
  address: string | null;
  idNumber: string | null;
  /** MOD 11-2 check for 18-character numbers; null where the number has another format (2017 foreign card). */
  idNumberValid: boolean | null;
  issuer: string | null;
  validFrom: string | null;
  /** YYYY-MM-DD, or 长期 for cards without an end date. */
  validTo: string | null;
  passNumber: string | null;
  issueCount: string | null;
  nationality: string | null;
  renewalCount: string | null;
  cardVersion: string | null;
  authorityCode: string | null;
}

const utf16 = new TextDecoder('utf-16le');
const clean = (s: string) => s.replace(/[\s\u0000]+$/u, '').replace(/^[\s\u0000]+/u, '');

/** YYYYMMDD → YYYY-MM-DD when it is a real date; otherwise the raw text (shown, never a crash). */
export function formatDate(raw: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return raw;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return raw;
  return `${y}-${mo}-${d}`;
}

const genders: Record<string, Identity['gender']> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };

/** Decodes the 256-byte UCS-2 LE text block of any of the four card types. */
export function decodeTextBlock(text: Uint8Array): Result<Identity, DecodeError> {
  if (text.length !== 256) return err({ kind: 'badPayload', detail: `text block is ${text.length} bytes, expected 256` });
  const marker = utf16.decode(text.subarray(248, 250));
  const cardType = typeMarkers[marker === '\u0000' ? ' ' : marker];
  if (!cardType)
    return err({ kind: 'badPayload', detail: `unknown card type marker U+${marker.charCodeAt(0).toString(16).padStart(4, '0')}` });
  const layout = layouts[cardType];
  const raw = (f: Field): string => {
    const r = layout[f];
    return r ? utf16.decode(text.subarray(r[0], r[1] + 1)) : '';
  };
  const field = (f: Field): string | null => clean(raw(f)) || null;
  // The 2023 card continues a long English name from part 1 (filled completely) into part 2.
  const englishName = clean(raw('englishName') + raw('englishName2')) || null;
  const genderCode = field('gender');
  const nationCode = field('nation');
  const idNumber = field('idNumber');
  const validTo = field('validTo');
  return ok({
    cardType,
    name: field('name'),
    englishName,
    genderCode,
    gender: genderCode === null ? null : (genders[genderCode] ?? 'unknown'),
    nationCode,
    nation: nationCode === null ? null : (nations[nationCode] ?? nationCode),
    birthDate: field('birth') === null ? null : formatDate(field('birth')!),
    address: field('address'),
    idNumber,
    idNumberValid: idNumber !== null && idNumber.length === 18 ? isValidIdNumber(idNumber) : null,
    issuer: field('issuer'),
    validFrom: field('validFrom') === null ? null : formatDate(field('validFrom')!),
    validTo: validTo === null ? null : validTo.startsWith('长期') ? '长期' : formatDate(validTo),
    passNumber: field('passNumber'),
    issueCount: field('issueCount'),
    nationality: field('nationality'),
    renewalCount: field('renewalCount'),
    cardVersion: field('cardVersion'),
    authorityCode: field('authorityCode'),
  });
}

/** Whether the card's validity has ended before `today` (YYYY-MM-DD). 长期 never expires; unreadable dates count as expired. */
export function isExpired(identity: Pick<Identity, 'validTo'>, today: string): boolean {
  if (identity.validTo === '长期') return false;
  if (!identity.validTo || !/^\d{4}-\d{2}-\d{2}$/.test(identity.validTo)) return true;
  return identity.validTo < today;
}

/** Age in whole years on `today` (YYYY-MM-DD), or null without a usable birth date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
