import { blockedShortcut, type LockdownAttempt } from '../core/lockdown/attempts.js';

/**
 * Electron kiosk policy as plain data and pure functions (no Electron import), so it is unit-tested
 * under Node. `main.ts` applies it.
 */

export const APP_SCHEME = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
/** The UI's session partition: no `persist:` prefix, so cache, cookies and storage live in memory only. */
export const UI_PARTITION = 'kiosk-ui';

export interface WindowPolicyInput {
  dev: boolean;
  preloadPath: string;
}

/** BrowserWindow options for the one kiosk window. */
export function kioskWindowOptions({ dev, preloadPath }: WindowPolicyInput) {
  return {
    show: false,
    fullscreen: !dev,
    kiosk: !dev,
    frame: dev,
    autoHideMenuBar: true,
    backgroundColor: '#0b3d91',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: dev,
      disableDialogs: true,
      partition: UI_PARTITION,
      autoplayPolicy: 'no-user-gesture-required' as const,
    },
  };
}

/** Only the app's own origin may be shown; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/**
 * Permission requests are denied unless the config grants that permission. The camera is different: `media` is
 * granted only when the terminal has a document camera (config `documentCamera`), only for video — never the
 * microphone — and only to the app itself; the screen then opens that camera by its label.
 */
export function isPermissionAllowed(
  permission: string,
  granted: readonly string[],
  requestingUrl: string,
  media: { documentCamera: boolean; mediaTypes?: readonly string[] } = { documentCamera: false },
): boolean {
  if (!isAllowedNavigation(requestingUrl)) return false;
  if (permission === 'media') return media.documentCamera && isVideoOnly(media.mediaTypes);
  return granted.includes(permission);
}

/** A media request or check for video alone (Electron gives `mediaTypes` on requests and one `mediaType` on checks). */
const isVideoOnly = (types: readonly string[] | undefined) => types !== undefined && types.length > 0 && types.every((t) => t === 'video');

export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Keys that would let a resident leave or alter the kiosk (see `blockedShortcut`): reload, devtools, close/quit,
 * zoom, print dialog, new window/tab, find, view source, full screen, history, every function key, Super.
 * With --dev the devtools shortcut stays.
 */
export function isBlockedShortcut(input: KeyInput, dev = false, appKeys: readonly string[] = []): boolean {
  return shortcutAttempt(input, dev, appKeys) !== null;
}

/**
 * The attempt to record for a blocked key press, or null when the key is let through. `appKeys` are keys the UI
 * itself uses (the tactile keypad's help and volume keys are F1–F3 by default): pressed alone they reach the page,
 * whose guard cancels any browser default.
 */
export function shortcutAttempt(input: KeyInput, dev = false, appKeys: readonly string[] = []): LockdownAttempt | null {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return null;
  const plain = !input.control && !input.meta && !input.alt && !input.shift;
  if (plain && (appKeys.includes(input.key) || (input.code !== undefined && appKeys.includes(input.code)))) return null;
  const what = blockedShortcut({ key: input.key, ctrl: input.control, meta: input.meta, alt: input.alt, shift: input.shift });
  if (what === null) return null;
  if (dev && (what === 'Ctrl+Shift+I' || what === 'F12')) return null;
  return { kind: 'shortcut', what };
}

/**
 * What a navigation away from the app would have been, for the record: a scheme handed to another application
 * (mailto:, tel:, ...), or leaving the kiosk (another site, javascript:, data:, file:). Null when allowed.
 */
export function navigationAttempt(url: string): LockdownAttempt | null {
  if (isAllowedNavigation(url)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? 'invalid';
  const what = scheme.replace(/[^a-z0-9+_-]/g, '').slice(0, 24) || 'invalid';
  return webSchemes.has(scheme) ? { kind: 'navigation', what } : { kind: 'externalProtocol', what };
}
const webSchemes = new Set([
  'http',
  'https',
  'javascript',
  'data',
  'file',
  'blob',
  'about',
  'chrome',
  'devtools',
  'view-source',
  'ftp',
  'ws',
  'wss',
  APP_SCHEME,
  'invalid',
]);

/** `setWindowOpenHandler`: nothing ever opens; the attempt is recorded as a popup (or as the scheme it aimed at). */
export function windowOpenAttempt(url: string): LockdownAttempt {
  const nav = navigationAttempt(url);
  return nav?.kind === 'externalProtocol' ? nav : { kind: 'popup' };
}

/** The IPC channel names; the preload and main share only these strings. */
export const IPC_REQUEST = 'kiosk:request';
export const IPC_EVENT = 'kiosk:event';

/** A message from a renderer is handled only when it comes from the main frame of our window at our origin. */
export function isTrustedSender(
  sender: { frameUrl: string | undefined; isMainFrame: boolean; webContentsId: number },
  kioskWebContentsId: number | null,
): boolean {
  return (
    sender.isMainFrame &&
    sender.webContentsId === kioskWebContentsId &&
    sender.frameUrl !== undefined &&
    isAllowedNavigation(sender.frameUrl)
  );
}

/** Relaunch decisions: a renderer crash or hang reloads the window; repeated crashes restart the app. */
export function recoveryAction(recentCrashes: number): 'reload' | 'relaunch' {
  return recentCrashes >= 3 ? 'relaunch' : 'reload';
}
