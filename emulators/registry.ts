import { idcardEmulator } from './idcard/emulator.js';
import type { EmulatorDefinition } from './lib/emulator.js';
import { smartcardEmulator } from './smartcard/emulator.js';
import { platformEmulator } from './platform/emulator.js';
import { printerIppEmulator } from './printer-ipp/emulator.js';
import { printerEscposEmulator } from './printer-escpos/emulator.js';
import { paymentScannerEmulator } from './payment-scanner/emulator.js';
import { scannerEsclEmulator } from './scanner-escl/emulator.js';

/** Every emulator the runner can start, by CLI name. A new device family adds its emulator here. */
export const emulatorDefinitions: EmulatorDefinition[] = [
  idcardEmulator,
  smartcardEmulator,
  platformEmulator,
  printerIppEmulator,
  printerEscposEmulator,
  paymentScannerEmulator,
  scannerEsclEmulator,
];

export function findEmulator(name: string): EmulatorDefinition | undefined {
  return emulatorDefinitions.find((d) => d.name === name);
}
