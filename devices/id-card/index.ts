/**
 * The ID card family as the core sees it: the reader contract and its guard, what a read yields, the rules on an
 * identity the core applies (expiry, age), the photo decoder plug-in, and the driver modules. The core imports
 * nothing else from this folder.
 */
import type { Device } from '../core/device.js';
import type { DriverModule } from '../core/driver-module.js';
import type { IdCardEvent } from './driver.js';
import { ga467Driver } from './ga467-module.js';

export type { CardRead, IdCardEvent } from './driver.js';
export type { Identity, CardType } from './text-block.js';
export { ageOn, isExpired } from './text-block.js';
export { loadPhotoDecoder, type PhotoDecoder, type PhotoDecoderFactory } from './photo-decoder.js';

/** What the core needs of any ID card reader, whatever its protocol. */
export interface IdCardReader extends Device {
  readonly kind: 'idCardReader';
  onCard(listener: (e: IdCardEvent) => void): () => void;
}

export const isIdCardReader = (d: Device): d is IdCardReader =>
  d.kind === 'idCardReader' && typeof (d as Partial<IdCardReader>).onCard === 'function';

export const idCardDrivers: readonly DriverModule[] = [ga467Driver];

/** The vendor photo decoder module an ID card reader's options name, if any (`photoDecoder`). */
export function photoDecoderPathOf(options: unknown): string | undefined {
  const path = (options as { photoDecoder?: unknown } | null)?.photoDecoder;
  return typeof path === 'string' ? path : undefined;
}
