import { ApproximateMatcher } from './fuzzy.js';
import { nameTokens, queryLetters, type NameToken } from './name-tokens.js';
import { isAsciiLetter, normalizeQuery } from './normalize.js';
import { MatchQuality, matchTokensPacked } from './token-matcher.js';

export interface SearchableMatter {
  id: string;
  name: string;
  aliases: string[];
  popularity: number;
  /** Can be done at this terminal. */
  terminal: boolean;
}

export type MatchKind = 'exact' | 'prefix' | 'substring' | 'pinyin' | 'initials' | 'fuzzy';

export interface SearchHit {
  /** The best implementation of the matched name (terminal-capable first, then most popular). */
  id: string;
  name: string;
  score: number;
  kind: MatchKind;
  /** The alias (colloquial name) that matched, when it was not the official name. */
  viaAlias: string | null;
  /** How many further agencies implement a matter of the same name. */
  otherImplementations: number;
}

/** One distinct searchable string (official name or alias) and the matters it stands for. */
interface Entry {
  text: string;
  plain: string;
  tokens: NameToken[];
  /** Primary reading of every token, concatenated (`hujizhengmingkaiju`); with ü also typed as u. */
  letters: string;
  lettersU: string;
  letterMask: number;
  charMask: number;
  official: string;
  alias: boolean;
  matters: SearchableMatter[];
  /** Index of the official name (shared by the name's entry and its aliases' entries). */
  officialId: number;
  /** Within-tier boost: popularity, can be done here, official name over alias, shorter (closer) names. */
  boost: number;
}

const kindNames: MatchKind[] = ['exact', 'prefix', 'substring', 'pinyin', 'initials', 'fuzzy'];
const Kind = { exact: 0, prefix: 1, substring: 2, pinyin: 3, initials: 4, fuzzy: 5 } as const;
const tierScores = [6000, 5000, 4000, 3000, 2000, 1000];
const letterBit = (code: number) => 1 << (code - 97);
const charBit = (code: number) => 1 << (code % 31);

/**
 * The matter search index. Works on distinct names (a city catalog lists one name once per implementing agency,
 * so 100,000 matters have a few thousand names), prefilters each query with letter and character bit masks,
 * then matches characters / pinyin / initials with one DP per candidate, and runs a typo pass (Myers) over the
 * names' pinyin when the query is long enough. Ranking: tier (exact > prefix > substring > pinyin > initials
 * > fuzzy) first, then popularity and whether the matter can be done at this terminal.
 */
export class SearchIndex {
  private readonly entries: Entry[] = [];
  readonly matterCount: number;
  private previous: { query: string; matched: number[] } | null = null;
  /** Names by the three-letter runs of their readings: where the typo pass looks for a surviving piece of the query. */
  private readonly trigrams = new Map<string, number[]>();
  private readonly fuzzySeen: Int32Array;
  private fuzzyStamp = 0;
  private readonly scratch: { bestScore: Float64Array; bestEntry: Int32Array; bestKind: Uint8Array; touched: number[] };

  /**
   * Results of one- and two-character queries, kept: every search starts with one of a few dozen first keystrokes,
   * and they are the broadest (slowest) queries. The index never changes after it is built, so they never go stale.
   */
  private readonly shortQueries = new Map<string, { hits: SearchHit[]; matched: number[] }>();

