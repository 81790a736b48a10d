/**
 * Every time the terminal prints or shows is written in the terminal's one time zone (config `terminal.timeZone`),
 * never the machine's: a kiosk whose OS clock runs in UTC still prints Beijing time. Chinese is written the Chinese
 * way (2026年11月30日 14:40); English gets an English order in the same zone.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True when the runtime knows this IANA zone name (e.g. Asia/Shanghai, Asia/Urumqi). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

function partsIn(at: Date, timeZone: string): Parts {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of f.formatToParts(at)) if (p.type in out) out[p.type as keyof Parts] = p.value;
  return out;
}

const asDate = (at: Date | string | number) => (at instanceof Date ? at : new Date(at));
const isChinese = (lang: string) => lang.toLowerCase().startsWith('zh');

/** 2026年11月30日 (zh) or 30 Nov 2026 (en), in `timeZone`. */
export function formatDate(at: Date | string | number, timeZone: string, lang = 'zh-CN'): string {
  const d = asDate(at);
  if (!isChinese(lang)) return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  const p = partsIn(d, timeZone);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 14:40 (24-hour, both languages), or 14:40:51 with seconds. */
export function formatTime(at: Date | string | number, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const p = partsIn(asDate(at), timeZone);
  return opts.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** 2026年11月30日 14:40 (zh) or 30 Nov 2026, 14:40 (en), in `timeZone`. */
export function formatDateTime(at: Date | string | number, timeZone: string, lang = 'zh-CN', opts: { seconds?: boolean } = {}): string {
  const date = formatDate(at, timeZone, lang);
  const time = formatTime(at, timeZone, opts);
  return isChinese(lang) ? `${date} ${time}` : `${date}, ${time}`;
}
