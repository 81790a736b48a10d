/**
 * The printer family as the core sees it: the document (A4) and receipt printer contracts, their guards, the
 * protocol-neutral receipt document, and the driver modules. The core imports nothing else from this folder.
 */
import type { DriverModule } from '../core/driver-module.js';
import { escposDriver } from './escpos-module.js';
import { ippDriver } from './ipp-module.js';

export { isDocumentPrinter, type DocumentPrinter, type PrintOptions, type PrintProgress } from './document-printer.js';
export { isReceiptPrinter, type ReceiptPrinter } from './receipt-printer.js';
export type { ReceiptBlock, ReceiptDocument } from './receipt-document.js';
export type { PrinterSnapshot, Supply } from './ipp-status.js';

export const printerDrivers: readonly DriverModule[] = [ippDriver, escposDriver];
