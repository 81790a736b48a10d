import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PinyinDictionary } from '../../main/core/input/pinyin-dictionary.js';
import { PinyinEngine } from '../../main/core/input/pinyin-engine.js';
import { segmentPinyin, type Segment } from '../../main/core/input/pinyin-segmentation.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

/**
 * What residents type: for the 400 most frequent words of two to four characters and some matter words, the
 * full pinyin and the initials, one keystroke at a time (every prefix is one request).
 */
function keystrokes(dict: PinyinDictionary): string[] {
  const words = dict.texts
    .map((t, i) => ({ t, i }))
    .filter((w) => w.t.length >= 2 && w.t.length <= 4)
    .sort((a, b) => dict.weights[b.i]! - dict.weights[a.i]!)
    .slice(0, 400)
    .map((w) => dict.codes[w.i]!);
  for (const w of ['不动产登记', '身份证', '户籍证明', '公积金', '社会保险', '最低生活保障', '个人所得税', '营业执照'])
    words.push(dict.read(w)!);
  const typed = words.flatMap((code) => [
    code.replace(/ /g, ''),
    code
      .split(' ')
      .map((s) => s[0])
      .join(''),
  ]);
  return typed.flatMap((t) => [...t].map((_, i) => t.slice(0, i + 1)));
}

/** The baseline: the same answer by scanning every reading of the dictionary (no index by initials). */
function linearScan(dict: PinyinDictionary, letters: string, limit: number): string[] {
  const segs = segmentPinyin(letters, dict);
  const hits: { text: string; weight: number }[] = [];
  for (const seg of segs)
    for (let i = 0; i < dict.size; i++)
      if (fits(dict.codes[i]!, seg.segments)) hits.push({ text: dict.texts[i]!, weight: dict.weights[i]! });
  return hits
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((h) => h.text);
}

function fits(code: string, segments: Segment[]): boolean {
  const syllables = code.split(' ');
  if (syllables.length !== segments.length) return false;
  return segments.every((s, i) => (s.whole && i < segments.length - 1 ? syllables[i] === s.letters : syllables[i]!.startsWith(s.letters)));
}

export async function benchIme(): Promise<void> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const dict = PinyinDictionary.load();
  const loadMs = performance.now() - t;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  t = performance.now();
  await PinyinDictionary.loadInSlices();
  const sliceMs = performance.now() - t;
  const engine = new PinyinEngine(dict);
  const keys = keystrokes(dict);
  for (const k of keys.slice(0, 200)) engine.candidates({ letters: k, limit: 8 }); // warm up
  const times: number[] = [];
  for (const k of keys) {
    const s = performance.now();
    engine.candidates({ letters: k, limit: 8 });
    times.push(performance.now() - s);
  }
  const sample = keys.filter((_, i) => i % Math.ceil(keys.length / 150) === 0);
  const base: number[] = [];
  for (const k of sample) {
    const s = performance.now();
    linearScan(dict, k, 8);
    base.push(performance.now() - s);
  }
  const p95 = pct(times, 0.95);
  console.log(`ime: ${dict.size.toLocaleString('en')} readings (Rime luna-pinyin + essay, simplified), ${keys.length} keystrokes`);
  console.log(
    `  load: ${loadMs.toFixed(0)} ms at once, ${sliceMs.toFixed(0)} ms in slices (what the kiosk does); index heap ≈ ${heapMb.toFixed(1)} MB`,
  );
  console.log(`  candidates per keystroke: p50 ${ms(pct(times, 0.5))}, p95 ${ms(p95)}, max ${ms(Math.max(...times))}`);
  console.log(`  baseline (linear scan, ${sample.length} keystrokes): p50 ${ms(pct(base, 0.5))}, p95 ${ms(pct(base, 0.95))}`);
  console.log(`  p95 ratio baseline/index: ${(pct(base, 0.95) / p95).toFixed(0)}× — target p95 ≤ 5 ms: ${p95 <= 5 ? 'met' : 'NOT met'}`);
}
