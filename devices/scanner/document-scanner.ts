import type { Device } from '../core/device.js';
import type { DeviceError } from '../core/errors.js';
import type { Result } from '../core/result.js';

export type ScanSource = 'platen' | 'feeder';
export type ScanColorMode = 'color' | 'gray';
export type ScanFormat = 'image/jpeg' | 'image/png' | 'application/pdf';

/** What the scanner can do (eSCL ScannerCapabilities, or what `scanimage --help -d` lists). */
export interface ScannerCapabilities {
  sources: ScanSource[];
  colorModes: ScanColorMode[];
  resolutions: number[];
  formats: ScanFormat[];
  /** Largest scan area in millimetres (A4 = 210 × 297). */
  maxWidthMm: number;
  maxHeightMm: number;
}

/** eSCL ScannerStatus: the scanner's state and its feeder's (null without a feeder). */
export interface ScannerSnapshot {
  state: 'idle' | 'processing' | 'testing' | 'stopped' | 'down';
  adf: 'loaded' | 'empty' | 'jam' | 'coverOpen' | 'mispick' | 'processing' | null;
  /** Short technician-readable reasons (e.g. "adf jam"), never shown to residents. */
  reasons: string[];
}

export interface ScanSettings {
  source: ScanSource;
  resolution: number;
  mode: ScanColorMode;
  format: ScanFormat;
}

/** One scanned page as delivered by the scanner (decoding and quality checks happen in the core). */
export interface ScannedPage {
  mime: ScanFormat;
  bytes: Uint8Array;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Whole job bound; past it the job is canceled at the scanner and a `timeout` error returned. */
  timeoutMs?: number;
  /** Called as each page arrives (1-based), so the screen can say "page 2 scanned". */
  onPage?: (pageNumber: number) => void;
}

/**
 * A document scanner (eSCL over HTTP, or SANE through `scanimage`). Errors are typed DeviceErrors:
 * `mediaJam` (paper jam), `noMedia` (feeder empty / nothing on the platen), `deviceNotReady` (cover open, busy after
 * retries), `disconnected` (offline), `timeout`, `canceled`, `invalidData` (a reply that is not what eSCL says).
 * `detail` carries the protocol reason; `messageKey` is one of the `scanner.error.*` keys.
 */
export interface DocumentScanner extends Device {
  readonly kind: 'scanner';
  scannerCapabilities(signal?: AbortSignal): Promise<Result<ScannerCapabilities, DeviceError>>;
  snapshot(signal?: AbortSignal): Promise<Result<ScannerSnapshot, DeviceError>>;
  /** Scans one page from the platen, or every page in the feeder; all pages or a typed error (no partial result). */
  scan(settings: ScanSettings, options?: ScanOptions): Promise<Result<ScannedPage[], DeviceError>>;
}

export const isDocumentScanner = (d: Device): d is DocumentScanner =>
  d.kind === 'scanner' && typeof (d as Partial<DocumentScanner>).scan === 'function';
