/** A drawing as the pad reports it: points in the pad's pixels, y growing downwards. */
export interface Drawing {
  width: number;
  height: number;
  strokes: [number, number][][];
}

export const STROKE_LIMITS = { maxStrokes: 40, maxPointsPerStroke: 400, maxSide: 4096 } as const;

/** The recognizer's box (zinnia reads coordinates relative to the width and height it is given). */
export const MODEL_BOX = 300;
const MARGIN = 30;
/** Points closer than this (in model units) to the last kept one add only jitter. */
const MIN_STEP = 4;
const MAX_POINTS = 48;
/** Drawings smaller than this share of the pad are scaled as if they were this big (a first dot stays a dot). */
const SMALLEST_SHARE = 6;

/**
 * Fits what was drawn into the model's box: the strokes' own bounds scaled uniformly (so a character written
 * small in a corner reads like one written large), centred, with jitter and runs of dense points thinned.
 * A drawing smaller than a sixth of the pad is scaled as if it were that big, so a first short stroke stays short.
 */
export function normaliseDrawing(d: Drawing): [number, number][][] {
  const points = d.strokes.flat();
  if (points.length === 0) return [];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const w = Math.max(...xs) - minX;
  const h = Math.max(...ys) - minY;
  const extent = Math.max(w, h, Math.min(d.width, d.height) / SMALLEST_SHARE, 1);
  const scale = (MODEL_BOX - 2 * MARGIN) / extent;
  const offX = (MODEL_BOX - w * scale) / 2;
  const offY = (MODEL_BOX - h * scale) / 2;
  return d.strokes
    .filter((s) => s.length > 0)
    .map((stroke) => thin(stroke.map(([x, y]) => [Math.round((x - minX) * scale + offX), Math.round((y - minY) * scale + offY)])));
}

function thin(stroke: [number, number][]): [number, number][] {
  const kept: [number, number][] = [stroke[0]!];
  for (const p of stroke.slice(1)) {
    const last = kept[kept.length - 1]!;
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) kept.push(p);
  }
  const end = stroke[stroke.length - 1]!;
  const last = kept[kept.length - 1]!;
  if (kept.length === 1 || last[0] !== end[0] || last[1] !== end[1]) kept.push(end);
  if (kept.length <= MAX_POINTS) return kept;
  const step = (kept.length - 1) / (MAX_POINTS - 1);
  return Array.from({ length: MAX_POINTS }, (_, i) => kept[Math.round(i * step)]!);
}

/** One character in zinnia's S-expression form. */
export function toSExpression(strokes: [number, number][][]): string {
  const body = strokes.map((s) => `(${s.map(([x, y]) => `(${x} ${y})`).join('')})`).join('');
  return `(character (width ${MODEL_BOX})(height ${MODEL_BOX})(strokes ${body}))`;
}