  constructor(
    matters: Iterable<SearchableMatter>,
    private readonly options: { cacheShortQueries?: boolean } = {},
  ) {
    const byText = new Map<string, Entry>();
    const tokenCache = new Map<string, NameToken[]>();
    let count = 0;
    const add = (text: string, official: string, alias: boolean, m: SearchableMatter) => {
      const key = `${alias ? 'a' : 'n'}:${text}`;
      let e = byText.get(key);
      if (!e) {
        let tokens = tokenCache.get(text);
        if (!tokens) tokenCache.set(text, (tokens = nameTokens(text)));
        e = {
          text,
          plain: tokens.map((t) => t.ch).join(''),
          tokens,
          letters: '',
          lettersU: '',
          letterMask: 0,
          charMask: 0,
          official,
          alias,
          matters: [],
          officialId: -1,
          boost: 0,
        };
        for (const t of tokens) {
          e.charMask |= charBit(t.ch.charCodeAt(0));
          for (const s of t.syllables) for (let i = 0; i < s.length; i++) e.letterMask |= letterBit(s.charCodeAt(i));
          if (isAsciiLetter(t.ch)) e.letterMask |= letterBit(t.ch.charCodeAt(0));
        }
        e.letters = tokens.map((t) => t.syllables[0] ?? t.ch).join('');
        e.lettersU = e.letters.replace(/v/g, 'u');
        byText.set(key, e);
      }
      e.matters.push(m);
    };
    for (const m of matters) {
      count++;
      add(m.name, m.name, false, m);
      for (const a of m.aliases) if (a !== m.name) add(a, m.name, true, m);
    }
    const officialIds = new Map<string, number>();
    for (const e of byText.values()) {
      e.matters.sort((a, b) => Number(b.terminal) - Number(a.terminal) || b.popularity - a.popularity || (a.id < b.id ? -1 : 1));
      const top = e.matters[0]!;
      e.boost = top.popularity + (top.terminal ? 150 : 0) - (e.alias ? 50 : 0) - Math.min(e.plain.length, 40);
      let o = officialIds.get(e.official);
      if (o === undefined) officialIds.set(e.official, (o = officialIds.size));
      e.officialId = o;
      this.entries.push(e);
    }
    this.matterCount = count;
    this.entries.forEach((e, i) => {
      const runs = new Set<string>();
      for (const text of [e.letters, e.lettersU]) for (let k = 0; k + 3 <= text.length; k++) runs.add(text.slice(k, k + 3));
      for (const run of runs) {
        let list = this.trigrams.get(run);
        if (!list) this.trigrams.set(run, (list = []));
        list.push(i);
      }
    });
    this.fuzzySeen = new Int32Array(this.entries.length);
    this.scratch = {
      bestScore: new Float64Array(officialIds.size),
      bestEntry: new Int32Array(officialIds.size).fill(-1),
      bestKind: new Uint8Array(officialIds.size),
      touched: [],
    };
  }

  get distinctNames(): number {
    return this.entries.length;
  }

  /** Forget the previous query (a new resident, a cleared field): the next search scans every name. */
  resetTyping(): void {
    this.previous = null;
  }

