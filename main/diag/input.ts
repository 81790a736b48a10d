import { readFileSync } from 'node:fs';
import { InputError } from '../core/input/errors.js';
import { HandwritingRecognizer } from '../core/input/handwriting-recognizer.js';
import { PinyinDictionary } from '../core/input/pinyin-dictionary.js';
import { PinyinEngine } from '../core/input/pinyin-engine.js';
import { STROKE_LIMITS, type Drawing } from '../core/input/strokes.js';
import { ZinniaProcess } from '../core/input/zinnia-process.js';

type Outcome = { code: number; out: string; err: string };

function parseArgs(args: string[]): { positional: string[]; limit: number; json: boolean } | null {
  const i = args.indexOf('--limit');
  const limit = i >= 0 ? Number(args[i + 1]) : 10;
  const positional = args.filter((a, j) => !a.startsWith('--') && args[j - 1] !== '--limit');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || positional.length !== 1) return null;
  return { positional, limit, json: args.includes('--json') };
}

const print = (candidates: string[], json: boolean): string =>
  json ? JSON.stringify({ candidates }) + '\n' : candidates.map((c, i) => `${i + 1}. ${c}`).join('\n') + '\n';

/** `diag ime LETTERS [--limit N] [--json]`: the keyboard's pinyin candidates, best first. */
export function imeCandidates(args: string[]): Outcome | null {
  const a = parseArgs(args);
  if (!a || !/^[a-zA-Z']{1,40}$/.test(a.positional[0]!)) return null;
  const engine = new PinyinEngine(PinyinDictionary.load());
  const candidates = engine.candidates({ letters: a.positional[0]!.toLowerCase(), limit: a.limit }).map((c) => c.text);
  return { code: 0, out: print(candidates, a.json), err: '' };
}

/** `diag handwriting FILE [--limit N] [--json]`: FILE is { width, height, strokes: [[[x, y], ...], ...] }. */
export async function handwritingCandidates(args: string[]): Promise<Outcome | null> {
  const a = parseArgs(args);
  if (!a) return null;
  let drawing: Drawing;
  try {
    drawing = JSON.parse(readFileSync(a.positional[0]!, 'utf8')) as Drawing;
  } catch (e) {
    return { code: 2, out: '', err: `cannot read ${a.positional[0]}: ${(e as Error).message}\n` };
  }
  const problem = drawingProblem(drawing);
  if (problem) return { code: 2, out: '', err: problem + '\n' };
  const zinnia = new ZinniaProcess();
  try {
    const dictionary = PinyinDictionary.load();
    const candidates = await new HandwritingRecognizer(zinnia, () => dictionary).recognize(drawing, { limit: a.limit });
    return { code: 0, out: print(candidates, a.json), err: '' };
  } catch (e) {
    if (e instanceof InputError) return { code: 1, out: a.json ? JSON.stringify({ error: e.code }) + '\n' : '', err: e.message + '\n' };
    throw e;
  } finally {
    zinnia.stop();
  }
}

function drawingProblem(d: Drawing): string | null {
  const side = (n: unknown) => typeof n === 'number' && n > 0 && n <= STROKE_LIMITS.maxSide;
  if (!d || !side(d.width) || !side(d.height)) return `width and height must be numbers in 1..${STROKE_LIMITS.maxSide}`;
  if (!Array.isArray(d.strokes) || d.strokes.length === 0 || d.strokes.length > STROKE_LIMITS.maxStrokes)
    return `strokes must be 1..${STROKE_LIMITS.maxStrokes} strokes`;
  for (const s of d.strokes) {
    if (!Array.isArray(s) || s.length === 0 || s.length > STROKE_LIMITS.maxPointsPerStroke)
      return `each stroke must have 1..${STROKE_LIMITS.maxPointsPerStroke} points`;
    if (!s.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n))))
      return 'each point must be [x, y]';
  }
  return null;
}
