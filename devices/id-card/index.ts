import type { Device } from '../core/device.js';
import type { IdCardEvent } from './driver.js';

export type { CardRead, IdCardEvent } from './driver.js';
export type { Identity, CardType } from './text-block.js';

/** What the core needs of any ID card reader, whatever its protocol. */
export interface IdCardReader extends Device {
  readonly kind: 'idCardReader';
  onCard(listener: (e: IdCardEvent) => void): () => void;
}

export const isIdCardReader = (d: Device): d is IdCardReader =>
  d.kind === 'idCardReader' && typeof (d as Partial<IdCardReader>).onCard === 'function';
