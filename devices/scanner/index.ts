/**
 * The document scanner family as the core sees it: the contract, its guard and types, and the driver modules.
 * The core imports nothing else from this folder.
 */
import type { DriverModule } from '../core/driver-module.js';
import { esclDriver } from './escl-module.js';
import { saneDriver } from './sane-module.js';

export {
  isDocumentScanner,
  type DocumentScanner,
  type ScanColorMode,
  type ScanFormat,
  type ScannedPage,
  type ScannerCapabilities,
  type ScannerSnapshot,
  type ScanOptions,
  type ScanSettings,
  type ScanSource,
} from './document-scanner.js';

export const scannerDrivers: readonly DriverModule[] = [esclDriver, saneDriver];
