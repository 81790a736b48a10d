import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

type Fit = { pages: number; page: number };

/** Which screenful of a scroll box is showing: 1-based page of `pages`, where a page is one box height. */
export function scrollFit(scrollTop: number, clientHeight: number, scrollHeight: number): Fit {
  if (clientHeight <= 0 || scrollHeight <= clientHeight + 1) return { pages: 1, page: 1 };
  const pages = Math.ceil(scrollHeight / clientHeight);
  const atEnd = scrollTop + clientHeight >= scrollHeight - 1;
  return { pages, page: atEnd ? pages : Math.min(pages, Math.floor(scrollTop / clientHeight + 0.5) + 1) };
}

/**
 * A content area that never hides what does not fit: when it overflows, a bar under it says "screen x of y" and
 * offers up/down buttons (also reachable by keypad), and the scrollbar is drawn wide.
 */
export function ScrollArea({
  className,
  children,
  testId,
  hintSlot,
}: {
  className?: string;
  children: ReactNode;
  testId?: string;
  /** where the hint bar goes (the frame puts it in its bottom bar); under the box when absent */
  hintSlot?: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit>({ pages: 1, page: 1 });
  const measure = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const next = scrollFit(el.scrollTop, el.clientHeight, el.scrollHeight);
    setFit((prev) => (prev.page === next.page && prev.pages === next.pages ? prev : next));
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const mutations = new MutationObserver(measure);
    mutations.observe(el, { childList: true, subtree: true, characterData: true });
    for (const child of el.children) observer.observe(child);
    measure();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [measure]);
  const scrollBy = (direction: 1 | -1) => {
    const el = box.current;
    if (el) el.scrollBy({ top: direction * el.clientHeight * 0.9, behavior: 'smooth' });
  };
  const overflowing = fit.pages > 1;
  return (
    <>
      <div
        ref={box}
        className={['scroll-area', className ?? ''].join(' ').trim()}
        data-overflow={overflowing}
        // a box that scrolls must be reachable without touch too (axe scrollable-region-focusable)
        tabIndex={overflowing ? 0 : undefined}
        data-testid={testId}
        onScroll={measure}
      >
        {children}
      </div>
      {overflowing &&
        (hintSlot ? (h: ReactNode) => createPortal(h, hintSlot) : (h: ReactNode) => h)(
          <div className="scroll-hint" data-testid="scroll-hint">
            <button
              type="button"
              className="btn"
              data-testid="scroll-up"
              aria-label={t('frame.scrollUp')}
              disabled={fit.page <= 1}
              onClick={() => scrollBy(-1)}
            >
              <span aria-hidden="true">▲</span>
            </button>
            <span
              role="status"
              data-testid="scroll-position"
              aria-label={`${t('frame.scrollPosition', { page: fit.page, pages: fit.pages })} ${fit.page < fit.pages ? t('frame.scrollMore') : ''}`}
            >
              {t('frame.scrollPosition', { page: fit.page, pages: fit.pages })}
            </span>
            <button
              type="button"
              className="btn"
              data-testid="scroll-down"
              aria-label={t('frame.scrollDown')}
              disabled={fit.page >= fit.pages}
              onClick={() => scrollBy(1)}
            >
              <span aria-hidden="true">▼</span>
            </button>
          </div>,
        )}
    </>
  );
}
