import { ApproximateMatcher } from './fuzzy.js';
import { coverQuery } from './gapped-match.js';
import { nameTokens, queryLetters, type NameToken } from './name-tokens.js';
import { isAsciiLetter, normalizeQuery } from './normalize.js';
import { queryVariants } from './query-variants.js';
import { isLocal } from './region.js';
import { MatchQuality, matchTokensPacked } from './token-matcher.js';

export interface SearchableMatter {
  id: string;
  name: string;
  aliases: string[];
  popularity: number;
  /** Can be done at this terminal. */
  terminal: boolean;
  /** Where the matter is implemented: GB/T 2260 code and name (absent: not known, treated as local). */
  regionCode?: string | null;
  region?: string | null;
}

export type MatchKind = 'exact' | 'prefix' | 'substring' | 'pinyin' | 'initials' | 'gapped' | 'partial' | 'fuzzy';

export interface SearchHit {
  /** The best implementation of the matched name (terminal-capable first, then most popular). */
  id: string;
  name: string;
  score: number;
  kind: MatchKind;
  /** The alias or colloquial term (低保) that matched, when it was not the official name. */
  viaAlias: string | null;
  /** How many further agencies implement a matter of the same name. */
  otherImplementations: number;
  /** The implementing region's name when the matter is implemented outside this terminal's region, else null. */
  region: string | null;
}

export interface SearchIndexOptions {
  cacheShortQueries?: boolean;
  /** This terminal's GB/T 2260 region code: matters implemented elsewhere show only when nothing local matches. */
  terminalRegion?: string | null;
}

/** One distinct searchable string (official name or alias), local or elsewhere, and the matters it stands for. */
interface Entry {
  text: string;
  plain: string;
  tokens: NameToken[];
  /** Primary reading of every token, concatenated (`hujizhengmingkaiju`); with ü also typed as u. */
  letters: string;
  lettersU: string;
  /** First letter of every token's reading (`hjzmkj`). */
  initials: string;
  letterMask: number;
  charMask: number;
  official: string;
  alias: boolean;
  local: boolean;
  matters: SearchableMatter[];
  /** Slot of the official name (shared by the name's entry and its aliases' entries, per local/elsewhere). */
  officialId: number;
  /** Within-tier boost: popularity, can be done here, official name over alias, shorter (closer) names. */
  boost: number;
}

const kindNames: MatchKind[] = ['exact', 'prefix', 'substring', 'pinyin', 'initials', 'gapped', 'partial', 'fuzzy'];
const Kind = { exact: 0, prefix: 1, substring: 2, pinyin: 3, initials: 4, gapped: 5, partial: 6, fuzzy: 7 } as const;
const tierScores = [6000, 5000, 4000, 3000, 2000, 0, 0, 1000];
/** Gapped matches by their worst piece: characters, syllables, initials. */
const gappedScores = { [MatchQuality.Characters]: 3500, [MatchQuality.Pinyin]: 2500, [MatchQuality.Initials]: 1500 } as Record<
  number,
  number
>;
/** A reading with a colloquial term replaced ranks a little below the query as typed. */
const VIA_TERM_PENALTY = 80;
const FILLER_PENALTY = 20;
/** Below this a hit is weak (a typo, a partial cover, initials scattered over a name): shown only when nothing is strong. */
const STRONG_SCORE = 1900;
/** Part of the query's characters a partial cover must find. */
const PARTIAL_MIN = 0.6;
/** Names a partial pass covers at most (those holding the most of the query's characters). */
const PARTIAL_CANDIDATES = 300;
/** The largest within-tier boost: popularity 100 and "can be done here" 150. */
const MAX_BOOST = 250;
/** The most a gapped cover scores before its boost. */
const gappedMax = (allLetters: boolean) => gappedScores[allLetters ? MatchQuality.Pinyin : MatchQuality.Characters]!;
/** The most any match of the query scores before its boost: a name of letters can only match by its readings. */
const highestScore = (allLetters: boolean, asciiNames: boolean, syllabic: boolean) =>
  !allLetters || asciiNames ? tierScores[Kind.exact]! : tierScores[syllabic ? Kind.pinyin : Kind.initials]! + 100;
