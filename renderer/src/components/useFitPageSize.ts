import { useCallback, useEffect, useRef, useState } from 'react';

/** How many rows of `itemHeight` (with `gap` between them) fit in `available` px; at least one. */
export function fitCount(available: number, itemHeight: number, gap: number): number {
  if (itemHeight <= 0) return 1;
  return Math.max(1, Math.floor((available + gap) / (itemHeight + gap)));
}

/** The page that keeps the first item of the current page in view when the page size changes. */
export function pageKeepingFirst(page: number, oldSize: number, newSize: number): number {
  return Math.floor((page * oldSize) / newSize);
}

/**
 * A list's page size measured from the space its container has and the height of its tallest item, so a page is
 * exactly what fits (no "6 per page of which 4½ show"). Re-measures when the container resizes (mode, rotation).
 */
export function useFitPageSize<E extends HTMLElement>(initial: number, onResize?: (oldSize: number, newSize: number) => void) {
  const [el, ref] = useState<E | null>(null);
  const [size, setSize] = useState(initial);
  const sizeRef = useRef(initial);
  const measure = useCallback(() => {
    if (!el || el.children.length === 0) return;
    const tallest = Math.max(...[...el.children].map((c) => (c as HTMLElement).offsetHeight));
    const gap = parseFloat(getComputedStyle(el).rowGap) || 0;
    const next = fitCount(el.clientHeight, tallest, gap);
    if (next !== sizeRef.current) {
      onResize?.(sizeRef.current, next);
      sizeRef.current = next;
      setSize(next);
    }
  }, [el, onResize]);
  useEffect(() => {
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const mutations = new MutationObserver(measure);
    mutations.observe(el, { childList: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [el, measure]);
  return { ref, size };
}
