import { SHELL_ID } from './ids.js';

/** A touch the served attract shell took before React drew the screen: it starts a session once React has. */
export interface ShellTouch {
  /** the language button touched, or null for anywhere else (then the session starts in its default language) */
  language: string | null;
}

export interface ShellTouches {
  /** the first touch taken, if any; later touches add nothing, as on the attract screen itself */
  taken(): ShellTouch | null;
}

/**
 * Listens for touches on the attract shell the core served with the page (renderer/src/attract-shell/render.ts), or
 * returns null when the page came without one. Until this runs the shell takes no touch at all (data-shell="waiting":
 * pointer-events none), so no touch is ever silently dropped; from here on a touch is kept and replayed by main.tsx
 * once the bridge is up, and the shell shows it is busy. Like AttractScreen, a touch on a notice or on the hidden
 * maintenance corner starts nothing.
 */
export function captureShellTouches(doc: Document): ShellTouches | null {
  const shell = doc.getElementById(SHELL_ID);
  if (!shell) return null;
  let touch: ShellTouch | null = null;
  shell.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (touch || !target || target.closest('.banner, .hidden-corner')) return;
    touch = { language: target.closest('[data-language]')?.getAttribute('data-language') ?? null };
    shell.setAttribute('aria-busy', 'true');
  });
  shell.dataset.shell = 'ready';
  return { taken: () => touch };
}