const letterBit = (code: number) => 1 << (code - 97);
/** The two-letter beginnings a run of tokens from token i can have (a syllable's first two letters, two initials). */
function startsOf(tokens: readonly NameToken[], add: (bigram: string) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    for (const s of tokens[i]!.syllables) if (s.length >= 2) add(s.slice(0, 2));
    const next = tokens[i + 1];
    if (next) add(String.fromCharCode(tokens[i]!.first, next.first));
  }
}
const charBit = (code: number) => 1 << (code % 31);
const isHanCode = (c: number) => c >= 0x3400 && c <= 0x9fff;

/**
 * The matter search index. Works on distinct names (a city catalog lists one name once per implementing agency),
 * prefilters each query with letter and character bit masks, then matches characters / pinyin / initials as one
 * run or as pieces spread over the name in any order (不动产 … 查询), reads the query again with colloquial terms
 * replaced (低保 → 最低生活保障), runs a typo pass (Myers) over the names' pinyin and initials, and only when
 * nothing covers the whole query offers names that cover most of it. Weak hits (typos, partial covers) are dropped
 * when strong ones exist, and matters implemented outside this terminal's region when local ones match.
 */
export class SearchIndex {
  private readonly entries: Entry[] = [];
  readonly matterCount: number;
  /** The previous query and the names that passed its prefilter (null when its scan stopped early: not all of them). */
  private previous: { query: string; matched: number[] | null } | null = null;
  /** Names by the three-letter runs of their readings: where the typo pass looks for a surviving piece of the query. */
  private readonly trigrams = new Map<string, number[]>();
  /** Names by the two-letter runs of their initials: the initials typo pass. */
  private readonly initialBigrams = new Map<string, number[]>();
  /** Names by the two letters a run of their tokens can begin with: where a query of letters can match at all. */
  private readonly startPostings = new Map<string, number[]>();
  /** Names by each Chinese character they contain: the partial pass. */
  private readonly hanPostings = new Map<string, number[]>();
  private readonly seen: Int32Array;
  /** The last typo pass: its letters, edit budget, and the names within it. */
  private previousTypos: { letters: string; maxEdits: number; matched: number[] } | null = null;
  /** Some name holds Latin letters (its plain text could contain a query of letters). */
  private readonly asciiNames: boolean;
  /** Every syllable of the names' readings, and every beginning (two letters or more) of one. */
  private readonly syllables = new Set<string>();
  private readonly syllableStarts = new Set<string>();
  /** How the names read each character (its first reading seen). */
  private readonly readings = new Map<string, string>();
  /** Names that matched no run of the query: tried as gapped covers once the contiguous pass is done. */
  private readonly needCover: number[] = [];
  private readonly hanCount: Uint8Array;
  private stamp = 0;
  private readonly scratch: {
    bestScore: Float64Array;
    bestEntry: Int32Array;
    bestKind: Uint8Array;
    bestVia: (string | null)[];
    strong: Uint8Array;
    touched: number[];
  };

  /**
   * Results of one- and two-character queries, kept: every search starts with one of a few dozen first keystrokes,
   * and they are the broadest (slowest) queries. The index never changes after it is built, so they never go stale.
   */
  private readonly shortQueries = new Map<string, { hits: SearchHit[]; matched: number[] | null }>();

