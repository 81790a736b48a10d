import type { PinyinDictionary } from './pinyin-dictionary.js';
import { normaliseDrawing, toSExpression, type Drawing } from './strokes.js';
import type { ZinniaProcess } from './zinnia-process.js';

/** How much a candidate gains when it continues the text before it into a known word (户 + 籍 → 户籍). */
const CONTEXT_WEIGHT = 0.35;
/** A tie-breaker for common characters over rare look-alikes. */
const FREQUENCY_WEIGHT = 0.04;

/**
 * Handwriting → characters, best first: zinnia's answer for the normalised strokes, re-ranked by the
 * phrase dictionary (what the characters before the cursor continue into) and by how common each is.
 */
export class HandwritingRecognizer {
  constructor(
    private readonly zinnia: Pick<ZinniaProcess, 'recognize'>,
    private readonly dictionary: () => PinyinDictionary | null,
  ) {}

  async recognize(drawing: Drawing, options: { context?: string; limit: number }): Promise<string[]> {
    const strokes = normaliseDrawing(drawing);
    if (strokes.length === 0) return [];
    const raw = await this.zinnia.recognize(toSExpression(strokes));
    const dict = this.dictionary();
    const context = options.context ?? '';
    const scored = raw.map(({ char, score }, rank) => {
      if (!dict) return { char, score, rank };
      const own = dict.lookup(char)?.weight ?? 0;
      let joined = 0;
      for (let n = 1; n <= Math.min(3, context.length); n++) joined = Math.max(joined, dict.lookup(context.slice(-n) + char)?.weight ?? 0);
      const bonus = (joined > 0 ? CONTEXT_WEIGHT * (1 + Math.log10(1 + joined) / 5) : 0) + FREQUENCY_WEIGHT * Math.log10(1 + own);
      return { char, score: score + bonus, rank };
    });
    return scored
      .sort((a, b) => b.score - a.score || a.rank - b.rank)
      .slice(0, options.limit)
      .map((s) => s.char);
  }
}
