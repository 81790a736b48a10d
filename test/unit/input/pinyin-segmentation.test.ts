import { describe, expect, it } from 'vitest';
import { segmentPinyin, type SyllableTable } from '../../../main/core/input/pinyin-segmentation.js';

const syllables = ['xi', 'an', 'xian', 'xiang', 'fang', 'fan', 'gan', 'shen', 'fen', 'zheng', 'a', 'lv', 'e'];
const table: SyllableTable = {
  syllables: new Set(syllables),
  syllablePrefixes: new Set(syllables.flatMap((s) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(0, i + 1)))),
};
const read = (input: string) => segmentPinyin(input, table).map((s) => s.segments.map((p) => p.letters + (p.whole ? '' : '*')).join(' '));

describe('pinyin segmentation', () => {
  it('keeps both readings of an ambiguous run, the fewer syllables first', () => {
    expect(read('xian')).toEqual(['xian', 'xi an']);
    expect(read('fangan')).toEqual(expect.arrayContaining(['fang an', 'fan gan']));
  });

  it('reads initials and unfinished syllables as open pieces', () => {
    expect(read('sfz')).toEqual(['s* f* z*']);
    expect(read('shenfenz')[0]).toBe('shen fen z*');
  });

  it('splits at an apostrophe and reads ü typed as v or as ü', () => {
    expect(read("xi'an")).toEqual(['xi an']);
    expect(read('lü')).toEqual(['lv']);
  });

  it('gives nothing for letters no syllable starts with', () => {
    expect(read('i')).toEqual([]);
    expect(read('x1')).toEqual([]);
  });
});
