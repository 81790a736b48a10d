import { describe, expect, it } from 'vitest';
import { CaseBook } from '../../../emulators/platform/case-book.js';
import { buildCatalog } from '../../../emulators/platform/dataset.js';

const catalog = new Map(buildCatalog(1).map((m) => [m.id, m]));

describe("the platform emulator's case book", () => {
  it('just after midnight in Shanghai, a story that happened "today at 08:30" is still in the past and in order', () => {
    const now = Date.parse('2026-11-29T16:30:00Z'); // 00:30 in Shanghai
    const book = new CaseBook(catalog, { publicUrl: 'https://platform.test', now: () => now });
    for (const { caseNumber } of book.samples()) {
      const c = book.lookup('T', caseNumber, book.samples().find((s) => s.caseNumber === caseNumber)!.queryCode);
      if (!('found' in c)) throw new Error(`${caseNumber} not found`);
      const times = (c.found.timeline as { at: string }[]).map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThan(now);
    }
  });

  it('case numbers are unique and dated by the Shanghai day of submission; query codes avoid look-alike characters', () => {
    const now = Date.parse('2026-11-30T06:00:00Z');
    const samples = new CaseBook(catalog, { publicUrl: 'https://platform.test', now: () => now }).samples();
    expect(new Set(samples.map((s) => s.caseNumber)).size).toBe(samples.length);
    for (const s of samples) {
      expect(s.caseNumber).toMatch(/^\d{6}202\d{5}\d{6}$/);
      expect(s.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    }
  });

  it('a throttled case can be looked up again once the ten-minute window has passed', () => {
    let now = Date.parse('2026-11-30T06:00:00Z');
    const book = new CaseBook(catalog, { publicUrl: 'https://platform.test', now: () => now });
    const s = book.samples()[0]!;
    for (let i = 0; i < 5; i++) expect(book.lookup(`T${i}`, s.caseNumber, 'WRONG')).toEqual({ refused: 'noMatch' });
    expect(book.lookup('T9', s.caseNumber, s.queryCode)).toEqual({ refused: 'throttled' });
    now += 10 * 60_000 + 1;
    expect(book.lookup('T9', s.caseNumber, s.queryCode)).toHaveProperty('found');
  });
});
