/** One piece of the typed letters: a whole syllable ("shen") or the start of one ("sh", "z"). */
export interface Segment {
  letters: string;
  whole: boolean;
}

export interface Segmentation {
  segments: Segment[];
  /** Lower is likelier: 1 per whole syllable, 1.5 per partial one. */
  cost: number;
}

export interface SyllableTable {
  syllables: ReadonlySet<string>;
  syllablePrefixes: ReadonlySet<string>;
}

const WHOLE_COST = 1;
const PARTIAL_COST = 1.5;
/** Readings within this much of the best one are kept (xian → xian and xi'an; fangan → fang'an and fan'gan). */
const SLACK = 1;
const MAX_SEGMENTATIONS = 6;
const LONGEST_SYLLABLE = 6;

/**
 * The plausible ways to read typed letters as pinyin syllables, likeliest first. An apostrophe forces a
 * boundary. Letters that cannot be read at all (e.g. "i" first) give no segmentation.
 */
export function segmentPinyin(input: string, table: SyllableTable): Segmentation[] {
  const parts = input.toLowerCase().replace(/ü/g, 'v').split("'").filter(Boolean);
  let results: Segmentation[] = [{ segments: [], cost: 0 }];
  for (const part of parts) {
    if (!/^[a-z]+$/.test(part)) return [];
    const own = segmentRun(part, table);
    if (own.length === 0) return [];
    const next: Segmentation[] = [];
    for (const a of results) for (const b of own) next.push({ segments: [...a.segments, ...b.segments], cost: a.cost + b.cost });
    results = next.sort((x, y) => x.cost - y.cost).slice(0, MAX_SEGMENTATIONS);
  }
  return parts.length ? results : [];
}

function segmentRun(letters: string, table: SyllableTable): Segmentation[] {
  const n = letters.length;
  const pieceAt = (from: number, to: number): Segment | null => {
    const s = letters.slice(from, to);
    if (table.syllables.has(s)) return { letters: s, whole: true };
    if (table.syllablePrefixes.has(s)) return { letters: s, whole: false };
    return null;
  };
  // cheapest cost from each position to the end, for pruning
  const best = new Array<number>(n + 1).fill(Infinity);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(n, i + LONGEST_SYLLABLE); j++) {
      const p = pieceAt(i, j);
      if (p) best[i] = Math.min(best[i]!, (p.whole ? WHOLE_COST : PARTIAL_COST) + best[j]!);
    }
  }
  if (!Number.isFinite(best[0]!)) return [];
  const limit = best[0]! + SLACK;
  const out: Segmentation[] = [];
  const walk = (i: number, segments: Segment[], cost: number): void => {
    if (out.length >= MAX_SEGMENTATIONS * 4) return;
    if (i === n) {
      out.push({ segments, cost });
      return;
    }
    for (let j = Math.min(n, i + LONGEST_SYLLABLE); j > i; j--) {
      const p = pieceAt(i, j);
      if (!p) continue;
      const c = cost + (p.whole ? WHOLE_COST : PARTIAL_COST);
      if (c + best[j]! <= limit + 1e-9) walk(j, [...segments, p], c);
    }
  };
  walk(0, [], 0);
  return out.sort((a, b) => a.cost - b.cost).slice(0, MAX_SEGMENTATIONS);
}
