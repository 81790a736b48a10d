import { XMLParser } from 'fast-xml-parser';
import { err, ok, type Result } from '../core/result.js';
import type { DeviceError } from '../core/errors.js';
import type { ScanColorMode, ScannerCapabilities, ScannerSnapshot, ScanFormat, ScanSource } from './document-scanner.js';
import { scannerError } from './scanner-errors.js';

/**
 * eSCL (Mopria/AirScan) XML, pure: ScannerCapabilities and ScannerStatus in, ScanSettings out. No I/O; any bytes in
 * give a value or an `invalidData` error, never an exception. Namespace prefixes are ignored (servers spell them
 * differently); sizes are in eSCL's 1/300 inch.
 */

export interface EsclSourceCaps {
  colorModes: string[];
  formats: string[];
  resolutions: number[];
  maxWidth: number;
  maxHeight: number;
}

export interface EsclCapabilities {
  version: string;
  makeAndModel: string;
  platen: EsclSourceCaps | null;
  feeder: EsclSourceCaps | null;
}

export interface EsclJobInfo {
  uri: string;
  state: string;
  imagesCompleted: number;
  imagesToTransfer: number;
  reasons: string[];
}

export interface EsclStatus {
  state: string;
  adfState: string | null;
  jobs: EsclJobInfo[];
}

export interface EsclScanSettings {
  source: 'Platen' | 'Feeder';
  colorMode: 'RGB24' | 'Grayscale8';
  format: string;
  resolution: number;
  /** Scan region in 1/300 inch. */
  width: number;
  height: number;
}

export const ESCL_NS = 'http://schemas.hp.com/imaging/escl/2011/05/03';
export const PWG_NS = 'http://www.pwg.org/schemas/2010/12/sm';
/** 1/300 inch per millimetre. */
export const unitsPerMm = 300 / 25.4;

const listTags = new Set([
  'SettingProfile',
  'ColorMode',
  'DocumentFormat',
  'DocumentFormatExt',
  'DiscreteResolution',
  'JobInfo',
  'JobStateReason',
]);
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => listTags.has(name),
});

type Node = Record<string, unknown>;
const node = (x: unknown): Node | undefined => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Node) : undefined);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
const text = (x: unknown): string | undefined => (typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : undefined);
const int = (x: unknown): number | undefined => {
  const t = text(x);
  return t !== undefined && /^\d{1,7}$/.test(t) ? Number(t) : undefined;
};

function parse(bytes: Uint8Array, root: string): Result<Node, DeviceError> {
  let doc: unknown;
  try {
    doc = parser.parse(new TextDecoder('utf-8').decode(bytes), true);
  } catch (e) {
    return err(scannerError.invalidData(`${root}: not XML (${(e as Error).message.split('\n')[0]})`));
  }
  const top = node(node(doc)?.[root]);
  return top ? ok(top) : err(scannerError.invalidData(`not an eSCL ${root} document`));
}

/** The standard resolutions inside a ResolutionRange (eSCL allows ranges; clients need a list). */
const standardResolutions = [75, 100, 150, 200, 300, 400, 600, 1200];

function sourceCaps(inputCaps: unknown): EsclSourceCaps | null {
  const c = node(inputCaps);
  if (!c) return null;
  const colorModes = new Set<string>();
  const formats = new Set<string>();
  const resolutions = new Set<number>();
  for (const p of list(node(c.SettingProfiles)?.SettingProfile)) {
    const profile = node(p);
    if (!profile) continue;
    for (const m of list(node(profile.ColorModes)?.ColorMode)) if (text(m)) colorModes.add(text(m)!);
    const f = node(profile.DocumentFormats);
    for (const d of [...list(f?.DocumentFormat), ...list(f?.DocumentFormatExt)]) if (text(d)) formats.add(text(d)!.toLowerCase());
    const res = node(profile.SupportedResolutions);
    for (const d of list(node(res?.DiscreteResolutions)?.DiscreteResolution)) {
      const x = int(node(d)?.XResolution);
      if (x) resolutions.add(x);
    }
    const range = node(node(res?.ResolutionRange)?.XResolutionRange);
    const min = int(range?.Min);
    const max = int(range?.Max);
    if (min !== undefined && max !== undefined) for (const r of standardResolutions) if (r >= min && r <= max) resolutions.add(r);
  }
  const maxWidth = int(c.MaxWidth);
  const maxHeight = int(c.MaxHeight);
  if (!maxWidth || !maxHeight || colorModes.size === 0 || resolutions.size === 0) return null;
  return {
    colorModes: [...colorModes],
    formats: [...formats],
    resolutions: [...resolutions].sort((a, b) => a - b),
    maxWidth,
    maxHeight,
  };
}

/** GET /eSCL/ScannerCapabilities. A scanner with neither a usable platen nor a usable feeder is invalid. */
export function decodeCapabilities(bytes: Uint8Array): Result<EsclCapabilities, DeviceError> {
  const r = parse(bytes, 'ScannerCapabilities');
  if (!r.ok) return r;
  const c = r.value;
  const platen = sourceCaps(node(c.Platen)?.PlatenInputCaps);
  const feeder = sourceCaps(node(c.Adf)?.AdfSimplexInputCaps);
  if (!platen && !feeder) return err(scannerError.invalidData('ScannerCapabilities without usable Platen or Adf input caps'));
  return ok({ version: text(c.Version) ?? '', makeAndModel: text(c.MakeAndModel) ?? '', platen, feeder });
}