  constructor(
    matters: Iterable<SearchableMatter>,
    private readonly options: SearchIndexOptions = {},
  ) {
    const byText = new Map<string, Entry>();
    const tokenCache = new Map<string, NameToken[]>();
    // one object per character and reading: a big catalog repeats the same few thousand
    const interned = new Map<string, NameToken>();
    const intern = (t: NameToken) => {
      const key = `${t.ch}|${t.syllables.join(',')}`;
      let shared = interned.get(key);
      if (!shared) interned.set(key, (shared = t));
      return shared;
    };
    let count = 0;
    const add = (text: string, official: string, alias: boolean, local: boolean, m: SearchableMatter) => {
      const key = `${local ? 'l' : 'e'}${alias ? 'a' : 'n'}:${text}`;
      let e = byText.get(key);
      if (!e) {
        let tokens = tokenCache.get(text);
        if (!tokens) tokenCache.set(text, (tokens = nameTokens(text).map(intern)));
        e = {
          text,
          plain: tokens.map((t) => t.ch).join(''),
          tokens,
          letters: '',
          lettersU: '',
          initials: tokens.map((t) => (t.syllables[0] ?? t.ch)[0]).join(''),
          letterMask: 0,
          charMask: 0,
          official,
          alias,
          local,
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
      const local = isLocal(m.regionCode, options.terminalRegion);
      add(m.name, m.name, false, local, m);
      for (const a of m.aliases) if (a !== m.name) add(a, m.name, true, local, m);
    }
    const officialIds = new Map<string, number>();
    for (const e of byText.values()) {
      e.matters.sort((a, b) => Number(b.terminal) - Number(a.terminal) || b.popularity - a.popularity || (a.id < b.id ? -1 : 1));
      const top = e.matters[0]!;
      e.boost = top.popularity + (top.terminal ? 150 : 0) - (e.alias ? 50 : 0) - Math.min(e.plain.length, 40);
      const slot = `${e.local ? 'l' : 'e'}:${e.official}`;
      let o = officialIds.get(slot);
      if (o === undefined) officialIds.set(slot, (o = officialIds.size));
      e.officialId = o;
      this.entries.push(e);
    }
    this.matterCount = count;
    // Most boosted names first: a scan that has enough hits no later name could outrank stops early.
    this.entries.sort((a, b) => b.boost - a.boost || (a.text < b.text ? -1 : a.text > b.text ? 1 : Number(a.local) - Number(b.local)));
    const post = (map: Map<string, number[]>, key: string, i: number) => {
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      if (list[list.length - 1] !== i) list.push(i);
    };
    this.entries.forEach((e, i) => {
      for (const text of e.letters === e.lettersU ? [e.letters] : [e.letters, e.lettersU])
        for (let k = 0; k + 3 <= text.length; k++) post(this.trigrams, text.slice(k, k + 3), i);
      for (let k = 0; k + 2 <= e.initials.length; k++) post(this.initialBigrams, e.initials.slice(k, k + 2), i);
      for (const t of e.tokens) if (isHanCode(t.ch.charCodeAt(0))) post(this.hanPostings, t.ch, i);
      startsOf(e.tokens, (bigram) => post(this.startPostings, bigram, i));
    });
    this.seen = new Int32Array(this.entries.length);
    this.asciiNames = this.entries.some((e) => /[a-z]/.test(e.plain));
    for (const e of this.entries)
      for (const t of e.tokens)
        for (const syl of t.syllables) {
          if (!this.readings.has(t.ch)) this.readings.set(t.ch, syl);
          this.syllables.add(syl);
          for (let k = 2; k < syl.length; k++) this.syllableStarts.add(syl.slice(0, k));
        }
    this.hanCount = new Uint8Array(this.entries.length);
    this.scratch = {
      bestScore: new Float64Array(officialIds.size),
      bestEntry: new Int32Array(officialIds.size).fill(-1),
      bestKind: new Uint8Array(officialIds.size),
      bestVia: new Array<string | null>(officialIds.size).fill(null),
      strong: new Uint8Array(officialIds.size),
      touched: [],
    };
  }

  get distinctNames(): number {
    return this.entries.length;
  }

  /** Forget the previous query (a new resident, a cleared field): the next search scans every name. */
  resetTyping(): void {
    this.previous = null;
    this.previousTypos = null;
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
    const { bestEntry, touched } = this.scratch;
    touched.length = 0;

    const variants = queryVariants(q);
    // A keystroke that extends the previous query can only pass the prefilter where the previous one passed:
    // searching just those keeps typing fast on big catalogs.
    // Not from letters to a first character: a query with characters is matched in any order (户 before hsz), while
    // a letters-only one had to find its letters in order, so the earlier names are not a superset then.
    const incremental =
      this.previous !== null &&
      this.previous.matched !== null &&
      q.startsWith(this.previous.query) &&
      [...this.previous.query].every(isAsciiLetter) === [...q].every(isAsciiLetter);
    const matched = this.scan(q, incremental ? this.previous!.matched : null, 0, null, limit);
    for (const v of variants.slice(1)) this.scan(v.text, null, v.via ? VIA_TERM_PENALTY : FILLER_PENALTY, v.via, limit);

    let strongCount = 0;
    for (const o of touched) strongCount += this.scratch.strong[o]!;
    // Typo and partial hits are weak, and weak hits are hidden beside any strong one: look for them only without.
    if (strongCount === 0) {
      this.typoPass(q, limit);
      this.initialsTypoPass(q);
      // partial covers read characters; typed letters get the typo passes instead
      // (the query as typed adds only filler words to its other readings)
      if (![...q].every(isAsciiLetter)) for (const v of variants.length > 1 ? variants.slice(1) : variants) this.partialPass(v.text, v.via);
    }

    const hits = this.best(limit);
    for (const o of touched) bestEntry[o] = -1;
    this.previous = { query: q, matched };
    if (cacheable && this.shortQueries.size < 256) this.shortQueries.set(`${limit}:${q}`, { hits: hits.map((h) => ({ ...h })), matched });
    return hits;
  }

  private consider(index: number, kind: number, score: number, via: string | null): void {
    const { bestScore, bestEntry, bestKind, bestVia, strong, touched } = this.scratch;
    const e = this.entries[index]!;
    const total = score + e.boost;
    const o = e.officialId;
    if (bestEntry[o] === -1) {
      touched.push(o);
      strong[o] = 0;
    } else if (bestScore[o]! >= total) {
      if (score >= STRONG_SCORE) strong[o] = 1;
      return;
    }
    if (score >= STRONG_SCORE) strong[o] = 1;
    bestScore[o] = total;
    bestEntry[o] = index;
    bestKind[o] = kind;
    bestVia[o] = via ?? (e.alias ? e.text : null);
  }

  /** Matches one reading of the query against every name (or the given candidates); returns the prefilter's passes. */
  private scan(q: string, candidates: number[] | null, penalty: number, via: string | null, limit: number): number[] | null {
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
    const entries = this.entries;
    const passed: number[] = [];
    const needCover = this.needCover;
    needCover.length = 0;
    // a cover of letters is pieces of two or more letters: four letters at least; its first piece starts a syllable
    // or a pair of initials
    const coverable = !allLetters || q.length >= 4;
    // the characters themselves, beyond the mask: a character of the query is only ever matched by itself
    const chars = allLetters ? [] : [...new Set([...q].filter((c) => !isAsciiLetter(c)))];
    // Without the previous keystroke's names, a query with characters scans only the names holding its rarest one.
    let list = candidates;
    // a query of letters begins a run of tokens: only names where such a run can begin with its first two letters
    if (!list && allLetters && q.length >= 2 && !this.asciiNames) list = this.startPostings.get(q.slice(0, 2)) ?? [];
    if (!list && chars.length > 0) {
      for (const c of chars) {
        const posting = this.hanPostings.get(c);
        if (!posting) {
          if (isHanCode(c.charCodeAt(0))) return [];
          list = null;
          break;
        }
        if (!list || posting.length < list.length) list = posting;
      }
    }
    // letters that are no run of syllables can only match as initials: the lower tier bounds what a name can score
    const syllabic = !allLetters || this.readsAsSyllables(q);
    const highest = highestScore(allLetters, this.asciiNames, syllabic);
    let complete = true;
    const count = list ? list.length : entries.length;
    for (let n = 0; n < count; n++) {
      const i = list ? list[n]! : n;
      const e = entries[i]!;
      // names come most boosted first: once `limit` hits beat anything the rest could score, stop
      if ((n & 255) === 255 && this.fullOfBetterHitsThan(highest - penalty + e.boost, limit)) {
        complete = false;
        break;
      }
      if ((e.letterMask & letterMask) !== letterMask || (e.charMask & charMask) !== charMask) continue;
      if (chars.length > 0 && !chars.every((c) => e.plain.includes(c))) continue;
      // Every letter of a letters-only query is consumed in order from the names' readings or initials.
      if (allLetters && !isSubsequence(q, e.letters) && (e.letters === e.lettersU || !isSubsequence(q, e.lettersU))) continue;
      passed.push(i);
      const at = e.plain.indexOf(q);
      if (at >= 0) {
        const kind = e.plain.length === q.length ? Kind.exact : at === 0 ? Kind.prefix : Kind.substring;
        this.consider(i, kind, tierScores[kind]! - Math.min(at, 20) * 2 - penalty, via);
        continue;
      }
      const packed = matchTokensPacked(e.tokens, q);
      const quality = packed & 3;
      if (quality !== MatchQuality.None) {
        const start = packed >> 2;
        const kind = quality === MatchQuality.Initials ? Kind.initials : Kind.pinyin;
        this.consider(i, kind, tierScores[kind]! + (start === 0 ? 100 : 0) - Math.min(start, 20) * 2 - penalty, via);
        continue;
      }
      if (coverable) needCover.push(i);
    }
    // a cover of letters that are no run of syllables is initials only: weak, and hidden beside any strong hit
    const onlyWeakCovers = allLetters && !syllabic && this.fullOfBetterHitsThan(STRONG_SCORE, 1);
    if (needCover.length > 0 && !onlyWeakCovers && !this.fullOfBetterHitsThan(gappedMax(allLetters) + MAX_BOOST, limit)) {
      for (const i of needCover) {
        const e = entries[i]!;
        const cover = coverQuery(e.tokens, q, true);
        if (cover.covered < q.length) continue;
        // pieces of one lone character each are a weak cover, below every strong hit
        const base = cover.singles > 0 && cover.pieces > 1 ? STRONG_SCORE - 200 : gappedScores[cover.quality]!;
        const score = base - 100 * (cover.pieces - 1) - (cover.outOfOrder ? 40 : 0) - 3 * Math.min(cover.gap, 30) - penalty;
        this.consider(i, Kind.gapped, score, via);
      }
    }
    return complete ? passed : null;
  }

  /** The query's letters, its characters read as the names read them (pinyin-pro only for a character no name has). */
  private lettersOf(q: string): string {
    let out = '';
    for (const c of q) {
      if (isAsciiLetter(c)) out += c;
      else {
        const reading = this.readings.get(c);
        if (reading === undefined) return queryLetters(q);
        out += reading;
      }
    }
    return out;
  }

  /** Can the letters be read as whole syllables, the last one possibly still being typed (shenfenz, not sfz)? */
  private readsAsSyllables(q: string): boolean {
    const ok = new Uint8Array(q.length + 1);
    ok[0] = 1;
    for (let i = 0; i < q.length; i++) {
      if (!ok[i]) continue;
      for (let len = 1; len <= 6 && i + len <= q.length; len++) if (this.syllables.has(q.slice(i, i + len))) ok[i + len] = 1;
      if (q.length - i >= 2 && this.syllableStarts.has(q.slice(i))) ok[q.length] = 1;
    }
    return ok[q.length] === 1;
  }

  /**
   * Are there already `limit` local hits scoring above `bar` (the most a name not yet matched could score)? Then
   * matching the rest cannot change the results.
   */
  private fullOfBetterHitsThan(bar: number, limit: number): boolean {
    const { bestScore, bestEntry, touched } = this.scratch;
    if (touched.length < limit) return false;
    let n = 0;
    for (const o of touched) if (bestScore[o]! > bar && this.entries[bestEntry[o]!]!.local && ++n >= limit) return true;
    return false;
  }

  /** Typos in pinyin (and homophones typed in characters): Myers over the names' readings, pigeonhole-filtered. */
  private typoPass(q: string, limit: number): void {
    const allLetters = [...q].every(isAsciiLetter);
    if (allLetters ? q.length < 6 : q.length < 2) return;
    const letters = this.lettersOf(q);
    if (letters.length < 6) return;
    const han = [...q].filter((c) => isHanCode(c.charCodeAt(0)));
    if (han.length > 0) return this.homophonePass(letters, han);
    const maxEdits = letters.length >= 10 ? 2 : 1;
    // With k edits, one of k + 1 pieces of the query survives intact, so it must occur in the name.
    const pieces = splitEvenly(letters, maxEdits + 1);
    const approx = new ApproximateMatcher(letters);
    let lettersMask = 0;
    for (let i = 0; i < letters.length; i++) lettersMask |= letterBit(letters.charCodeAt(i));
    // Typing on: a name within k edits of the longer letters is within k edits of the shorter ones, so only the
    // previous keystroke's typo matches need checking.
    const prev = this.previousTypos;
    const narrowed = prev && prev.maxEdits === maxEdits && letters.startsWith(prev.letters) ? prev.matched : null;
    const matched: number[] = [];
    const check = (i: number) => {
      const e = this.entries[i]!;
      if (bitCount(lettersMask & ~e.letterMask) > maxEdits) return;
      // a query with characters in it keeps at least one of them (户籍zm must not turn up 初级中学)
      if (han.length > 0 && !han.some((c) => e.plain.includes(c))) return;
      const d = approx.distance(e.letters, maxEdits);
      if (d > maxEdits) return;
      matched.push(i);
      if (d === 0) this.consider(i, Kind.pinyin, tierScores[Kind.pinyin]! - 50, null);
      else this.consider(i, Kind.fuzzy, tierScores[Kind.fuzzy]! - d * 200, null);
    };
    let complete = true;
    if (narrowed) narrowed.forEach(check);
    else {
      // the pieces' candidates merged in name order (most boosted first), so the pass can stop once `limit` typo
      // hits beat anything a later name could score (a typo of letters scores at most one edit's worth)
      const lists = pieces.map((p) => rarest(this.trigrams, p, 3));
      const at = lists.map(() => 0);
      for (let n = 0; ; n++) {
        let k = -1;
        for (let l = 0; l < lists.length; l++) if (at[l]! < lists[l]!.length && (k < 0 || lists[l]![at[l]!]! < lists[k]![at[k]!]!)) k = l;
        if (k < 0) break;
        const i = lists[k]![at[k]!]!;
        for (let l = 0; l < lists.length; l++) if (lists[l]![at[l]!] === i) at[l]!++;
        if ((n & 63) === 63 && this.fullOfBetterHitsThan(tierScores[Kind.fuzzy]! - 200 + this.entries[i]!.boost, limit)) {
          complete = false;
          break;
        }
        const e = this.entries[i]!;
        if (pieces.some((p) => e.letters.includes(p) || e.lettersU.includes(p))) check(i);
      }
    }
    this.previousTypos = complete ? { letters, maxEdits, matched } : null;
  }

  /**
   * Characters typed or written with the right sound but the wrong character (护籍证明 for 户籍证明): names whose
   * reading holds the query's reading exactly and that keep at least one of its characters.
   */
  private homophonePass(letters: string, han: string[]): void {
    for (const i of rarest(this.trigrams, letters, 3)) {
      const e = this.entries[i]!;
      if (!e.letters.includes(letters) && !e.lettersU.includes(letters)) continue;
      if (han.some((c) => e.plain.includes(c))) this.consider(i, Kind.pinyin, tierScores[Kind.pinyin]! - 50, null);
    }
  }

  /** One wrong letter in initials (hjzn for hjzm): four to eight letters, one half of them survives intact. */
  private initialsTypoPass(q: string): void {
    if (q.length < 4 || q.length > 8 || ![...q].every(isAsciiLetter)) return;
    const half = Math.floor(q.length / 2);
    const halves = [q.slice(0, half), q.slice(half)];
    const approx = new ApproximateMatcher(q);
    const stamp = ++this.stamp;
    const { bestEntry } = this.scratch;
    for (const h of halves) {
      for (const i of rarest(this.initialBigrams, h, 2)) {
        if (this.seen[i] === stamp) continue;
        this.seen[i] = stamp;
        const e = this.entries[i]!;
        // residents type initials from the start of a name: compare with its first letters only
        const head = e.initials.slice(0, q.length + 1);
        if (bestEntry[e.officialId] !== -1 || !halves.some((p) => head.includes(p))) continue;
        if (approx.distance(head, 1) === 1) this.consider(i, Kind.fuzzy, tierScores[Kind.fuzzy]! - 250, null);
      }
    }
  }

  /**
   * Nothing (or little) covers the whole query: names holding most of its characters, ranked by how much of the
   * query they cover and how tightly (低收入证明 still finds 低收入困难家庭证明开具 when 开具 is typed too).
   */
  private partialPass(q: string, via: string | null): void {
    const han = [...new Set([...q].filter((c) => isHanCode(c.charCodeAt(0))))];
    if (han.length < 2) return;
    // counted over the rarer half of the characters (common ones, 证 明 办, are in half the catalog)
    const rare = han
      .map((c) => [c, this.hanPostings.get(c)?.length ?? 0] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, Math.max(2, Math.ceil(han.length / 2)))
      .map(([c]) => c);
    const need = 2;
    const stamp = ++this.stamp;
    const hits: number[] = [];
    for (const c of rare) {
      for (const i of this.hanPostings.get(c) ?? []) {
        if (this.seen[i] !== stamp) {
          this.seen[i] = stamp;
          this.hanCount[i] = 0;
        }
        if (++this.hanCount[i]! === need) hits.push(i);
      }
    }
    // the names holding the most of the query's characters first, and no more than a screenful's worth of work
    if (hits.length > PARTIAL_CANDIDATES) {
      hits.sort((a, b) => this.hanCount[b]! - this.hanCount[a]! || a - b);
      hits.length = PARTIAL_CANDIDATES;
    }
    const { bestEntry, strong } = this.scratch;
    for (const i of hits) {
      const e = this.entries[i]!;
      if (bestEntry[e.officialId] !== -1 && strong[e.officialId]) continue;
      const cover = coverQuery(e.tokens, q);
      const coverage = cover.covered / q.length;
      // most of the query, or one compact run of three or more characters of a long question (贫困单身母亲办理最低生活保障)
      if (cover.covered === q.length || (coverage < PARTIAL_MIN && (cover.covered < 3 || cover.pieces > 2))) continue;
      this.consider(i, Kind.partial, 600 + 800 * coverage - 60 * (cover.pieces - 1) - 2 * Math.min(cover.gap, 30), via);
    }
  }

  /**
   * For a search that found nothing: matters on the same topic, i.e. sharing a two-character word with any reading
   * of the query (个人证明 → 个人…), local and popular first. Empty when the query holds no such word.
   */
  nearby(raw: string, limit = 6): SearchHit[] {
    const q = normalizeQuery(raw);
    const { bestEntry, touched, strong } = this.scratch;
    touched.length = 0;
    for (const v of queryVariants(q)) {
      const han = [...v.text].filter((c) => isHanCode(c.charCodeAt(0)));
      for (let k = 0; k + 2 <= han.length; k++) {
        const word = han[k]! + han[k + 1]!;
        const [a, b] = [this.hanPostings.get(han[k]!) ?? [], this.hanPostings.get(han[k + 1]!) ?? []];
        for (const i of a.length < b.length ? a : b) {
          const e = this.entries[i]!;
          if (e.plain.includes(word)) this.consider(i, Kind.partial, 500, v.via);
        }
      }
    }
    for (const o of touched) strong[o] = 0;
    const hits = this.best(limit);
    for (const o of touched) bestEntry[o] = -1;
    return hits;
  }

  /** The best `limit` slots, without weak hits when strong ones exist, nor others' regions when local ones match. */
  private best(limit: number): SearchHit[] {
    const { bestScore, bestEntry, bestKind, bestVia, strong, touched } = this.scratch;
    const entries = this.entries;
    let anyStrong = false;
    for (const o of touched) if (strong[o]) anyStrong = true;
    const keep = (o: number) => !anyStrong || strong[o] === 1;
    let anyLocal = false;
    for (const o of touched) if (keep(o) && entries[bestEntry[o]!]!.local) anyLocal = true;
    const admissible = (o: number) => keep(o) && (!anyLocal || entries[bestEntry[o]!]!.local);
    const top: number[] = [];
    const better = (a: number, b: number) =>
      bestScore[a]! > bestScore[b]! ||
      (bestScore[a] === bestScore[b] && entries[bestEntry[a]!]!.official < entries[bestEntry[b]!]!.official);
    for (const o of touched) {
      if (!admissible(o)) continue;
      if (top.length === limit && !better(o, top[top.length - 1]!)) continue;
      let k = top.length === limit ? limit - 1 : top.length;
      while (k > 0 && better(o, top[k - 1]!)) k--;
      top.splice(k, 0, o);
      if (top.length > limit) top.pop();
    }
    return top.map((o) => {
      const e = entries[bestEntry[o]!]!;
      const m = e.matters[0]!;
      return {
        id: m.id,
        name: e.official,
        score: bestScore[o]!,
        kind: kindNames[bestKind[o]!]!,
        viaAlias: bestVia[o]!,
        otherImplementations: e.matters.length - 1,
        region: e.local ? null : (m.region ?? null),
      };
    });
  }
}

/** The shortest posting list among the `n`-letter runs of `text`: every run of a piece that survives is in the name. */
function rarest(postings: Map<string, number[]>, text: string, n: number): number[] {
  let best: number[] | null = null;
  for (let k = 0; k + n <= text.length; k++) {
    const list = postings.get(text.slice(k, k + n)) ?? [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? [];
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
