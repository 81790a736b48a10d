import { createReportThrottle, linkAttempt, shortcutOf, type Attempt } from './attempts.js';

const textInputTypes = new Set(['text', 'search', 'tel', 'number', 'password', 'email', 'url', '']);

/** Where a resident types: selecting, copying and pasting stay allowed there (nothing personal is typed in). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return textInputTypes.has(target.type);
  return target.isContentEditable;
}

/**
 * Locks the kiosk page down in both shells: every way out or behind the UI that the page can see is refused and
 * reported (throttled) to the core through `report`. What the page cannot see (Alt+Tab, Ctrl+Alt+F1, Super on some
 * desktops) the OS must stop: see the README's "Deploying a terminal".
 */
export function installLockdownGuard(
  win: Window,
  send: (a: Attempt) => void,
  opts: {
    /** Keys the UI itself uses (the tactile keypad's F1–F3): their browser default is cancelled, but they are no attempt. */
    isAppKey?: (e: KeyboardEvent) => boolean;
  } = {},
): () => void {
  const report = createReportThrottle(send);
  const doc = win.document;
  const block = (e: Event, a: Attempt) => {
    e.preventDefault();
    report(a);
  };
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) => {
    win.addEventListener(type, fn as EventListener, { capture: true, passive: false });
    return () => win.removeEventListener(type, fn as EventListener, { capture: true });
  };

  const removers = [
    on('keydown', (e) => {
      const shortcut = shortcutOf(e);
      if (shortcut && opts.isAppKey?.(e)) return e.preventDefault();
      if (shortcut) return block(e, shortcut);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && !isEditable(e.target)) block(e, { kind: 'selection' });
    }),
    on('contextmenu', (e) => block(e, { kind: 'contextMenu' })),
    on('selectstart', (e) => !isEditable(e.target) && block(e, { kind: 'selection' })),
    on('copy', (e) => !isEditable(e.target) && block(e, { kind: 'copy' })),
    on('cut', (e) => !isEditable(e.target) && block(e, { kind: 'copy' })),
    on('dragstart', (e) => block(e, { kind: 'drag' })),
    // the page takes every drag-over, so a drop comes to it (and is cancelled there) instead of the browser opening it
    on('dragenter', (e) => e.preventDefault()),
    on('dragover', (e) => e.preventDefault()),
    on('drop', (e) => block(e, { kind: 'drop', what: e.dataTransfer?.types.includes('Files') ? 'file' : 'link' })),
    on('wheel', (e) => e.ctrlKey && block(e, { kind: 'zoom' })),
    on('touchstart', (e) => e.touches.length > 1 && block(e, { kind: 'zoom' })),
    on('touchmove', (e) => e.touches.length > 1 && block(e, { kind: 'zoom' })),
    ...(['click', 'auxclick'] as const).map((type) =>
      on(type, (e) => {
        const target = e.target instanceof Element ? e.target : null;
        if (target?.closest('input[type="file" i]')) return block(e, { kind: 'filePicker' });
        const link = target?.closest('a[href], area[href]');
        if (!link) return;
        const newWindow = e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || link.getAttribute('target') === '_blank';
        block(e, linkAttempt(link.getAttribute('href') ?? '', win.location.origin, { newWindow, download: link.hasAttribute('download') }));
      }),
    ),
    on('submit', (e) => block(e, { kind: 'navigation', what: 'form' })),
  ];
  // Safari's gesture events (pinch on a touchpad); Chromium sends ctrl+wheel instead
  for (const type of ['gesturestart', 'gesturechange']) {
    const fn = (e: Event) => block(e, { kind: 'zoom' });
    doc.addEventListener(type, fn, { capture: true, passive: false });
    removers.push(() => doc.removeEventListener(type, fn, { capture: true }));
  }
  // pinch zoom off on touch screens: `manipulation` would still allow it
  const touchAction = doc.documentElement.style.touchAction;
  doc.documentElement.style.touchAction = 'pan-x pan-y';
  removers.push(() => (doc.documentElement.style.touchAction = touchAction));

  // script-level escapes: the page's own code (or anything slipped in) opens no window, dialog, print or picker
  const w = win as unknown as Record<string, unknown>;
  const replaced: Record<string, unknown> = {};
  const replace = (name: string, fn: (...args: unknown[]) => unknown) => {
    replaced[name] = w[name];
    w[name] = fn;
  };
  replace('open', (url) => {
    report(
      typeof url === 'string' && /^(mailto|tel|sms):/i.test(url)
        ? linkAttempt(url, win.location.origin, { newWindow: true, download: false })
        : { kind: 'popup' },
    );
    return null;
  });
  replace('print', () => report({ kind: 'print' }));
  replace('alert', () => report({ kind: 'dialog', what: 'alert' }));
  replace('confirm', () => {
    report({ kind: 'dialog', what: 'confirm' });
    return false;
  });
  replace('prompt', () => {
    report({ kind: 'dialog', what: 'prompt' });
    return null;
  });
  for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker'])
    replace(picker, () => {
      report({ kind: 'filePicker' });
      return Promise.reject(new DOMException('not on this terminal', 'AbortError'));
    });
  removers.push(() => Object.assign(w, replaced));

  return () => removers.forEach((r) => r());
}