/** GET /eSCL/ScannerStatus. */
export function decodeStatus(bytes: Uint8Array): Result<EsclStatus, DeviceError> {
  const r = parse(bytes, 'ScannerStatus');
  if (!r.ok) return r;
  const state = text(r.value.State);
  if (!state) return err(scannerError.invalidData('ScannerStatus without State'));
  const jobs = list(node(r.value.Jobs)?.JobInfo).flatMap((j) => {
    const info = node(j);
    const uri = text(info?.JobUri);
    if (!info || !uri) return [];
    return [
      {
        uri,
        state: text(info.JobState) ?? '',
        imagesCompleted: int(info.ImagesCompleted) ?? 0,
        imagesToTransfer: int(info.ImagesToTransfer) ?? 0,
        reasons: list(node(info.JobStateReasons)?.JobStateReason).flatMap((x) => (text(x) ? [text(x)!] : [])),
      },
    ];
  });
  return ok({ state, adfState: text(r.value.AdfState) ?? null, jobs });
}

const states: Record<string, ScannerSnapshot['state']> = {
  Idle: 'idle',
  Processing: 'processing',
  Testing: 'testing',
  Stopped: 'stopped',
  Down: 'down',
};
const adfStates: Record<string, NonNullable<ScannerSnapshot['adf']>> = {
  ScannerAdfLoaded: 'loaded',
  ScannedAdfLoaded: 'loaded', // a misspelling some servers send
  ScannerAdfEmpty: 'empty',
  ScannerAdfJam: 'jam',
  ScannerAdfHatchOpen: 'coverOpen',
  ScannerAdfDoorOpen: 'coverOpen',
  ScannerAdfMispick: 'mispick',
  ScannerAdfMultipickDetected: 'mispick',
  ScannerAdfInputTrayFailed: 'mispick',
  ScannerAdfInputTrayOverloaded: 'mispick',
  ScannerAdfDuplexPageTooShort: 'mispick',
  ScannerAdfDuplexPageTooLong: 'mispick',
  ScannerAdfProcessing: 'processing',
};
const adfReasons: Partial<Record<NonNullable<ScannerSnapshot['adf']>, string>> = {
  empty: 'adf empty',
  jam: 'adf jam',
  coverOpen: 'adf cover open',
  mispick: 'adf mispick',
};

/** The contract's snapshot of an eSCL status: state, feeder condition, and short reasons for technicians. */
export function snapshotOf(s: EsclStatus): ScannerSnapshot {
  const state = states[s.state] ?? 'down';
  const adf = s.adfState === null ? null : (adfStates[s.adfState] ?? 'mispick');
  const reasons: string[] = [];
  if (state === 'stopped' || state === 'down') reasons.push(`scanner ${state}`);
  if (!(s.state in states)) reasons.push(`unknown state ${s.state}`);
  if (adf && adfReasons[adf]) reasons.push(s.adfState && !(s.adfState in adfStates) ? `adf ${s.adfState}` : adfReasons[adf]!);
  return { state, adf, reasons };
}

const contractFormats: ScanFormat[] = ['image/jpeg', 'image/png', 'application/pdf'];

/** The contract's capabilities: what both sources together offer, sizes in millimetres. */
export function capabilitiesOf(c: EsclCapabilities): ScannerCapabilities {
  const sources = [c.platen ? (['platen', c.platen] as const) : null, c.feeder ? (['feeder', c.feeder] as const) : null].filter(
    (x): x is readonly [ScanSource, EsclSourceCaps] => x !== null,
  );
  const all = sources.map(([, caps]) => caps);
  const colorModes: ScanColorMode[] = [];
  if (all.some((x) => x.colorModes.includes('RGB24'))) colorModes.push('color');
  if (all.some((x) => x.colorModes.includes('Grayscale8'))) colorModes.push('gray');
  return {
    sources: sources.map(([name]) => name),
    colorModes,
    resolutions: [...new Set(all.flatMap((x) => x.resolutions))].sort((a, b) => a - b),
    formats: contractFormats.filter((f) => all.some((x) => x.formats.includes(f))),
    maxWidthMm: Math.round(Math.max(...all.map((x) => x.maxWidth)) / unitsPerMm),
    maxHeightMm: Math.round(Math.max(...all.map((x) => x.maxHeight)) / unitsPerMm),
  };
}

const escape = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** POST /eSCL/ScanJobs body (eSCL 2.x; DocumentFormatExt beside the PWG DocumentFormat for older firmware). */
export function encodeScanSettings(s: EsclScanSettings): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:scan="${ESCL_NS}" xmlns:pwg="${PWG_NS}">
  <pwg:Version>2.63</pwg:Version>
  <scan:Intent>Document</scan:Intent>
  <pwg:ScanRegions pwg:MustHonor="false">
    <pwg:ScanRegion>
      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
      <pwg:XOffset>0</pwg:XOffset>
      <pwg:YOffset>0</pwg:YOffset>
      <pwg:Width>${Math.round(s.width)}</pwg:Width>
      <pwg:Height>${Math.round(s.height)}</pwg:Height>
    </pwg:ScanRegion>
  </pwg:ScanRegions>
  <pwg:InputSource>${s.source}</pwg:InputSource>
  <scan:ColorMode>${s.colorMode}</scan:ColorMode>
  <pwg:DocumentFormat>${escape(s.format)}</pwg:DocumentFormat>
  <scan:DocumentFormatExt>${escape(s.format)}</scan:DocumentFormatExt>
  <scan:XResolution>${Math.round(s.resolution)}</scan:XResolution>
  <scan:YResolution>${Math.round(s.resolution)}</scan:YResolution>
</scan:ScanSettings>
`;
}
