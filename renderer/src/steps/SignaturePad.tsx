import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementSize } from '../components/useElementSize.js';

export interface SignaturePadHandle {
  /** The signature as PNG (base64, without the data: prefix): dark ink on a transparent pad. */
  png(): string;
  clear(): void;
}

/** A box to sign in with a finger (pointer events on a canvas); reports whether anything is drawn. */
export const SignaturePad = forwardRef<SignaturePadHandle, { onInk: (drawn: boolean) => void }>(function SignaturePad({ onInk }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<[number, number] | null>(null);
  const size = useElementSize(canvas);
  useImperativeHandle(ref, () => ({
    png: () => canvas.current?.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') ?? '',
    clear: () => {
      const el = canvas.current;
      el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
      onInk(false);
    },
  }));
  const at = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const line = (from: [number, number], to: [number, number]) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
  };
  return (
    <canvas
      ref={canvas}
      className="signature-pad"
      data-testid="signature-pad"
      role="img"
      aria-label={t('apply.commitment.signHere')}
      width={size.width}
      height={size.height}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = at(e);
        line(last.current, last.current);
        onInk(true);
      }}
      onPointerMove={(e) => {
        if (!last.current) return;
        const p = at(e);
        line(last.current, p);
        last.current = p;
      }}
      onPointerUp={() => (last.current = null)}
      onPointerCancel={() => (last.current = null)}
    />
  );
});