  search(raw: string, limit = 10): SearchHit[] {
    const q = normalizeQuery(raw);
    if (q === '') return [];
    const cacheable = (this.options.cacheShortQueries ?? true) && q.length <= 2;
    const cached = cacheable ? this.shortQueries.get(`${limit}:${q}`) : undefined;
    if (cached) {
      this.previous = { query: q, matched: cached.matched };
      return cached.hits.map((h) => ({ ...h }));
    }
    let letterMask = 0;
    let charMask = 0;
    let allLetters = true;
    for (let i = 0; i < q.length; i++) {
      const c = q.charCodeAt(i);
      if (c >= 97 && c <= 122) letterMask |= letterBit(c);
      else {
        charMask |= charBit(c);
        allLetters = false;
      }
    }
    // Best score so far per official name (names and their aliases share one slot); reset via `touched`.
    const { bestScore, bestEntry, bestKind, touched } = this.scratch;
    touched.length = 0;
    const consider = (index: number, kind: number, bonus: number) => {
      const e = this.entries[index]!;
      const score = tierScores[kind]! + bonus + e.boost;
      const o = e.officialId;
      if (bestEntry[o] === -1) touched.push(o);
      else if (bestScore[o]! >= score) return;
      bestScore[o] = score;
      bestEntry[o] = index;
      bestKind[o] = kind;
    };

    const entries = this.entries;
    // A keystroke that extends the previous query can only match what the previous query matched (before the typo
    // pass): every match of "hujiz" is a match of "huji". Searching just those keeps typing fast on big catalogs.
    const incremental = this.previous !== null && q.startsWith(this.previous.query);
    const candidates = incremental ? this.previous!.matched : null;
    const matched: number[] = [];
    const count = candidates ? candidates.length : entries.length;
    for (let n = 0; n < count; n++) {
      const i = candidates ? candidates[n]! : n;
      const e = entries[i]!;
      if ((e.letterMask & letterMask) !== letterMask || (e.charMask & charMask) !== charMask) continue;
      // Every letter of a letters-only match is consumed in order from the names' readings or initials.
      if (allLetters && !isSubsequence(q, e.letters) && (e.letters === e.lettersU || !isSubsequence(q, e.lettersU))) continue;
      const at = e.plain.indexOf(q);
      if (at >= 0) {
        consider(i, e.plain.length === q.length ? Kind.exact : at === 0 ? Kind.prefix : Kind.substring, -Math.min(at, 20) * 2);
        matched.push(i);
        continue;
      }
      const packed = matchTokensPacked(e.tokens, q);
      const quality = packed & 3;
      const start = packed >> 2;
      if (quality === MatchQuality.None) continue;
      matched.push(i);
      consider(i, quality === MatchQuality.Initials ? Kind.initials : Kind.pinyin, (start === 0 ? 100 : 0) - Math.min(start, 20) * 2);
    }

    const letters = touched.length < limit && (allLetters ? q.length >= 6 : q.length >= 2) ? queryLetters(q) : '';
    if (letters.length >= 6) {
      const maxEdits = letters.length >= 10 ? 2 : 1;
      // Pigeonhole: with k edits, one of k + 1 pieces of the query survives intact, so it must occur in the name.
      const pieces = splitEvenly(letters, maxEdits + 1);
      const approx = new ApproximateMatcher(letters);
      let lettersMask = 0;
      for (let i = 0; i < letters.length; i++) lettersMask |= letterBit(letters.charCodeAt(i));
      const stamp = ++this.fuzzyStamp;
      for (const piece of pieces) {
        for (const i of this.trigrams.get(piece.slice(0, 3)) ?? []) {
          if (this.fuzzySeen[i] === stamp) continue;
          this.fuzzySeen[i] = stamp;
          const e = entries[i]!;
          if (bestEntry[e.officialId] !== -1 || bitCount(lettersMask & ~e.letterMask) > maxEdits) continue;
          if (!pieces.some((p) => e.letters.includes(p) || e.lettersU.includes(p))) continue;
          // a query with characters in it keeps at least one of them (户籍zm must not turn up 初级中学)
          if (!allLetters && (e.charMask & charMask) === 0) continue;
          const d = approx.distance(e.letters, maxEdits);
          if (d === 0) consider(i, Kind.pinyin, -50);
          else if (d <= maxEdits) consider(i, Kind.fuzzy, -d * 200);
        }
      }
    }

    // Top `limit` by score (ties by name), without sorting every match.
    const top: number[] = [];
    const better = (a: number, b: number) =>
      bestScore[a]! > bestScore[b]! ||
      (bestScore[a] === bestScore[b] && entries[bestEntry[a]!]!.official < entries[bestEntry[b]!]!.official);
    for (const o of touched) {
      if (top.length === limit && !better(o, top[top.length - 1]!)) continue;
      let k = top.length === limit ? limit - 1 : top.length;
      while (k > 0 && better(o, top[k - 1]!)) k--;
      top.splice(k, 0, o);
      if (top.length > limit) top.pop();
    }
    const hits = top.map((o) => {
      const e = entries[bestEntry[o]!]!;
      return {
        id: e.matters[0]!.id,
        name: e.official,
        score: bestScore[o]!,
        kind: kindNames[bestKind[o]!]!,
        viaAlias: e.alias ? e.text : null,
        otherImplementations: e.matters.length - 1,
      };
    });
    for (const o of touched) bestEntry[o] = -1;
    this.previous = { query: q, matched };
    if (cacheable && this.shortQueries.size < 256) this.shortQueries.set(`${limit}:${q}`, { hits: hits.map((h) => ({ ...h })), matched });
    return hits;
  }
}

function isSubsequence(q: string, text: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length && j < q.length; i++) if (text.charCodeAt(i) === q.charCodeAt(j)) j++;
  return j === q.length;
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n >>> 0; v !== 0; v &= v - 1) c++;
  return c;
}

function splitEvenly(text: string, parts: number): string[] {
  const size = Math.floor(text.length / parts);
  return Array.from({ length: parts }, (_, i) => text.slice(i * size, i === parts - 1 ? text.length : (i + 1) * size));
}
