import type { NameToken } from './name-tokens.js';
import { MatchQuality } from './token-matcher.js';

/** How the query's pieces were found in a name, spread out (不动产 … 查询) and in any order. */
export interface Cover {
  /** Query characters found, of `q.length`. */
  covered: number;
  pieces: number;
  /** The worst quality of any piece (characters > syllables > initials). */
  quality: MatchQuality;
  /** A piece found before the one typed ahead of it (查询不动产). */
  outOfOrder: boolean;
  /** Name tokens between the first and the last matched one that belong to no piece. */
  gap: number;
  /** Pieces of one lone token, a character or a syllable (准 … 生 … 证, shi … ye): a weak cover. */
  singles: number;
}

const MAX_TOKENS = 256;
const none: Cover = { covered: 0, pieces: 0, quality: MatchQuality.None, outOfOrder: false, gap: 0, singles: 0 };
const used = new Uint8Array(MAX_TOKENS);

/**
 * Covers the query with runs of name tokens, greedily (with `requireAll`, gives up at the first query character
 * no run covers): from each query position, the longest run found anywhere
 * among the tokens not used yet (each token consumed by its character, a full syllable, its initial, or — at the
 * very end of the query — the first letters of its syllable). Query characters no run starts with are left
 * uncovered. A run of letters must be a syllable or initials of two or more tokens: a lone initial matched
 * anywhere is noise.
 */
export function coverQuery(tokens: readonly NameToken[], q: string, requireAll = false): Cover {
  const n = Math.min(tokens.length, MAX_TOKENS);
  used.fill(0, 0, n);
  let covered = 0;
  let pieces = 0;
  let quality: MatchQuality = MatchQuality.Characters;
  let outOfOrder = false;
  let lastEnd = -1;
  let lo = MAX_TOKENS;
  let hi = -1;
  let usedTokens = 0;
  let singles = 0;
  let j = 0;
  while (j < q.length) {
    const c = q.charCodeAt(j);
    let best = 0;
    let bestStart = -1;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      const t = tokens[i]!;
      if (t.first !== c && t.ch.charCodeAt(0) !== c) continue;
      const packed = run(tokens, n, i, q, j, j, i);
      if (packed === 0) continue;
      // longer, then better quality, then fewer tokens; ties: the first start after the previous piece
      if (packed > best || (packed === best && bestStart < lastEnd && i >= lastEnd)) {
        best = packed;
        bestStart = i;
      }
    }
    const consumed = best >> 10;
    const q1 = ((best >> 8) & 3) as MatchQuality;
    const ntok = 255 - (best & 255);
    if (bestStart < 0 || !acceptable(q, j, consumed, q1, ntok)) {
      if (requireAll) return none;
      j++;
      continue;
    }
    for (let k = bestStart; k < bestStart + ntok; k++) used[k] = 1;
    if (bestStart < lastEnd) outOfOrder = true;
    lastEnd = bestStart + ntok;
    lo = Math.min(lo, bestStart);
    hi = Math.max(hi, lastEnd - 1);
    usedTokens += ntok;
    covered += consumed;
    if (ntok === 1) singles++;
    pieces++;
    if (q1 < quality) quality = q1;
    j += consumed;
  }
  return {
    covered,
    pieces,
    quality: pieces === 0 ? MatchQuality.None : quality,
    outOfOrder,
    gap: hi < 0 ? 0 : hi - lo + 1 - usedTokens,
    singles,
  };
}

function acceptable(q: string, j: number, consumed: number, quality: MatchQuality, ntok: number): boolean {
  if (consumed === 0) return false;
  const c = q.charCodeAt(j);
  const letters = c >= 97 && c <= 122;
  if (!letters) return true;
  if (quality === MatchQuality.Initials) return ntok >= 2;
  return consumed >= 2;
}

/**
 * Longest run of unused tokens from token i (the run started at token i0, query position j0) that consumes q from
 * position j: packed as `consumed << 10 | quality << 8 | (255 - tokens)` so that a plain comparison prefers
 * longer, then better, then shorter runs. 0 when nothing was consumed.
 */
function run(tokens: readonly NameToken[], n: number, i: number, q: string, j: number, j0: number, i0: number): number {
  if (j === q.length || i === n || used[i]) return 0;
  const t = tokens[i]!;
  let best = 0;
  if (t.ch === q[j]) best = step(tokens, n, i, q, j + 1, j0, i0, MatchQuality.Characters, best);
  const c = q.charCodeAt(j);
  if (t.first !== c) return best;
  const rest = q.length - j;
  for (const s of t.syllables) {
    if (rest >= s.length && q.startsWith(s, j)) best = step(tokens, n, i, q, j + s.length, j0, i0, MatchQuality.Pinyin, best);
    else if (rest >= 2 && rest < s.length && restStartsSyllable(q, j, s))
      best = step(tokens, n, i, q, q.length, j0, i0, MatchQuality.Pinyin, best);
    if (best >> 10 >= q.length - j0) continue;
    if (s.length > 1 && s.charCodeAt(1) === 104 && q.charCodeAt(j + 1) === 104 && (c === 122 || c === 99 || c === 115))
      best = step(tokens, n, i, q, j + 2, j0, i0, MatchQuality.Initials, best);
    best = step(tokens, n, i, q, j + 1, j0, i0, MatchQuality.Initials, best);
  }
  return best;
}

/** Token i consumed q up to nextJ with `quality`: the better of stopping here and running on. */
function step(
  tokens: readonly NameToken[],
  n: number,
  i: number,
  q: string,
  nextJ: number,
  j0: number,
  i0: number,
  quality: MatchQuality,
  best: number,
): number {
  const here = ((nextJ - j0) << 10) | (quality << 8) | (255 - (i + 1 - i0));
  const further = nextJ < q.length ? run(tokens, n, i + 1, q, nextJ, j0, i0) : 0;
  // a run's quality is its worst step
  const candidate = further > 0 ? (further & ~(3 << 8)) | (Math.min(quality, (further >> 8) & 3) << 8) : here;
  return candidate > best ? candidate : best;
}

/** Is q[j..] (the end of the query) the start of syllable s? */
function restStartsSyllable(q: string, j: number, s: string): boolean {
  for (let k = j; k < q.length; k++) if (q.charCodeAt(k) !== s.charCodeAt(k - j)) return false;
  return true;
}
