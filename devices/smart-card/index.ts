import type { Device } from '../core/device.js';
import type { SocialSecurityEvent } from './driver.js';

export type { SocialSecurityEvent } from './driver.js';
export type { SocialSecurityCard } from './records.js';
export type { PsamAuthenticator, SocialSecurityRead } from './read-card.js';

export interface SmartCardReader extends Device {
  readonly kind: 'smartCardReader';
  onCard(listener: (e: SocialSecurityEvent) => void): () => void;
}

export const isSmartCardReader = (d: Device): d is SmartCardReader =>
  d.kind === 'smartCardReader' && typeof (d as Partial<SmartCardReader>).onCard === 'function';
