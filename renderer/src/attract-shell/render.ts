/**
 * The attract screen as markup served with the page (browser mode): the core fills `index.html`'s placeholder with
 * it (main/browser/attract-shell.ts), so the attract screen is on screen before any script has run, in the session's
 * language and with the terminal's name. React then takes over in the same place (renderer/src/main.tsx).
 *
 * Pure and DOM-free: built at renderer build time into `dist/renderer/attract-shell.js` (see vite.config.ts), which
 * the core imports. It mirrors AttractScreen.tsx's markup (classes, test ids, texts from the same i18n strings and the
 * same time formatting), so the takeover changes nothing on screen; an e2e test compares the two.
 */
import { en } from '../i18n/en.js';
import { formatDate, formatTime } from '../i18n/format.js';
import { directionOf, languageNames } from '../i18n/languages.js';
import { SHELL_ID, SHELL_PLACEHOLDER } from './ids.js';
import { ug } from '../i18n/ug.js';
import { zhCN, type Messages } from '../i18n/zh-CN.js';
import { printingPause } from '../stores/printing.js';
import type { DeviceStatus } from '../stores/terminal.js';

/** What the core knows at the moment it serves the page. */
export interface AttractShellData {
  terminalName: string;
  hotline: string;
  /** the terminal's languages (a language button each when more than one) */
  languages: string[];
  /** the idle session's language */
  language: string;
  timeZone: string;
  /** epoch ms */
  now: number;
  devices: DeviceStatus[];
  /** the operations centre's notice, or null */
  notice: string | null;
}

type Strings = Pick<Messages, 'attract' | 'printer' | 'fleet'>;
const dictionaries: Record<string, Strings> = { 'zh-CN': zhCN, en, ug };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The attract screen's markup (escaped), in the session's language. */
export function renderAttractShell(data: AttractShellData): string {
  const s = dictionaries[data.language] ?? zhCN;
  const e = escapeHtml;
  const pause = printingPause(Object.fromEntries(data.devices.map((d) => [d.deviceId, d])));
  const parts = [
    // data-shell="waiting": no touch is taken until the page's script listens (main.tsx sets "ready")
    `<main class="screen attract" id="${SHELL_ID}" data-testid="attract" data-shell="waiting">`,
    `<h1>${e(data.terminalName)}</h1>`,
    `<div class="clock" data-testid="clock">${e(formatTime(data.now, data.timeZone))}</div>`,
    `<div data-testid="date">${e(formatDate(data.now, data.timeZone, data.language, { weekday: true }))}</div>`,
  ];
  if (data.notice)
    parts.push(
      `<div class="banner fleet-notice" role="status" data-testid="fleet-notice"><strong>${e(s.fleet.notice)}</strong> ${e(data.notice)}</div>`,
    );
  if (pause)
    parts.push(
      `<div class="banner" role="status" data-testid="printing-paused" data-reason="${pause.reason}">` +
        `<strong>${e(s.printer.paused.title)}</strong> ${e(s.printer.paused[pause.reason])} ${e(s.printer.paused.otherServices)}` +
        // "check again" works once React has taken over; until then it honestly takes no touch
        `<div><button type="button" class="btn" data-testid="printing-recheck" disabled>${e(s.printer.paused.recheck)}</button></div></div>`,
    );
  parts.push(
    `<button type="button" class="touch" autofocus data-testid="touch-to-start">${e(s.attract.touchToStart)}</button>`,
    `<div>${e(s.attract.orPlaceCard)}</div>`,
    `<div>${e(s.attract.open24h)} · ${e(s.attract.hotline.replace('{{hotline}}', data.hotline))}</div>`,
  );
  if (data.languages.length > 1)
    parts.push(
      `<nav class="attract-languages" aria-label="${e(s.attract.chooseLanguage)}">` +
        data.languages
          .map(
            (l) =>
              `<button type="button" class="touch language-choice" lang="${e(l)}" data-testid="start-${e(l)}" data-language="${e(l)}">${e(languageNames[l] ?? l)}</button>`,
          )
          .join('') +
        '</nav>',
    );
  // the technicians' corner is there (so a touch on it starts nothing), but its long press needs React
  parts.push('<div class="hidden-corner" aria-hidden="true" data-testid="maintenance-corner"></div>', '</main>');
  return parts.join('');
}

/** index.html with the shell in its placeholder and the page's language and direction set; unchanged without one. */
export function injectAttractShell(indexHtml: string, data: AttractShellData): string {
  if (!indexHtml.includes(SHELL_PLACEHOLDER)) return indexHtml;
  return indexHtml
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(data.language)}" dir="${directionOf(data.language)}"`)
    .replace(SHELL_PLACEHOLDER, renderAttractShell(data));
}
