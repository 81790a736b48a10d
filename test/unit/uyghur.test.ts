import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../renderer/src/i18n/format.js';
import { directionOf, languageNames, nextLanguage } from '../../renderer/src/i18n/index.js';
import { uyghurAlphabet, uyghurKeyRows } from '../../renderer/src/keyboard/ug-layout.js';

const font = fontkit.create(readFileSync(new URL('../../renderer/src/theme/fonts/UKIJTuT.ttf', import.meta.url)));

describe('Uyghur', () => {
  it('the bundled font has every letter, the six vowels with their hamza carrier, and joins them', () => {
    for (const letter of [...uyghurAlphabet, 'ئ']) expect(font.hasGlyphForCodePoint(letter.codePointAt(0)!), letter).toBe(true);
    // ئا ئە ئو ئۇ ئۆ ئۈ and ې ى ۆ ۈ ۋ inside a word take joined forms, not the isolated ones
    for (const word of ['ئۆيگە', 'بېرىڭ', 'ئۈچۈن', 'ۋاقىت', 'كۆرۈش']) {
      const joined = font.layout(word).glyphs.map((g) => g.id);
      const isolated = [...word].map((c) => font.layout(c).glyphs[0]!.id);
      expect(joined, word).not.toEqual(isolated);
    }
  });

  it('the on-screen keyboard layout has each letter once, plus the hamza carrier', () => {
    const keys = uyghurKeyRows.flat();
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...uyghurAlphabet, 'ئ'].sort());
  });

  it('is written right to left, named in itself, and reachable from the language button', () => {
    expect(directionOf('ug')).toBe('rtl');
    expect(languageNames.ug).toBe('ئۇيغۇرچە');
    expect(nextLanguage(['zh-CN', 'en', 'ug'], 'en')).toBe('ug');
    expect(nextLanguage(['zh-CN', 'en', 'ug'], 'ug')).toBe('zh-CN');
  });

  it('dates in Uyghur: year, day-month and weekday, in the terminal zone', () => {
    const at = '2026-11-30T06:40:00Z';
    expect(formatDate(at, 'Asia/Shanghai', 'ug')).toBe('2026-يىلى 30-نويابىر');
    expect(formatDate(at, 'Asia/Shanghai', 'ug', { weekday: true })).toBe('2026-يىلى 30-نويابىر، دۈشەنبە');
    expect(formatDateTime(at, 'Asia/Shanghai', 'ug')).toBe('2026-يىلى 30-نويابىر 14:40');
  });
});
