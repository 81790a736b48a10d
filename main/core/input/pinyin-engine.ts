import { PinyinDictionary } from './pinyin-dictionary.js';
import { segmentPinyin, type Segment } from './pinyin-segmentation.js';

export interface Candidate {
  text: string;
  /** How many of the typed characters this candidate uses up; the rest stays in the composition. */
  consumed: number;
}

export interface CandidateQuery {
  letters: string;
  /** The characters just before the cursor: words they continue rank higher (不动 + chan → 产). */
  context?: string;
  limit: number;
}

/** A catalog word counts as if it were this many times more frequent, plus a floor for unseen ones. */
const VOCABULARY_FACTOR = 4;
const VOCABULARY_FLOOR = 2000;
/** A less likely reading of the letters (xi'an for "xian") weighs this much per step of cost. */
const READING_PENALTY = 0.35;
/** A word the text before the cursor goes on into at least this often ranks above all plain candidates. */
const CONTEXT_MIN_SHARE = 0.02;
const CONTEXT_SCORE = 1e8;
/** The longest word the sentence candidate tries, in syllables, and the log of the dictionary's total weight. */
const MAX_SENTENCE_WORD = 5;
const LOG_TOTAL = Math.log(1e8);
/** A reading that only starts with the whole syllable typed (xian → xiang) comes after every exact one. */
const EXTENDED_FIT = 1e-6;

/**
 * Pinyin → candidates, best first: whole-input phrases, then shorter ones covering the start of the input
 * (choosing one keeps the rest composing). Stateless: nothing a resident types is remembered.
 */
export class PinyinEngine {
  private vocabulary: PinyinDictionary = new PinyinDictionary([]);

  constructor(readonly dictionary: PinyinDictionary) {}

