import type { Device } from '../core/device.js';
import type { DeviceError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { PrinterSnapshot } from './ipp-status.js';

export interface PrintProgress {
  jobId: number;
  pagesDone: number;
  pages: number | null;
}

export interface PrintOptions {
  jobName: string;
  copies?: number;
  onProgress?: (p: PrintProgress) => void;
  signal?: AbortSignal;
  /** How long the whole job may take before it is canceled at the printer and reported as a timeout. */
  timeoutMs?: number;
  pollMs?: number;
}

/** A printer that prints PDF documents (the A4 certificate printer), whatever protocol it speaks. */
export interface DocumentPrinter extends Device {
  readonly kind: 'certificatePrinter';
  snapshot(signal?: AbortSignal): Promise<Result<PrinterSnapshot, DeviceError>>;
  /** Ready to print now? Checked before any work is done, so the resident is told first. */
  readiness(signal?: AbortSignal): Promise<Result<PrinterSnapshot, DeviceError>>;
  print(pdf: Uint8Array, options: PrintOptions): Promise<Result<{ jobId: number; pages: number | null }, DeviceError>>;
}

export const isDocumentPrinter = (d: Device): d is DocumentPrinter =>
  d.kind === 'certificatePrinter' && typeof (d as Partial<DocumentPrinter>).print === 'function';
