import type { Device } from '../core/device.js';
import type { DeviceError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { ReceiptDocument } from './receipt-document.js';

/** A thermal receipt printer as the core sees it: it takes a protocol-neutral receipt; encodings stay in the driver. */
export interface ReceiptPrinter extends Device {
  readonly kind: 'receiptPrinter';
  /** Ready to print now (paper in, cover closed, online)? The error says why not. */
  readiness(signal?: AbortSignal): Promise<Result<void, DeviceError>>;
  /** Prints the receipt; refuses to start when not ready, and reports what went wrong during it (cutter, paper). */
  printReceipt(doc: ReceiptDocument, signal?: AbortSignal): Promise<Result<void, DeviceError>>;
}

export const isReceiptPrinter = (d: Device): d is ReceiptPrinter =>
  d.kind === 'receiptPrinter' && typeof (d as Partial<ReceiptPrinter>).printReceipt === 'function';
