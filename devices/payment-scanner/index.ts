/**
 * The payment-code scanner family as the core sees it: the contract and its guard, what a scan yields, masking,
 * and the driver modules. The core imports nothing else from this folder.
 */
import type { Device } from '../core/device.js';
import type { DeviceError } from '../core/errors.js';
import type { DriverModule } from '../core/driver-module.js';
import type { Result } from '../core/result.js';
import type { ScannedCode } from './codec.js';
import type { ScanRequest } from './driver.js';
import { paymentScannerDriver } from './scanner-module.js';

export type { ScannedCode, PaymentCodeKind } from './codec.js';
export type { ScanEvent, ScanPurpose, ScanRequest } from './driver.js';
export { classifyCode, maskCode, maskDigits, noticeNoPattern } from './codec.js';

/** What the core needs of any payment-code scanner: read one code while a step waits for it. */
export interface PaymentScanner extends Device {
  readonly kind: 'paymentScanner';
  read(request: ScanRequest): Promise<Result<ScannedCode, DeviceError>>;
}

export const isPaymentScanner = (d: Device): d is PaymentScanner =>
  d.kind === 'paymentScanner' && typeof (d as Partial<PaymentScanner>).read === 'function';

export const paymentScannerDrivers: readonly DriverModule[] = [paymentScannerDriver];
