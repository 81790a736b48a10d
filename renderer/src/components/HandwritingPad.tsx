import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementSize } from './useElementSize.js';

export type Stroke = [number, number][];

/** The pad's limits match the bridge's (40 strokes, 400 points a stroke). */
const MAX_STROKES = 40;
const MAX_POINTS = 400;
const MIN_STEP_PX = 2;

/**
 * A finger-writing area: pointer events draw strokes on a canvas and, after every stroke, report all strokes
 * so far in the pad's CSS pixels (y downwards). Clear and undo are the parent's buttons (it owns `strokes`).
 */
export function HandwritingPad({
  strokes,
  onStrokes,
}: {
  strokes: Stroke[];
  onStrokes: (strokes: Stroke[], size: { width: number; height: number }) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<Stroke | null>(null);
  const size = useElementSize(canvas);

  useEffect(() => redraw(canvas.current, strokes, size), [strokes, size]);

  const point = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [Math.round(e.clientX - r.left), Math.round(e.clientY - r.top)];
  };

  return (
    <canvas
      ref={canvas}
      className="hw-pad"
      data-testid="hw-pad"
      role="img"
      aria-label={t('catalog.keyboard.padLabel')}
      width={size.width * (window.devicePixelRatio || 1)}
      height={size.height * (window.devicePixelRatio || 1)}
      onPointerDown={(e) => {
        if (strokes.length >= MAX_STROKES) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        current.current = [point(e)];
      }}
      onPointerMove={(e) => {
        const stroke = current.current;
        if (!stroke || stroke.length >= MAX_POINTS) return;
        const p = point(e);
        const last = stroke[stroke.length - 1]!;
        if (Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP_PX) return;
        stroke.push(p);
        drawSegment(canvas.current, last, p);
      }}
      onPointerUp={() => {
        const stroke = current.current;
        current.current = null;
        if (stroke) onStrokes([...strokes, stroke], size);
      }}
      onPointerCancel={() => {
        current.current = null;
        redraw(canvas.current, strokes, size);
      }}
    />
  );
}

function context2d(el: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  const ctx = el?.getContext('2d') ?? null;
  if (!ctx) return null;
  const ratio = window.devicePixelRatio || 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.lineWidth = 6;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#1a1a1a';
  return ctx;
}

function drawSegment(el: HTMLCanvasElement | null, a: [number, number], b: [number, number]): void {
  const ctx = context2d(el);
  if (!ctx) return;
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
}

function redraw(el: HTMLCanvasElement | null, strokes: Stroke[], size: { width: number; height: number }): void {
  const ctx = context2d(el);
  if (!ctx) return;
  ctx.clearRect(0, 0, size.width, size.height);
  for (const s of strokes) {
    ctx.beginPath();
    s.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (s.length === 1) ctx.lineTo(s[0]![0] + 0.1, s[0]![1]);
    ctx.stroke();
  }
}
