import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  isAllowedNavigation,
  isBlockedShortcut,
  isPermissionAllowed,
  isTrustedSender,
  kioskWindowOptions,
  recoveryAction,
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
    });
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
    expect(isPermissionAllowed('media', [], `${APP_ORIGIN}/`)).toBe(false);
    expect(isPermissionAllowed('media', ['media'], `${APP_ORIGIN}/`)).toBe(true);
    expect(isPermissionAllowed('media', ['media'], 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('geolocation', ['media'], `${APP_ORIGIN}/`)).toBe(false);
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
  ])('blocks %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it('lets ordinary typing, arrows, Enter and Escape through', () => {
    for (const k of ['a', '1', 'Enter', 'Escape', 'ArrowDown', 'Tab', 'Backspace']) expect(isBlockedShortcut(key(k))).toBe(false);
  });

  it('ignores key-up events', () => {
    expect(isBlockedShortcut({ ...key('r', { control: true }), type: 'keyUp' })).toBe(false);
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
