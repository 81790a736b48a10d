/**
 * Keypad/keyboard operation: arrows move focus through the controls of the topmost screen or overlay,
 * Enter acts (native on buttons), Escape goes back. Pure parts are tested without a DOM.
 */
export type Move = 'next' | 'previous' | null;

export function moveForKey(key: string, dir: 'ltr' | 'rtl'): Move {
  switch (key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'ArrowRight':
      return dir === 'rtl' ? 'previous' : 'next';
    case 'ArrowLeft':
      return dir === 'rtl' ? 'next' : 'previous';
    default:
      return null;
  }
}

export function nextIndex(count: number, current: number, move: Exclude<Move, null>): number {
  if (count === 0) return -1;
  if (current < 0) return move === 'next' ? 0 : count - 1;
  return move === 'next' ? (current + 1) % count : (current - 1 + count) % count;
}

const focusable = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls of the active scope: the last open overlay, else the whole document. */
export function focusScope(doc: Document): HTMLElement {
  const scopes = doc.querySelectorAll<HTMLElement>('[data-focus-scope]');
  return scopes[scopes.length - 1] ?? doc.body;
}

/** The controls under `root` a resident can reach: enabled, not hidden behind an overlay, drawn. */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(focusable)].filter(
    (el) => !el.closest('[aria-hidden="true"]') && !el.closest('.hidden-corner') && el.getClientRects().length > 0,
  );
}

/** Moves focus in reading order within the open overlay (or the screen) and scrolls the control fully into view. */
export function moveFocus(doc: Document, move: Exclude<Move, null>): void {
  const items = focusables(focusScope(doc));
  const index = items.indexOf(doc.activeElement as HTMLElement);
  const next = items[nextIndex(items.length, index, move)];
  next?.focus({ preventScroll: true });
  next?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
