/**
 * Times on screen, always in the terminal's time zone (terminal info `timeZone`, from config `terminal.timeZone`),
 * never the browser's: Chinese the Chinese way (2026年11月30日 14:40), English in an English order. Pure; the core
 * writes printed times the same way (main/core/time/format.ts).
 */

/** Until terminal info arrives: the config's documented default. */
export const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

type When = Date | string | number;
const asDate = (at: When) => (at instanceof Date ? at : new Date(at));
const isChinese = (lang: string) => lang.toLowerCase().startsWith('zh');
const isUyghur = (lang: string) => lang.toLowerCase().startsWith('ug');

/**
 * Uyghur month and weekday names. Written out here rather than asked of Intl: Node's ICU has `ug`, but an Electron
 * or Chromium build with reduced ICU data may not, and the terminal must not fall back to English dates.
 */
const UG_MONTHS = ['يانۋار', 'فېۋرال', 'مارت', 'ئاپرېل', 'ماي', 'ئىيۇن', 'ئىيۇل', 'ئاۋغۇست', 'سېنتەبىر', 'ئۆكتەبىر', 'نويابىر', 'دېكابىر'];
const UG_WEEKDAYS = ['يەكشەنبە', 'دۈشەنبە', 'سەيشەنبە', 'چارشەنبە', 'پەيشەنبە', 'جۈمە', 'شەنبە'];

/** 2026-يىلى 30-نويابىر، دۈشەنبە: year, day-month (the Uyghur order), weekday; digits stay 0–9 as used in Xinjiang. */
function formatUyghurDate(at: Date, timeZone: string, weekday: boolean): string {
  const p = parts(at, timeZone);
  const date = `${p.year}-يىلى ${Number(p.day)}-${UG_MONTHS[Number(p.month) - 1]}`;
  if (!weekday) return date;
  const day = formatter('en-US', { timeZone, weekday: 'short' }).format(at);
  return `${date}، ${UG_WEEKDAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(day)]}`;
}

/**
 * Formatters are built on first use and kept: building one costs far more than using it (the attract clock formats
 * every second), and none is built while the first screen loads.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

function parts(at: Date, timeZone: string, weekday = false): Record<string, string> {
  const f = formatter(weekday ? 'zh-CN' : 'en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(weekday ? { weekday: 'long' as const } : {}),
  });
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** 14:40, or 14:40:51 with seconds (24-hour in both languages). */
export function formatTime(at: When, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const p = parts(asDate(at), timeZone);
  return opts.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** 2026年11月30日 (zh) or 30 Nov 2026 (en); with `weekday`: 2026年11月30日 星期一 / Monday, 30 November 2026. */
export function formatDate(at: When, timeZone: string, lang: string, opts: { weekday?: boolean } = {}): string {
  const d = asDate(at);
  if (isUyghur(lang)) return formatUyghurDate(d, timeZone, opts.weekday ?? false);
  if (!isChinese(lang))
    return formatter('en-GB', {
      timeZone,
      day: 'numeric',
      month: opts.weekday ? 'long' : 'short',
      year: 'numeric',
      ...(opts.weekday ? { weekday: 'long' as const } : {}),
    }).format(d);
  const p = parts(d, timeZone, opts.weekday);
  const date = `${p.year}年${p.month}月${p.day}日`;
  return opts.weekday ? `${date} ${p.weekday}` : date;
}

/** 2026年11月30日 14:40 (zh) or 30 Nov 2026, 14:40 (en). */
export function formatDateTime(at: When, timeZone: string, lang: string, opts: { seconds?: boolean } = {}): string {
  const date = formatDate(at, timeZone, lang);
  const time = formatTime(at, timeZone, opts);
  return isChinese(lang) || isUyghur(lang) ? `${date} ${time}` : `${date}, ${time}`;
}
