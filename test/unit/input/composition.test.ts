import { describe, expect, it } from 'vitest';
import {
  chooseCandidate,
  composingLetters,
  contextBefore,
  deleteLast,
  insertText,
  typeLetter,
  type Composition,
} from '../../../renderer/src/keyboard/composition.js';

const type = (c: Composition, letters: string) => [...letters].reduce((acc, l) => typeLetter(acc, l, 200), c);

describe('pinyin composition in a field', () => {
  it('shows the letters in the field while composing, after any text already there', () => {
    const c = type({ value: '我要', from: null }, 'budong');
    expect(c.value).toBe('我要budong');
    expect(composingLetters(c)).toBe('budong');
    expect(contextBefore(c)).toBe('我要');
  });

  it('replaces the letters a candidate uses and keeps composing the rest', () => {
    const c = type({ value: '', from: null }, 'budongchanchaxun');
    const chosen = chooseCandidate(c, { text: '不动产', consumed: 10 }, 200);
    expect(chosen.value).toBe('不动产chaxun');
    expect(composingLetters(chosen)).toBe('chaxun');
    expect(contextBefore(chosen)).toBe('不动产');
    const done = chooseCandidate(chosen, { text: '查询', consumed: 6 }, 200);
    expect(done).toEqual({ value: '不动产查询', from: null });
  });

  it('deletes composing letters one by one, then the text before them', () => {
    let c = type({ value: '户', from: null }, 'ji');
    c = deleteLast(c);
    expect(composingLetters(c)).toBe('j');
    c = deleteLast(c);
    expect(c).toEqual({ value: '户', from: null });
    expect(deleteLast(c).value).toBe('');
  });

  it('ends the composition when text is inserted or the field is cleared under it', () => {
    const c = type({ value: '', from: null }, 'ab');
    expect(insertText(c, '籍', 200)).toEqual({ value: 'ab籍', from: null });
    expect(composingLetters({ value: '', from: c.from })).toBe('');
  });

  it('never grows the field past its maximum length', () => {
    expect([...'abc'].reduce((acc, l) => typeLetter(acc, l, 32), { value: 'x'.repeat(31), from: null } as Composition).value).toHaveLength(
      32,
    );
    expect(chooseCandidate(type({ value: '', from: null }, 'shenfenzheng'), { text: '身份证', consumed: 12 }, 2).value).toBe('身份');
  });
});
