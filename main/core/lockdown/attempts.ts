import { z } from 'zod';

/**
 * The lockdown vocabulary: what a resident (or a curious passer-by) may try to leave or look behind the kiosk UI.
 * Both shells block these; the UI and the Electron shell report each blocked attempt to the core, which audits
 * them aggregated (see LockdownRecorder). Pure: shared by the core, the Electron policy and (through the bridge
 * contract) the UI.
 */
export const lockdownAttemptKinds = [
  /** a browser or window shortcut (Alt+F4, Ctrl+W, F12, Super, ...) */
  'shortcut',
  /** right click, long press or the menu key */
  'contextMenu',
  /** a link or script that would leave the kiosk page (another site, javascript:, data:, file:) */
  'navigation',
  /** mailto:, tel: and other schemes handed to another application */
  'externalProtocol',
  /** window.open, target=_blank, a middle click */
  'popup',
  'download',
  /** a file or link dropped onto the kiosk */
  'drop',
  /** dragging a link or image out of the page */
  'drag',
  'filePicker',
  'print',
  /** alert/confirm/prompt */
  'dialog',
  /** selecting text outside an input field */
  'selection',
  /** copy or cut outside an input field */
  'copy',
  /** pinch, ctrl+wheel, gesture zoom */
  'zoom',
] as const;
export type LockdownAttemptKind = (typeof lockdownAttemptKinds)[number];

export const LockdownAttemptSchema = z
  .object({
    kind: z.enum(lockdownAttemptKinds),
    /** Which one, in a closed spelling (e.g. the shortcut "Ctrl+W", the scheme "mailto"); never page content. */
    what: z
      .string()
      .regex(/^[A-Za-z0-9+_-]{1,24}$/)
      .optional(),
  })
  .strict();
export type LockdownAttempt = z.infer<typeof LockdownAttemptSchema>;

/** A key press as both shells see it (Electron's `before-input-event` and the DOM's KeyboardEvent map onto it). */
export interface KeyPress {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const browserKeys = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
  'LaunchApplication1',
  'LaunchApplication2',
  'LaunchMail',
  'ContextMenu',
  'Help',
  'Print',
  'Find',
  'Open',
  'Close',
  'New',
  'Save',
  'ZoomIn',
  'ZoomOut',
]);
/** With Ctrl (or ⌘): reload, close, quit, new window/tab, print, open, save, find, history, downloads, address bar, view source, bookmarks, zoom, tab switching. */
const ctrlKeys = new Set([
  'r',
  'w',
  'q',
  'n',
  't',
  'p',
  'o',
  's',
  'f',
  'g',
  'h',
  'j',
  'l',
  'u',
  'd',
  'e',
  'k',
  'b',
  'm',
  '+',
  '=',
  '-',
  '0',
  'Tab',
  'PageUp',
  'PageDown',
  'F4',
]);
for (let i = 1; i <= 9; i++) ctrlKeys.add(String(i));
/** With Ctrl+Shift: devtools, inspect, reopen closed tab, incognito, clear browsing data, bookmarks bar, task manager. */
const ctrlShiftKeys = new Set(['i', 'j', 'c', 'r', 'n', 't', 'w', 'q', 'b', 'o', 'm', 'u', 'Delete', 'Escape']);
/** With Alt: close window, history, home, browser menu, address bar, window switching, window menu. */
const altKeys = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home', 'e', 'f', 'd', 'Tab', ' ', 'Escape', 'Enter']);

/**
 * The name of a shortcut the kiosk blocks ("Ctrl+W", "Alt+F4", "F5", "Super"), or null for ordinary typing,
 * arrows, Tab, Enter, Escape and the technicians' Ctrl+Alt+M. Every function key is blocked: F1 opens help in
 * a new tab, F3 find, F5 reload, F6 the address bar, F7 caret browsing, F10 the menu, F11 full screen, F12 the
 * developer tools; Ctrl+Alt+F1..F12 switch virtual terminals, which only the OS can stop (see the README).
 */
export function blockedShortcut(k: KeyPress): string | null {
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  const mods = `${k.ctrl ? 'Ctrl+' : ''}${k.meta ? 'Super+' : ''}${k.alt ? 'Alt+' : ''}${k.shift ? 'Shift+' : ''}`;
  const name = (key === ' ' ? 'Space' : key.length === 1 ? key.toUpperCase() : key).replace(/^\+$/, 'Plus').replace(/^=$/, 'Equal');
  const spelled = `${mods}${name}`.replace(/[^A-Za-z0-9+_-]/g, '').slice(0, 24) || 'Key';
  if (key === 'Meta' || key === 'OS' || key === 'Super' || key === 'Hyper') return 'Super';
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(key)) return spelled;
  if (browserKeys.has(key)) return spelled;
  const mod = k.ctrl || k.meta;
  if (mod && k.alt && key === 'm') return null; // technicians' maintenance entry
  if (mod && k.shift && ctrlShiftKeys.has(key)) return spelled;
  if (mod && !k.shift && ctrlKeys.has(key)) return spelled;
  if (mod && k.shift && (key === '+' || key === '=' || key === '_' || key === 'Tab')) return spelled;
  if (k.meta && !k.ctrl) return spelled; // Super+anything is the desktop's, never the kiosk's
  if (k.alt && !mod && altKeys.has(key)) return spelled;
  return null;
}
