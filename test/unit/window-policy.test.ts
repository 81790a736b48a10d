import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isAllowedNavigation,
  isBlockedShortcut,
  isPermissionAllowed,
  isTrustedSender,
  kioskWindowOptions,
  navigationAttempt,
  recoveryAction,
  shortcutAttempt,
  UI_PARTITION,
  windowOpenAttempt,
  type KeyInput,
} from '../../main/electron/policy.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('kiosk window options', () => {
  it('locks the production window down: kiosk, isolation, sandbox, no node, no devtools', () => {
    const o = kioskWindowOptions({ dev: false, preloadPath: '/p.cjs' });
    expect(o.kiosk).toBe(true);
    expect(o.fullscreen).toBe(true);
    expect(o.frame).toBe(false);
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: false,
      webSecurity: true,
      preload: '/p.cjs',
      navigateOnDragDrop: false,
      disableDialogs: true,
    });
  });

  it('keeps the UI in an in-memory session: nothing of a resident in a cache or storage file', () => {
    const o = kioskWindowOptions({ dev: false, preloadPath: '/p.cjs' });
    expect(o.webPreferences.partition).toBe(UI_PARTITION);
    expect(UI_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('allows devtools and a framed window only with --dev, never relaxing isolation', () => {
    const o = kioskWindowOptions({ dev: true, preloadPath: '/p.cjs' });
    expect(o.webPreferences.devTools).toBe(true);
    expect(o.kiosk).toBe(false);
    expect(o.webPreferences.contextIsolation).toBe(true);
    expect(o.webPreferences.sandbox).toBe(true);
    expect(o.webPreferences.nodeIntegration).toBe(false);
  });
});

describe('navigation and permissions', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('kiosk://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('denies permissions unless configured, and never to a foreign origin', () => {
    expect(isPermissionAllowed('clipboard-read', [], `${APP_ORIGIN}/`)).toBe(false);
    expect(isPermissionAllowed('clipboard-read', ['clipboard-read'], `${APP_ORIGIN}/`)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', ['clipboard-read'], 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('geolocation', ['media'], `${APP_ORIGIN}/`)).toBe(false);
  });

  it('grants the camera only for the document camera: configured, video alone, to the app', () => {
    const camera = { documentCamera: true, mediaTypes: ['video'] };
    expect(isPermissionAllowed('media', [], `${APP_ORIGIN}/`, camera)).toBe(true);
    // no document camera configured: no camera at all, whatever "permissions" says
    expect(isPermissionAllowed('media', ['media'], `${APP_ORIGIN}/`, { documentCamera: false, mediaTypes: ['video'] })).toBe(false);
    expect(isPermissionAllowed('media', ['media'], `${APP_ORIGIN}/`)).toBe(false);
    // never the microphone, alone or with the camera; never an unspecified request
    expect(isPermissionAllowed('media', [], `${APP_ORIGIN}/`, { documentCamera: true, mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionAllowed('media', [], `${APP_ORIGIN}/`, { documentCamera: true, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionAllowed('media', [], `${APP_ORIGIN}/`, { documentCamera: true, mediaTypes: [] })).toBe(false);
    expect(isPermissionAllowed('media', [], `${APP_ORIGIN}/`, { documentCamera: true })).toBe(false);
    expect(isPermissionAllowed('media', [], 'https://example.com/', camera)).toBe(false);
  });
});

describe('escape shortcuts', () => {
  it.each([
    ['reload', key('r', { control: true })],
    ['hard reload', key('F5')],
    ['devtools', key('i', { control: true, shift: true })],
    ['devtools F12', key('F12')],
    ['close window', key('w', { control: true })],
    ['quit', key('q', { control: true })],
    ['alt+f4', key('F4', { alt: true })],
    ['zoom in', key('+', { control: true })],
    ['zoom out', key('-', { control: true })],
    ['zoom reset', key('0', { control: true })],
    ['print dialog', key('p', { control: true })],
    ['new window', key('n', { control: true })],
    ['new tab', key('t', { control: true })],
    ['history back', key('ArrowLeft', { alt: true })],
    ['fullscreen toggle', key('F11')],
    ['mac reload', key('r', { meta: true })],
    ['view source', key('u', { control: true })],
    ['devtools console', key('j', { control: true, shift: true })],
    ['element picker', key('c', { control: true, shift: true })],
    ['reopen closed tab', key('t', { control: true, shift: true })],
    ['Ctrl+Shift+U', key('U', { control: true, shift: true })],
    ['window switching', key('Tab', { alt: true })],
    ['Super alone', key('Meta', { meta: true })],
    ['Super+D (show desktop)', key('d', { meta: true })],
    ['browser menu', key('f', { alt: true })],
    ['address bar', key('l', { control: true })],
    ['tab by number', key('1', { control: true })],
    ['Ctrl+Alt+F2 (virtual terminal; the OS must stop it too)', key('F2', { control: true, alt: true })],
    ['Ctrl+Alt+T (a terminal on some desktops)', key('t', { control: true, alt: true })],
    ['the menu key', key('ContextMenu')],
    ['the browser back key', key('BrowserBack')],
    ...Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, key(`F${i + 1}`)] as [string, KeyInput]),
  ])('blocks %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it('lets ordinary typing, arrows, Enter and Escape through', () => {
    for (const k of ['a', '1', 'Enter', 'Escape', 'ArrowDown', 'Tab', 'Backspace']) expect(isBlockedShortcut(key(k))).toBe(false);
  });

  it("lets the technicians' Ctrl+Alt+M, copy and paste in fields, and capitals through", () => {
    expect(isBlockedShortcut(key('m', { control: true, alt: true }))).toBe(false);
    expect(isBlockedShortcut(key('c', { control: true }))).toBe(false);
    expect(isBlockedShortcut(key('v', { control: true }))).toBe(false);
    expect(isBlockedShortcut(key('A', { shift: true }))).toBe(false);
  });

  it('records a blocked shortcut by its name; --dev keeps the devtools keys', () => {
    expect(shortcutAttempt(key('F4', { alt: true }))).toEqual({ kind: 'shortcut', what: 'Alt+F4' });
    expect(shortcutAttempt(key('w', { control: true }))).toEqual({ kind: 'shortcut', what: 'Ctrl+W' });
    expect(shortcutAttempt(key('Meta', { meta: true }))).toEqual({ kind: 'shortcut', what: 'Super' });
    expect(shortcutAttempt(key('i', { control: true, shift: true }), true)).toBeNull();
    expect(shortcutAttempt(key('F12'), true)).toBeNull();
    expect(shortcutAttempt(key('F5'), true)).toEqual({ kind: 'shortcut', what: 'F5' });
  });

  it("lets the UI's own keypad keys (F1–F3 by default) reach the page when pressed alone", () => {
    const keypad = ['F1', 'Help', 'F2', 'F3', 'NumpadAdd'];
    expect(shortcutAttempt(key('F1'), false, keypad)).toBeNull();
    expect(shortcutAttempt({ ...key('F3'), code: 'F3' }, false, keypad)).toBeNull();
    expect(shortcutAttempt(key('F1', { control: true }), false, keypad)).toEqual({ kind: 'shortcut', what: 'Ctrl+F1' });
    expect(shortcutAttempt(key('F5'), false, keypad)).toEqual({ kind: 'shortcut', what: 'F5' });
  });

  it('ignores key-up events', () => {
    expect(isBlockedShortcut({ ...key('r', { control: true }), type: 'keyUp' })).toBe(false);
  });
});

describe('navigation, new windows and external protocols', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)', { kind: 'navigation', what: 'javascript' }],
    ['data:', 'data:text/html,<h1>x</h1>', { kind: 'navigation', what: 'data' }],
    ['file:', 'file:///etc/passwd', { kind: 'navigation', what: 'file' }],
    ['another site', 'https://example.com/', { kind: 'navigation', what: 'https' }],
    ['another kiosk:// host', 'kiosk://evil/index.html', { kind: 'navigation', what: 'kiosk' }],
    ['mailto:', 'mailto:someone@example.com', { kind: 'externalProtocol', what: 'mailto' }],
    ['tel:', 'tel:12345', { kind: 'externalProtocol', what: 'tel' }],
    ['an app scheme', 'weixin://dl/scan', { kind: 'externalProtocol', what: 'weixin' }],
  ])('refuses %s and says what it was', (_name, url, attempt) => {
    expect(navigationAttempt(url)).toEqual(attempt);
  });

  it("lets the app's own pages through", () => {
    expect(navigationAttempt(`${APP_ORIGIN}/index.html`)).toBeNull();
  });

  it('opens no window: window.open is recorded as a popup, or as the external scheme it aimed at', () => {
    expect(windowOpenAttempt('https://example.com/')).toEqual({ kind: 'popup' });
    expect(windowOpenAttempt(`${APP_ORIGIN}/index.html`)).toEqual({ kind: 'popup' });
    expect(windowOpenAttempt('mailto:x@example.com')).toEqual({ kind: 'externalProtocol', what: 'mailto' });
  });
});

describe('IPC sender validation', () => {
  it('accepts only the main frame of the kiosk window at the app origin', () => {
    const ok = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, webContentsId: 7 };
    expect(isTrustedSender(ok, 7)).toBe(true);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.com/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: undefined }, 7)).toBe(false);
    expect(isTrustedSender(ok, null)).toBe(false);
  });

  it('reloads a crashed renderer, and relaunches after repeated crashes', () => {
    expect(recoveryAction(1)).toBe('reload');
    expect(recoveryAction(3)).toBe('relaunch');
  });
});
