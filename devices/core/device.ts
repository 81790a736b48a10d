import type { DeviceStatus, SelfTestResult } from './status.js';

/** What a device can do, declared as data (docs/conventions.md §9). */
export interface DeviceCapabilities {
  readonly [capability: string]: boolean | number | string | readonly string[];
}

/**
 * The contract between the core and every device driver. The core sees devices only through this;
 * family-specific operations live on the family's own interface that extends it.
 */
export interface Device {
  readonly id: string;
  readonly kind: string;
  readonly capabilities: DeviceCapabilities;
  /** Opens the transport and starts any polling; never throws: failure shows as an offline status and a reconnect loop. */
  start(): Promise<void>;
  /** Stops polling and closes the transport. */
  stop(): Promise<void>;
  status(): DeviceStatus;
  /** Called on every status change. Returns an unsubscribe function. */
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  /** Identification a technician needs (SAM id, reader name, firmware), as label → value; no personal data. */
  info?(): Record<string, string>;
  /** What a technician runs from diagnostics. */
  selfTest(signal?: AbortSignal): Promise<SelfTestResult>;
}
