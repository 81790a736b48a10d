import { pinyin } from 'pinyin-pro';
import { colloquialTerms, type ColloquialTerm } from './colloquial-terms.js';
import { normalizeQuery } from './normalize.js';

/** One reading of the query: the normalized text and, when a colloquial term was replaced, which one. */
export interface QueryVariant {
  text: string;
  /** The colloquial term this reading replaced (低保), or null for the query as typed (less filler words). */
  via: string | null;
}

/**
 * Words that carry no matter: how residents wrap a request (我想…, …怎么办理, 在哪里…). Removed only when something
 * is left. 办理 and 查询 stay: matter names contain them.
 */
const filler =
  /请问|我想要|我想|我要|想要|需要|如何|怎么样|怎样|怎么|在哪里|在哪儿|在哪|去哪里|去哪|哪里|哪儿|一下|什么|多久|可以|能不能|吗|呢|啊|呀|的|了/g;

const trailingAction = /(怎么办|办理|申请|申领|手续|流程|材料|办)$/;

interface PreparedTerm extends ColloquialTerm {
  letters: string;
  initials: string;
}

const prepared: PreparedTerm[] = colloquialTerms.map((t) => {
  const syllables = pinyin(t.term, { type: 'array', toneType: 'none' });
  return { ...t, letters: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
});
// longer terms first, so 低收入证明 is replaced before anything inside it
prepared.sort((a, b) => b.term.length - a.term.length);

/**
 * The readings a search runs: the query as typed, the query without filler words, and each reading with one
 * colloquial term replaced by each of its official wordings (低保证明 → 最低生活保障证明). Capped at `max`.
 */
export function queryVariants(normalized: string, max = 10): QueryVariant[] {
  const out: QueryVariant[] = [{ text: normalized, via: null }];
  const seen = new Set([normalized]);
  const push = (text: string, via: string | null) => {
    if (text === '' || seen.has(text) || out.length >= max) return;
    seen.add(text);
    out.push({ text, via });
  };
  const stripped = normalized.replace(filler, '');
  if (stripped.length >= 1) push(stripped, null);
  // 低保办理, 准生证怎么办: what the resident wants done with the matter, which its name may not say
  const bare = stripped.replace(trailingAction, '');
  if (bare.length >= 2) push(bare, null);
  const expand = (bases: QueryVariant[]) => {
    for (const base of bases) {
      // a shorter term inside a longer one already read (社保 in 社保卡) is not read again
      const taken: [number, number][] = [];
      for (const t of prepared) {
        const at = base.text.indexOf(t.term);
        const atLetters = t.letters.length >= 4 ? base.text.indexOf(t.letters) : -1;
        const wholeInitials = t.term.length >= 3 && base.text === t.initials;
        if (at < 0 && atLetters < 0 && !wholeInitials) continue;
        const from = at >= 0 ? at : atLetters >= 0 ? atLetters : 0;
        const to = from + (at >= 0 ? t.term.length : atLetters >= 0 ? t.letters.length : base.text.length);
        if (taken.some(([a, b]) => from < b && to > a)) continue;
        taken.push([from, to]);
        for (const official of t.official) {
          if (official === t.term || base.text.includes(official)) continue;
          if (at >= 0) push(base.text.slice(0, at) + official + base.text.slice(at + t.term.length), base.via ?? t.term);
          else if (atLetters >= 0)
            push(base.text.slice(0, atLetters) + official + base.text.slice(atLetters + t.letters.length), base.via ?? t.term);
          else push(official, t.term);
        }
      }
    }
  };
  // the barest reading first: its expansions matter most when the cap is reached; a second round replaces a
  // second term (社保卡坏了 → 社会保障卡坏了 → 社会保障卡换领)
  const firstRound = [...out].reverse();
  expand(firstRound);
  expand(out.slice(firstRound.length));
  return out;
}

/** For tests and diagnostics: the readings of a raw query. */
export const variantsOf = (raw: string): QueryVariant[] => queryVariants(normalizeQuery(raw));
