/**
 * Query normalization: what a resident may type for the same thing. Full-width → half-width, lower case,
 * tone marks and tone digits dropped (`hù jí` and `hu4ji2` → `huji`), ü / u: / v all → `v`, spaces and
 * separators removed. Chinese characters and other digits are kept.
 */
export function normalizeQuery(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase();
  s = s.replace(/u:|[üǖǘǚǜ]/g, 'v');
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/([a-z])[1-5](?=[a-z]|$|\s)/g, '$1');
  return s.replace(/[\s'’·\-_.,，。、()（）【】[\]《》<>“”"!?？！:：;；/\\]+/g, '');
}

/** Pinyin as the index stores it: plain letters, ü as `v`. */
export function plainSyllable(syllable: string): string {
  return syllable
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

export const isAsciiLetter = (c: string): boolean => c >= 'a' && c <= 'z';
export const isHan = (c: string): boolean => /\p{Script=Han}/u.test(c);
