import type { DeviceState, MediaCondition } from '../core/status.js';
import { asBool, asInts, asStrings, findAttr, GroupTag, type IppMessage } from './ipp-codec.js';

export interface Supply {
  name: string;
  /** Percent remaining; null when the printer cannot say (marker-levels −1, −2) */
  level: number | null;
  /** −3 in marker-levels: "some remains" without an amount */
  someRemaining: boolean;
}

export interface PrinterSnapshot {
  state: 'idle' | 'processing' | 'stopped' | 'unknown';
  /** printer-state-reasons without the -report/-warning/-error suffixes and without "none" */
  reasons: string[];
  supplies: Supply[];
  acceptingJobs: boolean;
  mediaReady: string[];
}

const states: Record<number, PrinterSnapshot['state']> = { 3: 'idle', 4: 'processing', 5: 'stopped' };

/** Reads the printer's condition from a Get-Printer-Attributes reply (RFC 8011 §5.4.11–12, RFC 3805 markers, PWG 5100.13 supplies). */
export function snapshotFromAttributes(m: IppMessage): PrinterSnapshot {
  const get = (n: string) => findAttr(m, GroupTag.printer, n);
  const reasons = [...new Set(asStrings(get('printer-state-reasons')).map(stripSeverity))].filter((r) => r !== 'none');
  return {
    state: states[asInts(get('printer-state'))[0] ?? 0] ?? 'unknown',
    reasons,
    supplies: supplies(m),
    acceptingJobs: asBool(get('printer-is-accepting-jobs')) ?? false,
    mediaReady: asStrings(get('media-ready')),
  };
}

export const stripSeverity = (r: string): string => r.replace(/-(report|warning|error)$/, '');

function supplies(m: IppMessage): Supply[] {
  const get = (n: string) => findAttr(m, GroupTag.printer, n);
  const names = asStrings(get('marker-names'));
  const levels = asInts(get('marker-levels'));
  if (levels.length > 0)
    return levels.map((level, i) => ({
      name: names[i] ?? `marker ${i + 1}`,
      level: level >= 0 ? Math.min(100, level) : null,
      someRemaining: level === -3,
    }));
  // printer-supply: "index=1;class=…;type=toner;unit=percent;maxcapacity=100;level=75;colorantname=black;"
  const descriptions = asStrings(get('printer-supply-description'));
  return asStrings(get('printer-supply')).flatMap((text, i) => {
    const f = Object.fromEntries(text.split(';').flatMap((kv) => (kv.includes('=') ? [kv.split('=', 2) as [string, string]] : [])));
    if (f.class === 'receptacleThatIsFilled') return [];
    const level = Number(f.level);
    const max = Number(f.maxcapacity) > 0 ? Number(f.maxcapacity) : 100;
    return [
      {
        name: descriptions[i] ?? f.type ?? `supply ${i + 1}`,
        level: Number.isFinite(level) && level >= 0 ? Math.round((level / max) * 100) : null,
        someRemaining: level === -3,
      },
    ];
  });
}

/**
 * The device status a printer snapshot means. The reasons decide, not printer-state alone: a printer can say
 * "idle" with an empty tray (ippeveprinter does), and it cannot print then.
 */
export function deviceStatusOf(s: PrinterSnapshot): {
  state: DeviceState;
  media: MediaCondition[];
  reasonKey: string | null;
  detail: string | null;
} {
  const has = (...r: string[]) => r.some((x) => s.reasons.includes(x));
  const media: MediaCondition[] = [];
  if (has('media-empty', 'media-needed')) media.push('paperOut');
  else if (has('media-low')) media.push('paperLow');
  if (has('media-jam')) media.push('paperJam');
  if (has('cover-open', 'door-open')) media.push('coverOpen');
  if (has('toner-low', 'marker-supply-low') || s.supplies.some((x) => x.level !== null && x.level <= 10)) media.push('tonerLow');
  const detail = s.reasons.length ? s.reasons.join(', ') : null;
  if (has('media-jam')) return { state: 'userError', media, reasonKey: 'printer.reason.jam', detail };
  if (has('media-empty', 'media-needed')) return { state: 'userError', media, reasonKey: 'printer.reason.paperOut', detail };
  if (has('cover-open', 'door-open')) return { state: 'userError', media, reasonKey: 'printer.reason.coverOpen', detail };
  if (has('toner-empty', 'marker-supply-empty')) return { state: 'hardwareError', media, reasonKey: 'printer.reason.tonerEmpty', detail };
  if (has('offline', 'shutdown')) return { state: 'offline', media, reasonKey: 'printer.reason.offline', detail };
  if (has('paused') || s.state === 'stopped') return { state: 'offline', media, reasonKey: 'printer.reason.stopped', detail };
  if (has('spool-area-full') || !s.acceptingJobs) return { state: 'busy', media, reasonKey: 'printer.reason.notAccepting', detail };
  if (s.state === 'processing') return { state: 'busy', media, reasonKey: null, detail };
  return { state: 'online', media, reasonKey: null, detail };
}
