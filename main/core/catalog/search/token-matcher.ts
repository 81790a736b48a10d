import type { NameToken } from './name-tokens.js';

/** How a query matched a run of name tokens; the worst step counts: characters > syllables > initials. */
export const MatchQuality = { None: 0, Initials: 1, Pinyin: 2, Characters: 3 } as const;
export type MatchQuality = (typeof MatchQuality)[keyof typeof MatchQuality];

/**
 * Does the whole query match a contiguous run of tokens? Each token is consumed by its character, a full
 * syllable, the leading part of its syllable (only at the end: the resident is still typing), or its initial
 * (`z`, or `zh`/`ch`/`sh`). Tries every start token whose character or reading begins with the query's first
 * character, depth first; a branch dies as soon as a token cannot continue the query, so the search stays tiny.
 * Returns the best quality over all starts and the first start reaching it, packed as `start * 4 + quality`
 * (start −1 when nothing matched) so that no object is allocated per name.
 */
export function matchTokensPacked(tokens: readonly NameToken[], q: string): number {
  let quality: MatchQuality = MatchQuality.None;
  let start = -1;
  const first = q.charCodeAt(0);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.first !== first && t.ch.charCodeAt(0) !== first) continue;
    const got = from(tokens, i, q, 0);
    if (got > quality) {
      quality = got;
      start = i;
      if (quality === MatchQuality.Characters) break;
    }
  }
  return start * 4 + quality;
}

function from(tokens: readonly NameToken[], i: number, q: string, j: number): MatchQuality {
  if (j === q.length) return MatchQuality.Characters;
  if (i === tokens.length) return MatchQuality.None;
  const t = tokens[i]!;
  let best: MatchQuality = MatchQuality.None;
  if (t.ch === q[j]) {
    best = from(tokens, i + 1, q, j + 1);
    if (best === MatchQuality.Characters) return best;
  }
  const c = q.charCodeAt(j);
  const rest = q.length - j;
  if (t.first !== c) return best;
  for (let k = 0; k < t.syllables.length; k++) {
    const s = t.syllables[k]!;
    if (rest >= s.length && q.startsWith(s, j)) best = max(best, min(MatchQuality.Pinyin, from(tokens, i + 1, q, j + s.length)));
    else if (rest >= 2 && rest < s.length && endsWithin(q, j, s)) best = max(best, MatchQuality.Pinyin);
    if (best >= MatchQuality.Pinyin) continue;
    if (s.length > 1 && s.charCodeAt(1) === 104 /* h */ && q.charCodeAt(j + 1) === 104 && (c === 122 || c === 99 || c === 115))
      best = max(best, min(MatchQuality.Initials, from(tokens, i + 1, q, j + 2)));
    if (best < MatchQuality.Initials) best = max(best, min(MatchQuality.Initials, from(tokens, i + 1, q, j + 1)));
  }
  return best;
}

const min = (a: MatchQuality, b: MatchQuality): MatchQuality => (a < b ? a : b);
const max = (a: MatchQuality, b: MatchQuality): MatchQuality => (a > b ? a : b);

/** Is q[j..] (the rest of the query) the start of syllable s? */
function endsWithin(q: string, j: number, s: string): boolean {
  for (let k = j; k < q.length; k++) if (q.charCodeAt(k) !== s.charCodeAt(k - j)) return false;
  return true;
}
