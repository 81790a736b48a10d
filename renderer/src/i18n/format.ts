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

function parts(at: Date, timeZone: string, weekday = false): Record<string, string> {
  const f = new Intl.DateTimeFormat(weekday ? 'zh-CN' : 'en-US', {
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
  if (!isChinese(lang))
    return new Intl.DateTimeFormat('en-GB', {
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
  return isChinese(lang) ? `${date} ${time}` : `${date}, ${time}`;
}
