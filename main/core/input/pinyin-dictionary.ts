import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { projectRoot } from '../paths.js';

/** The committed dictionary derived from Debian's Rime data (scripts/derive-pinyin-dictionary.mjs). */
export const defaultDictionaryFile = path.join(projectRoot, 'main', 'core', 'input', 'data', 'pinyin-dictionary.tsv.gz');

export interface DictionaryEntry {
  text: string;
  /** Syllables separated by single spaces, ü written as v. */
  code: string;
  weight: number;
}

/**
 * Every reading of every word, indexed by the first letters of its syllables (身份证 shen fen zheng → "sfz"):
 * whatever the resident typed for a syllable (all of it, its initial, a few letters) starts with that letter,
 * so one bucket holds every possible match and is scanned in weight order.
 */
export class PinyinDictionary {
  readonly texts: string[] = [];
  readonly codes: string[] = [];
  readonly weights: number[] = [];
  /** first letters of the syllables → entry indices, heaviest first. */
  private readonly buckets = new Map<string, Uint32Array>();
  /** text → its heaviest entry. */
  private readonly byText = new Map<string, number>();
  readonly syllables = new Set<string>();
  /** Every proper prefix of a syllable ("zh", "zho" of "zhong"). */
  readonly syllablePrefixes = new Set<string>();
  maxWordLength = 1;

  private grouped: Map<string, number[]> | null = new Map();

  constructor(entries: Iterable<DictionaryEntry> = []) {
    for (const e of entries) this.add(e);
    this.finish();
  }

  private add(e: DictionaryEntry): void {
    const grouped = this.grouped!;
    const i = this.texts.length;
    this.texts.push(e.text);
    this.codes.push(e.code);
    this.weights.push(e.weight);
    let key = '';
    let start = 0;
    while (start < e.code.length) {
      let end = e.code.indexOf(' ', start);
      if (end < 0) end = e.code.length;
      key += e.code[start];
      const s = e.code.slice(start, end);
      if (!this.syllables.has(s)) {
        this.syllables.add(s);
        for (let n = 1; n < s.length; n++) this.syllablePrefixes.add(s.slice(0, n));
      }
      start = end + 1;
    }
    const list = grouped.get(key);
    if (list) list.push(i);
    else grouped.set(key, [i]);
    const best = this.byText.get(e.text);
    if (best === undefined || this.weights[best]! < e.weight) this.byText.set(e.text, i);
    if (e.text.length > this.maxWordLength) this.maxWordLength = e.text.length;
  }

  private finish(): void {
    for (const [key, list] of this.grouped!) {
      list.sort((a, b) => this.weights[b]! - this.weights[a]!);
      this.buckets.set(key, Uint32Array.from(list));
    }
    this.grouped = null;
  }

  get size(): number {
    return this.texts.length;
  }

  bucket(initials: string): Uint32Array | undefined {
    return this.buckets.get(initials);
  }

  /** The likeliest reading and the weight of a word, or undefined when the dictionary does not know it. */
  lookup(text: string): { code: string; weight: number } | undefined {
    const i = this.byText.get(text);
    return i === undefined ? undefined : { code: this.codes[i]!, weight: this.weights[i]! };
  }

  /** Splits text into the longest words the dictionary knows (不动产登记 → 不动产, 登记); undefined if it cannot. */
  words(text: string): string[] | undefined {
    const out: string[] = [];
    let at = 0;
    while (at < text.length) {
      let len = Math.min(this.maxWordLength, text.length - at);
      while (len > 0 && !this.byText.has(text.slice(at, at + len))) len--;
      if (len === 0) return undefined;
      out.push(text.slice(at, at + len));
      at += len;
    }
    return out;
  }

  /** Reads a word the dictionary may not know by its longest known parts (银行卡 → yin hang ka). */
  read(text: string): string | undefined {
    return this.words(text)
      ?.map((w) => this.lookup(w)!.code)
      .join(' ');
  }

  static parse(tsv: string): PinyinDictionary {
    return new PinyinDictionary(parseLines(tsv, 0, tsv.length));
  }

  static load(file = defaultDictionaryFile): PinyinDictionary {
    return PinyinDictionary.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  }

  /** Like load, but unzips off the main thread and indexes in slices, so the core keeps answering meanwhile. */
  static async loadInSlices(file = defaultDictionaryFile, sliceChars = 400_000): Promise<PinyinDictionary> {
    const tsv = (await promisify(gunzip)(await readFile(file))).toString('utf8');
    const dict = new PinyinDictionary([]);
    dict.grouped = new Map();
    dict.buckets.clear();
    for (let from = 0; from < tsv.length;) {
      let to = tsv.indexOf('\n', Math.min(tsv.length, from + sliceChars));
      if (to < 0) to = tsv.length;
      for (const e of parseLines(tsv, from, to)) dict.add(e);
      from = to + 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    dict.finish();
    return dict;
  }
}

/** `word<TAB>code<TAB>weight` lines between two offsets. */
function* parseLines(tsv: string, from: number, to: number): Generator<DictionaryEntry> {
  let start = from;
  while (start < to) {
    let end = tsv.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    const tab1 = tsv.indexOf('\t', start);
    const tab2 = tsv.indexOf('\t', tab1 + 1);
    if (tab1 > start && tab2 > tab1 && tab2 < end) {
      yield { text: tsv.slice(start, tab1), code: tsv.slice(tab1 + 1, tab2), weight: Number(tsv.slice(tab2 + 1, end)) };
    }
    start = end + 1;
  }
}
