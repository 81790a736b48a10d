import { blockedShortcut, type LockdownAttemptKind } from '../../../main/bridge/contract.js';

/** One blocked attempt as the bridge carries it (`lockdown.blocked`). */
export interface Attempt {
  kind: LockdownAttemptKind;
  what?: string;
}

/** A key press in the DOM's terms, named the way the Electron shell names it; null when the key may pass. */
export function shortcutOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): Attempt | null {
  const what = blockedShortcut({ key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, shift: e.shiftKey });
  return what === null ? null : { kind: 'shortcut', what };
}

/**
 * A click on a link: the kiosk UI has no links of its own, so any link (in platform content, or slipped in) that
 * would leave the page, open a window, download, or hand a scheme (mailto:, tel:) to another application is one.
 */
export function linkAttempt(href: string, pageOrigin: string, how: { newWindow: boolean; download: boolean }): Attempt {
  let url: URL | null = null;
  try {
    url = new URL(href, pageOrigin);
  } catch {
    return { kind: 'navigation', what: 'invalid' };
  }
  const scheme =
    url.protocol
      .replace(/:$/, '')
      .replace(/[^a-z0-9+_-]/g, '')
      .slice(0, 24) || 'invalid';
  if (!['http', 'https', 'javascript', 'data', 'file', 'blob', 'about', 'ftp', 'chrome', 'view-source'].includes(scheme))
    return { kind: 'externalProtocol', what: scheme };
  if (how.download) return { kind: 'download' };
  if (how.newWindow) return { kind: 'popup' };
  return { kind: 'navigation', what: scheme };
}

/** Reports one attempt per kind and name per second: holding a key or spinning the wheel is one attempt. */
export function createReportThrottle(report: (a: Attempt) => void, now: () => number = Date.now, windowMs = 1000) {
  const last = new Map<string, number>();
  return (a: Attempt) => {
    const key = `${a.kind}:${a.what ?? ''}`;
    const t = now();
    if ((last.get(key) ?? -Infinity) > t - windowMs) return;
    last.set(key, t);
    report(a);
  };
}