  /** Words of this terminal's catalog (matter names, departments, materials) rank above ordinary words. */
  setVocabulary(words: Iterable<string>): void {
    const entries = new Map<string, { text: string; code: string; weight: number }>();
    for (const word of words) {
      if (entries.has(word) || word.length < 2 || word.length > 12 || !/^[\u4e00-\u9fff〇]+$/.test(word)) continue;
      const known = this.dictionary.lookup(word);
      const code = known?.code ?? this.dictionary.read(word);
      if (code) entries.set(word, { text: word, code, weight: (known?.weight ?? 0) * VOCABULARY_FACTOR + VOCABULARY_FLOOR });
    }
    this.vocabulary = new PinyinDictionary(entries.values());
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  candidates({ letters, context = '', limit }: CandidateQuery): Candidate[] {
    const segmentations = segmentPinyin(letters, this.dictionary);
    if (segmentations.length === 0) return [];
    const bestCost = segmentations[0]!.cost;
    const rawIndex = rawPositions(letters);
    /** text → best scored hit, per number of segments covered */
    const found = new Map<string, { text: string; covered: number; consumed: number; score: number }>();
    const offer = (text: string, covered: number, consumed: number, score: number) => {
      const prev = found.get(text);
      if (!prev || prev.covered < covered || (prev.covered === covered && prev.score < score))
        found.set(text, { text, covered, consumed, score });
    };
    const tails = this.contextTails(context);
    for (const seg of segmentations) {
      const penalty = Math.pow(READING_PENALTY, seg.cost - bestCost);
      const total = seg.segments.length;
      let consumedLetters = 0;
      const consumedAt: number[] = [];
      for (const s of seg.segments) consumedAt.push((consumedLetters += s.letters.length));
      for (let k = total; k >= 1; k--) {
        const initials = seg.segments
          .slice(0, k)
          .map((s) => s.letters[0])
          .join('');
        const open = k === total; // the last typed syllable may still be growing
        const consumed = rawIndex[consumedAt[k - 1]!]!;
        for (const dict of [this.vocabulary, this.dictionary]) {
          const bucket = dict.bucket(initials);
          if (bucket) {
            // heaviest first: stop after `limit` exact fits (later ones cannot outrank them)
            let taken = 0;
            for (let b = 0; b < bucket.length && taken < limit; b++) {
              const i = bucket[b]!;
              const fit = codeFit(dict.codes[i]!, 0, seg.segments, k, open);
              if (fit === 0) continue;
              if (fit === 1) taken++;
              offer(dict.texts[i]!, k, consumed, (dict.weights[i]! + 1) * penalty * fit);
            }
          }
          // words the text before the cursor starts: 户 + "ji" → 户籍 → 籍
          for (const tail of tails) {
            const longer = dict.bucket(tail.initials + initials);
            if (!longer) continue;
            for (let b = 0; b < longer.length; b++) {
              const i = longer[b]!;
              const text = dict.texts[i]!;
              if (!text.startsWith(tail.text) || !dict.codes[i]!.startsWith(tail.code)) continue;
              const fit = codeFit(dict.codes[i]!, tail.code.length, seg.segments, k, open);
              const given = dict.weights[i]! / (tail.weight + 1); // how often the tail goes on this way
              if (fit > 0 && given >= CONTEXT_MIN_SHARE)
                offer(text.slice(tail.text.length), k, consumed, CONTEXT_SCORE * given * penalty * fit);
            }
          }
        }
      }
    }
    const ranked = [...found.values()].sort((a, b) => b.consumed - a.consumed || b.score - a.score);
    // no single word covers everything typed: offer the likeliest run of words first (不动产 + 查询)
    if (ranked[0]?.consumed !== letters.length) {
      const sentence = this.sentence(segmentations[0]!.segments);
      if (sentence && !found.has(sentence)) ranked.unshift({ text: sentence, covered: 0, consumed: letters.length, score: 0 });
    }
    return ranked.slice(0, limit).map(({ text, consumed }) => ({ text, consumed }));
  }

  /**
   * The likeliest words for all typed pieces, one after another (a unigram model over the dictionary and the
   * catalog words: the product of the words' frequencies, so fewer, longer words win when they are common).
   */
  private sentence(segments: Segment[]): string | null {
    const n = segments.length;
    const best: ({ logp: number; text: string } | null)[] = [{ logp: 0, text: '' }];
    for (let i = 1; i <= n; i++) {
      best[i] = null;
      for (let j = Math.max(0, i - MAX_SENTENCE_WORD); j < i; j++) {
        const before = best[j];
        if (!before) continue;
        const word = this.bestWord(segments.slice(j, i), i === n);
        if (!word) continue;
        const logp = before.logp + Math.log(word.weight + 1) - LOG_TOTAL;
        if (!best[i] || best[i]!.logp < logp) best[i] = { logp, text: before.text + word.text };
      }
    }
    return best[n]?.text || null;
  }

  private bestWord(pieces: Segment[], open: boolean): { text: string; weight: number } | null {
    const initials = pieces.map((p) => p.letters[0]).join('');
    let found: { text: string; weight: number } | null = null;
    for (const dict of [this.vocabulary, this.dictionary]) {
      const bucket = dict.bucket(initials);
      if (!bucket) continue;
      for (let b = 0; b < bucket.length; b++) {
        const i = bucket[b]!;
        if (codeFit(dict.codes[i]!, 0, pieces, pieces.length, open) !== 1) continue;
        if (!found || found.weight < dict.weights[i]!) found = { text: dict.texts[i]!, weight: dict.weights[i]! };
        break; // heaviest first
      }
    }
    return found;
  }

  /** The last one to three characters before the cursor with their likeliest reading. */
  private contextTails(context: string): { text: string; code: string; initials: string; weight: number }[] {
    const out: { text: string; code: string; initials: string; weight: number }[] = [];
    for (let n = 1; n <= Math.min(3, context.length); n++) {
      const text = context.slice(-n);
      const reading = this.dictionary.read(text);
      if (!reading) continue;
      const syllables = reading.split(' ');
      const weight = this.dictionary.lookup(text)?.weight ?? 0;
      out.push({ text, code: reading + ' ', initials: syllables.map((x) => x[0]).join(''), weight });
    }
    return out;
  }
}

/**
 * How well a reading ("shen fen zheng") fits the first k typed pieces: 0 not at all, 1 exactly, less when
 * the last whole syllable typed is only the start of the reading's one ("xian" for xiang).
 */
function codeFit(code: string, from: number, segments: Segment[], k: number, lastOpen: boolean): number {
  let at = from;
  let fit = 1;
  for (let s = 0; s < k; s++) {
    const end = code.indexOf(' ', at);
    const stop = end < 0 ? code.length : end;
    const piece = segments[s]!;
    const exact = piece.whole && !(lastOpen && s === k - 1);
    const len = stop - at;
    if (exact ? len !== piece.letters.length : len < piece.letters.length) return 0;
    if (!code.startsWith(piece.letters, at)) return 0;
    if (piece.whole && len > piece.letters.length) fit = EXTENDED_FIT;
    at = stop + 1;
  }
  return fit;
}

/** For n letters consumed (apostrophes not counted), the index in the typed text just after them. */
function rawPositions(typed: string): number[] {
  const out = [0];
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === "'") {
      out[out.length - 1] = i + 1;
      continue;
    }
    out.push(i + 1);
  }
  return out;
}
