/**
 * Electron kiosk policy as plain data and pure functions (no Electron import), so it is unit-tested
 * under Node. `main.ts` applies it.
 */

export const APP_SCHEME = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

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

/** Permission requests are denied unless the config grants that permission. */
export function isPermissionAllowed(permission: string, granted: readonly string[], requestingUrl: string): boolean {
  return isAllowedNavigation(requestingUrl) && granted.includes(permission);
}

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
 * Keys that would let a resident leave or alter the kiosk: reload, devtools, close/quit, zoom, print dialog,
 * new window/tab, find, view source, full-screen toggle, history navigation.
 */
export function isBlockedShortcut(input: KeyInput, dev = false): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.control || input.meta;
  if (dev && mod && input.shift && key === 'i') return false;
  if (['F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome'].includes(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's', 'f', 'g', 'h', 'j', 'l', 'u', '+', '=', '-', '0', 'Tab'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c', 'r', 'n', 't', 'w', 'Delete'].includes(key)) return true;
  return false;
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
