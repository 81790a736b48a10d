#!/usr/bin/env node
// Derives the input method's compact pinyin dictionary (main/core/input/data/pinyin-dictionary.tsv.gz) from
// Debian's Rime data: rime-data-luna-pinyin (luna_pinyin.dict.yaml: readings of every character with their
// shares, explicit readings of polyphone phrases) and rime-essay (essay.txt: word frequencies). Both are
// LGPL-3 (see main/core/input/data/LICENSE). Luna Pinyin is written in traditional characters, so the words go
// through OpenCC's t2s conversion (Debian `opencc`) and words that meet in one simplified form add up.
//
// Needs: apt-get install -y --no-install-recommends rime-data-luna-pinyin rime-essay opencc
// Run:   node scripts/derive-pinyin-dictionary.mjs   (then commit the .tsv.gz; the kiosk reads only that file)
//
// Output: gzip of UTF-8 lines `word<TAB>syllables separated by spaces<TAB>weight`, one line per reading,
// ü written as v (as typed). A word without an explicit reading is read from its characters' readings that
// have at least a 5 % share (at most 4 combinations, the likeliest first), as Rime encodes its vocabulary.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const rimeDir = process.env.RIME_DATA_DIR ?? '/usr/share/rime-data';
const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.join(here, '..', 'main', 'core', 'input', 'data', 'pinyin-dictionary.tsv.gz');
const MIN_SHARE = 0.05;
const MAX_READINGS = 4;

const isHan = (ch) => ch === '〇' || (ch >= '\u4e00' && ch <= '\u9fff');

function readDict() {
  const text = readFileSync(path.join(rimeDir, 'luna_pinyin.dict.yaml'), 'utf8');
  const body = text.slice(text.indexOf('\n...\n') + 5);
  /** char → [{ syllable, share }] ; phrase → [syllables] */
  const charReadings = new Map();
  const phraseReadings = new Map();
  for (const line of body.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [word, code, weight] = line.split('\t');
    if (!word || !code) continue;
    const chars = [...word];
    if (!chars.every(isHan)) continue;
    if (chars.length === 1) {
      const share = weight?.endsWith('%') ? Number(weight.slice(0, -1)) / 100 : undefined;
      const list = charReadings.get(word) ?? [];
      list.push({ syllable: code, share });
      charReadings.set(word, list);
    } else if (code.split(' ').length === chars.length) {
      const list = phraseReadings.get(word) ?? [];
      list.push(code);
      phraseReadings.set(word, list);
    }
  }
  for (const list of charReadings.values()) {
    const unknown = list.filter((r) => r.share === undefined);
    const known = list.reduce((s, r) => s + (r.share ?? 0), 0);
    for (const r of unknown) r.share = Math.max(0, 1 - known) / unknown.length || 1 / list.length;
  }
  return { charReadings, phraseReadings };
}

function readEssay() {
  const freq = new Map();
  for (const line of readFileSync(path.join(rimeDir, 'essay.txt'), 'utf8').split('\n')) {
    const [word, weight] = line.split('\t');
    if (word && weight && [...word].every(isHan)) freq.set(word, Number(weight));
  }
  return freq;
}

/** The likeliest readings of a word from its characters' readings: [{ code, p }]. */
function composeReadings(word, charReadings) {
  let partial = [{ code: [], p: 1 }];
  for (const ch of word) {
    const readings = charReadings.get(ch);
    if (!readings) return [];
    const strong = readings.filter((r) => r.share >= MIN_SHARE);
    const usable = strong.length ? strong : [readings.reduce((a, b) => (b.share > a.share ? b : a))];
    const next = [];
    for (const prefix of partial) for (const r of usable) next.push({ code: [...prefix.code, r.syllable], p: prefix.p * r.share });
    partial = next.sort((a, b) => b.p - a.p).slice(0, MAX_READINGS);
  }
  const total = partial.reduce((s, r) => s + r.p, 0) || 1;
  return partial.map((r) => ({ code: r.code.join(' '), p: r.p / total }));
}

function toSimplified(words) {
  const out = execFileSync('opencc', ['-c', 't2s.json'], { input: words.join('\n') + '\n', maxBuffer: 1 << 28 });
  const lines = out.toString('utf8').split('\n');
  return words.map((w, i) => lines[i]);
}

const { charReadings, phraseReadings } = readDict();
const essay = readEssay();
/** traditional word → [{ code, weight }] */
const entries = new Map();
for (const [ch, readings] of charReadings) {
  const f = essay.get(ch) ?? 0;
  entries.set(
    ch,
    readings.map((r) => ({ code: r.syllable, weight: f * r.share })),
  );
}
const words = new Set([...essay.keys(), ...phraseReadings.keys()]);
for (const word of words) {
  if ([...word].length < 2) continue;
  const f = essay.get(word) ?? 1;
  const explicit = phraseReadings.get(word);
  const readings = explicit ? explicit.map((code) => ({ code, p: 1 / explicit.length })) : composeReadings(word, charReadings);
  if (readings.length)
    entries.set(
      word,
      readings.map((r) => ({ code: r.code, weight: f * r.p })),
    );
}

const traditional = [...entries.keys()];
const simplified = toSimplified(traditional);
/** `${simplified}\t${code}` → weight */
const merged = new Map();
traditional.forEach((trad, i) => {
  const simp = simplified[i];
  if (!simp || [...simp].length !== [...trad].length) return;
  for (const { code, weight } of entries.get(trad)) {
    const key = `${simp}\t${code}`;
    merged.set(key, (merged.get(key) ?? 0) + weight);
  }
});
const lines = [...merged].map(([key, weight]) => `${key}\t${Math.round(weight * 100) / 100}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`${lines.length} readings of ${new Set(lines.map((l) => l.split('\t')[0])).size} words → ${outFile}`);
