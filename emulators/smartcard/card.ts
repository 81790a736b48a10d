/**
 * The card side of a Chinese social security card, written from the card specification: SELECT by name / MF / EF,
 * READ RECORD by tag answering TLV (6Cxx when Le is 00), GET RESPONSE after 61xx. Fictitious holders only.
 */
import { yearsFrom } from '../lib/dates.js';

const gbkTable: Map<string, number[]> = (() => {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  return map;
})();

function gbk(text: string, width: number): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  while (out.length < width) out.push(0x20);
  return out.slice(0, width);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const bcd = (digits: string) => digits.match(/../g)!.map((p) => parseInt(p, 16));

export interface SsPersona {
  id: string;
  label: string;
  /** 2nd-generation cards here answer the SSSE application select with 6A82 (older layout: MF fallback). */
  generation: 2 | 3;
  ef05: Record<number, number[]>;
  ef06: Record<number, number[]>;
}

/** The cards as of `today`: issue and expiry dates relative to it, so a valid card stays valid. */
export function ssPersonasOn(today: Date): SsPersona[] {
  const on = (years: number) => bcd(yearsFrom(today, years));
  return [
    {
      id: 'gen2',
      label: '第二代社保卡 · 2nd generation',
      generation: 2,
      ef05: {
        0x01: ascii('310100D156000005'),
        0x02: ascii('1'),
        0x03: ascii('2.00'),
        0x05: on(-9),
        0x06: on(1),
        0x07: ascii('A12345678'),
      },
      ef06: { 0x08: ascii('310101194208200048'), 0x09: gbk('王秀英', 30), 0x0a: ascii('2'), 0x0b: [0x01], 0x0d: bcd('19420820') },
    },
    {
      id: 'gen3',
      label: '第三代社保卡 · 3rd generation (EF06 needs PSAM authentication)',
      generation: 3,
      ef05: {
        0x01: ascii('510107D156000005'),
        0x02: ascii('3'),
        0x03: ascii('3.00'),
        0x05: on(-3),
        0x06: on(7),
        0x07: ascii('S98765432'),
      },
      ef06: { 0x08: ascii('510107197809300059'), 0x09: gbk('李强', 30), 0x0a: ascii('1'), 0x0b: [0x01], 0x0d: bcd('19780930') },
    },
  ];
}

export const ssPersonas: SsPersona[] = ssPersonasOn(new Date());

/** ATR of a T=0 contact card with two historical bytes. */
export const ATR = Uint8Array.of(0x3b, 0x02, 0x14, 0x50);

const SSSE = [0x73, 0x78, 0x31, 0x2e, 0x73, 0x68, 0x2e, 0xc9, 0xe7, 0xbb, 0xe1, 0xb1, 0xa3, 0xd5, 0xcf];
const FCI = [0x6f, 0x08, 0x84, 0x06, 0x73, 0x78, 0x31, 0x2e, 0x73, 0x68];

export class CardSession {
  private file: 'none' | 'mf' | 'ssse' | 'ef05' | 'ef06' = 'none';
  private pending: number[] = [];
  /** Number of APDUs answered: the fault "removedMidRead" pulls the card at the EF06 select. */
  apdus = 0;

  constructor(private readonly persona: SsPersona) {}

  get selected(): string {
    return this.file;
  }

  answer(c: Uint8Array): Uint8Array {
    this.apdus++;
    const sw = (a: number, b: number, data: number[] = []) => Uint8Array.from([...data, a, b]);
    if (c.length < 4) return sw(0x67, 0x00);
    const [cla, ins, p1, p2] = c as unknown as [number, number, number, number];
    if (cla !== 0x00) return sw(0x6e, 0x00);
    const lc = c.length > 5 ? c[4]! : 0;
    const data = [...c.slice(5, 5 + lc)];
    const le = c.length === 5 ? c[4]! : c.length > 5 + lc ? c[5 + lc]! : 0;
    switch (ins) {
      case 0xa4: {
        if (p1 === 0x04) {
          if (this.persona.generation === 2 || data.length !== SSSE.length || data.some((b, i) => b !== SSSE[i])) return sw(0x6a, 0x82);
          this.file = 'ssse';
          this.pending = FCI;
          return sw(0x61, FCI.length);
        }
        if (p1 === 0x00 && data[0] === 0x3f && data[1] === 0x00) {
          this.file = 'mf';
          return sw(0x90, 0x00);
        }
        if (p1 === 0x02 && data[0] === 0xef && (data[1] === 0x05 || data[1] === 0x06)) {
          if (this.file === 'none') return sw(0x69, 0x86);
          this.file = data[1] === 0x05 ? 'ef05' : 'ef06';
          return sw(0x90, 0x00);
        }
        return sw(0x6a, 0x82);
      }
      case 0xc0: {
        if (!this.pending.length) return sw(0x69, 0x85);
        const out = this.pending.slice(0, le || this.pending.length);
        this.pending = [];
        return sw(0x90, 0x00, out);
      }
      case 0xb2: {
        if (this.file !== 'ef05' && this.file !== 'ef06') return sw(0x69, 0x86);
        if (this.file === 'ef06' && this.persona.generation === 3) return sw(0x69, 0x82);
        if (p2 !== 0x00) return sw(0x6a, 0x86);
        const value = (this.file === 'ef05' ? this.persona.ef05 : this.persona.ef06)[p1];
        if (!value) return sw(0x6a, 0x83);
        const tlv = [p1, value.length, ...value];
        if (le !== tlv.length) return sw(0x6c, tlv.length);
        return sw(0x90, 0x00, tlv);
      }
      default:
        return sw(0x6d, 0x00);
    }
  }
}
