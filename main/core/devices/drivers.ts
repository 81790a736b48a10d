import { idCardDrivers } from '../../../devices/id-card/index.js';
import { printerDrivers } from '../../../devices/printer/index.js';
import { scannerDrivers } from '../../../devices/scanner/index.js';
import { paymentScannerDrivers } from '../../../devices/payment-scanner/index.js';
import { smartCardDrivers } from '../../../devices/smart-card/index.js';
import { DriverRegistry } from './driver-registry.js';

/**
 * Every driver the product ships, by the name config files use in `devices[].driver`. A new driver is a module in
 * its family's folder, listed in that family's `index.ts`; a new family adds its list here.
 */
export function builtInDrivers(): DriverRegistry {
  const registry = new DriverRegistry();
  for (const module of [...idCardDrivers, ...smartCardDrivers, ...printerDrivers, ...paymentScannerDrivers, ...scannerDrivers])
    registry.register(module);
  return registry;
}
