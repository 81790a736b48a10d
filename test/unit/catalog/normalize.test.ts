import { describe, expect, it } from 'vitest';
import { nameTokens, queryLetters } from '../../../main/core/catalog/search/name-tokens.js';
import { normalizeQuery } from '../../../main/core/catalog/search/normalize.js';

describe('query normalization', () => {
  it.each([
    ['hu ji zheng ming', 'hujizhengming'],
    ['hù jí zhèng míng', 'hujizhengming'],
    ['hu4 ji2 zheng4 ming2', 'hujizhengming'],
    ['HJZM', 'hjzm'],
    ['ｈｊｚｍ', 'hjzm'],
    ['lü shi', 'lvshi'],
    ['lu:shi', 'lvshi'],
    ['户籍 zm', '户籍zm'],
    ['（户籍）证明', '户籍证明'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it('keeps digits that are part of a name, not taken for tones', () => {
    expect(normalizeQuery('3岁以下')).toBe('3岁以下');
    expect(normalizeQuery('12345')).toBe('12345');
  });
});

describe('name tokens', () => {
  it('reads characters in context (银行 is yin hang) and drops punctuation', () => {
    const tokens = nameTokens('银行卡（维护）');
    expect(tokens.map((t) => t.ch).join('')).toBe('银行卡维护');
    expect(tokens.map((t) => t.syllables[0])).toEqual(['yin', 'hang', 'ka', 'wei', 'hu']);
  });

  it('offers ü both as v and as u, as people type it either way', () => {
    expect(nameTokens('律师')[0]!.syllables).toEqual(['lv', 'lu']);
  });

  it('turns the Chinese part of a mixed query into letters for the typo pass', () => {
    expect(queryLetters('户籍zm')).toBe('hujizm');
  });
});
