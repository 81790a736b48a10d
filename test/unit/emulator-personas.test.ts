import { describe, expect, it } from 'vitest';
import { decodeTextBlock, isExpired } from '../../devices/id-card/text-block.js';
import { personas, personasOn, textBlock } from '../../emulators/idcard/personas.js';
import { ssPersonas, ssPersonasOn } from '../../emulators/smartcard/card.js';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const inYears = (years: number) =>
  new Date(Date.UTC(new Date().getUTCFullYear() + years, new Date().getUTCMonth(), new Date().getUTCDate()));
const bcdDate = (bytes: number[] | undefined) => {
  const digits = (bytes ?? []).map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
};

describe('emulator personas never rot', () => {
  it('every ID card persona is valid today except the one meant to be expired (the Hong Kong permit included)', () => {
    const today = isoDay(new Date());
    for (const p of personas) {
      const id = decodeTextBlock(textBlock(p));
      expect(id.ok, p.id).toBe(true);
      if (!id.ok) continue;
      expect(isExpired(id.value, today), `${p.id} valid to ${id.value.validTo}`).toBe(p.id === 'expired');
      if (id.value.validFrom !== null) expect(id.value.validFrom < today, `${p.id} issued before today`).toBe(true);
    }
  });

  it('stays so when the emulator runs ten years from now', () => {
    const later = inYears(10);
    for (const p of personasOn(later)) {
      const id = decodeTextBlock(textBlock(p));
      expect(id.ok && isExpired(id.value, isoDay(later)), p.id).toBe(p.id === 'expired');
    }
  });

  it('social security cards are within their validity today and ten years from now', () => {
    for (const [cards, day] of [
      [ssPersonas, isoDay(new Date())],
      [ssPersonasOn(inYears(10)), isoDay(inYears(10))],
    ] as const) {
      for (const c of cards) {
        expect(bcdDate(c.ef05[0x05]) < day, `${c.id} issued before ${day}`).toBe(true);
        expect(bcdDate(c.ef05[0x06]) > day, `${c.id} expires after ${day}`).toBe(true);
      }
    }
  });
});
