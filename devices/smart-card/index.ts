/**
 * The smart card family as the core sees it: the reader contract and its guard, what a read yields, the PSAM hook,
 * and the driver modules. The core imports nothing else from this folder.
 */
import type { Device } from '../core/device.js';
import type { DriverModule } from '../core/driver-module.js';
import type { SocialSecurityEvent } from './driver.js';
import { ssePcscDriver } from './ssse-pcsc-module.js';

export type { SocialSecurityEvent } from './driver.js';
export type { SocialSecurityCard } from './records.js';
export type { PsamAuthenticator, SocialSecurityRead } from './read-card.js';

export interface SmartCardReader extends Device {
  readonly kind: 'smartCardReader';
  onCard(listener: (e: SocialSecurityEvent) => void): () => void;
}

export const isSmartCardReader = (d: Device): d is SmartCardReader =>
  d.kind === 'smartCardReader' && typeof (d as Partial<SmartCardReader>).onCard === 'function';

export const smartCardDrivers: readonly DriverModule[] = [ssePcscDriver];
