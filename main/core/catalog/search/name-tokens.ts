import { pinyin } from 'pinyin-pro';
import { isAsciiLetter, normalizeQuery, plainSyllable } from './normalize.js';

/** One searchable character of a name: the character itself and the syllables a resident may type for it. */
export interface NameToken {
  ch: string;
  /** Readings, plain letters; empty for letters and digits (which match only themselves). */
  syllables: string[];
  /** Char code of the first letter of its reading (or of the character itself): where a match may start. */
  first: number;
}

/**
 * Splits a name into tokens with context-aware pinyin (pinyin-pro picks 银行 → hang). Punctuation is dropped so
 * a query runs across brackets. ü gets `v` and, as many people type it, `u`.
 */
export function nameTokens(name: string): NameToken[] {
  const out: NameToken[] = [];
  for (const item of pinyin(name.normalize('NFKC'), { type: 'all', toneType: 'none' })) {
    const ch = item.origin.toLowerCase();
    if (item.isZh && item.pinyin) {
      const main = plainSyllable(item.pinyin);
      out.push({ ch, syllables: main.includes('v') ? [main, main.replace(/v/g, 'u')] : [main], first: main.charCodeAt(0) });
    } else if (normalizeQuery(ch) !== '') out.push({ ch, syllables: [], first: ch.charCodeAt(0) });
  }
  return out;
}

/** The query's pinyin letters (Chinese characters replaced by their reading), for the typo-tolerant pass. */
export function queryLetters(normalized: string): string {
  if (![...normalized].some((c) => !isAsciiLetter(c))) return normalized;
  return pinyin(normalized, { type: 'array', toneType: 'none', nonZh: 'consecutive' })
    .map(plainSyllable)
    .join('')
    .replace(/[^a-z0-9]/g, '');
}
