import { deviceError, type DeviceError } from '../core/errors.js';

/**
 * The scanner's typed errors, one place for both drivers so eSCL and SANE faults read the same to the core and to
 * residents. `detail` carries the protocol's own words (AdfState, SANE status) for technicians.
 */
export const scannerError = {
  jam: (detail: string): DeviceError => deviceError('mediaJam', detail, 'scanner.error.jam'),
  feederEmpty: (detail: string): DeviceError => deviceError('noMedia', detail, 'scanner.error.feederEmpty'),
  coverOpen: (detail: string): DeviceError => deviceError('deviceNotReady', detail, 'scanner.error.coverOpen'),
  busy: (detail: string): DeviceError => deviceError('deviceNotReady', detail, 'scanner.error.busy'),
  offline: (detail: string): DeviceError => deviceError('disconnected', detail, 'scanner.error.offline'),
  timeout: (detail: string): DeviceError => deviceError('timeout', detail, 'scanner.error.timeout'),
  canceled: (detail: string): DeviceError => deviceError('canceled', detail, 'scanner.error.canceled'),
  invalidData: (detail: string): DeviceError => deviceError('invalidData', detail, 'scanner.error.invalidData'),
  hardware: (detail: string): DeviceError => deviceError('hardwareError', detail, 'scanner.error.hardware'),
  unsupported: (detail: string): DeviceError => deviceError('unsupported', detail, 'scanner.error.unsupported'),
};

/** A transport error (from httpExchange) in the scanner's own words, keeping its code. */
export function fromTransport(e: DeviceError): DeviceError {
  switch (e.code) {
    case 'disconnected':
      return scannerError.offline(e.detail);
    case 'timeout':
      return scannerError.timeout(e.detail);
    case 'canceled':
      return scannerError.canceled(e.detail);
    default:
      return e;
  }
}
