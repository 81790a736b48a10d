import type { DeviceError } from '../core/errors.js';
import type { ScannerCapabilities } from './document-scanner.js';
import { scannerError } from './scanner-errors.js';

/**
 * What `scanimage -d DEVICE -A` says a SANE device offers, and what scanimage's exit status means. Pure text in,
 * values out; the SANE driver runs the process.
 */
export interface SaneOptions {
  /** --mode values as the backend spells them (Color, Gray, Lineart…). */
  modes: string[];
  resolutions: number[];
  /** --source values (Flatbed, ADF, Automatic Document Feeder…); empty when the device has no --source. */
  sources: string[];
  maxWidthMm: number | null;
  maxHeightMm: number | null;
}

const standardResolutions = [75, 100, 150, 200, 300, 400, 600, 1200];

/** The values of one option line: `--mode Gray|Color [Gray]`, `--resolution 1..1200dpi (in steps of 1) [50]`. */
function optionValues(text: string, flag: string): string | null {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${flag} `) && !/\[inactive\]\s*$/.test(l));
  if (!line) return null;
  return line
    .trimStart()
    .slice(flag.length + 1)
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .replace(/\s*\(in steps of [^)]*\)/, '')
    .trim();
}

function numbers(values: string | null): { list: number[]; max: number | null } {
  if (!values) return { list: [], max: null };
  const range = /^(-?[\d.]+)\.\.([\d.]+)\s*[a-z%]*$/i.exec(values);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    return { list: standardResolutions.filter((r) => r >= min && r <= max), max };
  }
  const list = values
    .replace(/[a-z%]+$/i, '')
    .split('|')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  return { list, max: list.length ? Math.max(...list) : null };
}

export function parseSaneOptions(text: string): SaneOptions {
  const modes = optionValues(text, '--mode')?.split('|').filter(Boolean) ?? [];
  const sources = optionValues(text, '--source')?.split('|').filter(Boolean) ?? [];
  return {
    modes,
    sources,
    resolutions: numbers(optionValues(text, '--resolution')).list,
    maxWidthMm: numbers(optionValues(text, '-x')).max,
    maxHeightMm: numbers(optionValues(text, '-y')).max,
  };
}

export const isFeederSource = (s: string) => /adf|feeder|automatic/i.test(s) && !/duplex/i.test(s);
export const isPlatenSource = (s: string) => /flatbed|platen|glass/i.test(s);
export const colorModeName = (o: SaneOptions, mode: 'color' | 'gray') =>
  o.modes.find((m) => (mode === 'color' ? /^(colou?r|24bit colou?r|rgb)$/i : /^(gr[ae]y(scale)?|8bit gr[ae]y)$/i).test(m));

export function saneCapabilities(o: SaneOptions): ScannerCapabilities {
  const sources: ScannerCapabilities['sources'] = [];
  if (o.sources.length === 0 || o.sources.some(isPlatenSource)) sources.push('platen');
  if (o.sources.some(isFeederSource)) sources.push('feeder');
  const colorModes: ScannerCapabilities['colorModes'] = [];
  if (colorModeName(o, 'color')) colorModes.push('color');
  if (colorModeName(o, 'gray') || o.modes.length === 0) colorModes.push('gray');
  return {
    sources,
    colorModes,
    resolutions: o.resolutions,
    formats: ['image/png', 'image/jpeg', 'application/pdf'],
    maxWidthMm: o.maxWidthMm ?? 210,
    maxHeightMm: o.maxHeightMm ?? 297,
  };
}

/** SANE_Status values (sane.h); scanimage exits with the status of the call that failed. */
export const SaneStatus = {
  good: 0,
  unsupported: 1,
  cancelled: 2,
  deviceBusy: 3,
  inval: 4,
  eof: 5,
  jammed: 6,
  noDocs: 7,
  coverOpen: 8,
  ioError: 9,
  noMem: 10,
  accessDenied: 11,
} as const;

/** The typed error a failed scanimage run means; `stderr`'s scanimage lines are the technician's detail. */
export function saneFault(exitCode: number, stderr: string): DeviceError {
  const said = stderr
    .split('\n')
    .filter((l) => l.startsWith('scanimage:'))
    .join('; ');
  const detail = `scanimage exit ${exitCode}${said ? `: ${said}` : ''}`;
  if (/open of device .* failed/.test(stderr)) return scannerError.offline(detail);
  switch (exitCode) {
    case SaneStatus.cancelled:
      return scannerError.canceled(detail);
    case SaneStatus.deviceBusy:
      return scannerError.busy(detail);
    case SaneStatus.jammed:
      return scannerError.jam(detail);
    case SaneStatus.noDocs:
      return scannerError.feederEmpty(detail);
    case SaneStatus.coverOpen:
      return scannerError.coverOpen(detail);
    case SaneStatus.inval:
    case SaneStatus.unsupported:
      return scannerError.unsupported(detail);
    default:
      return scannerError.hardware(detail);
  }
}
