import type { PinyinDictionary } from './pinyin-dictionary.js';

const MAX_PHRASE = 8;

/**
 * The words residents will type for this catalog, from its matter names, departments and materials:
 * each run of Chinese between punctuation when short, its dictionary words, and each pair of adjacent words
 * (不动产登记信息自助查询 → 不动产, 登记, 不动产登记, 登记信息, …), so that "bdcdj" finds 不动产登记.
 */
export function catalogVocabulary(texts: Iterable<string>, dictionary: PinyinDictionary): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(/[\u4e00-\u9fff〇]+/g) ?? []) {
      if (run.length >= 2 && run.length <= MAX_PHRASE) out.add(run);
      const words = dictionary.words(run);
      if (!words) continue;
      words.forEach((w, i) => {
        if (w.length >= 2) out.add(w);
        const next = words[i + 1];
        if (next && w.length + next.length <= MAX_PHRASE) out.add(w + next);
      });
    }
  }
  return out;
}
