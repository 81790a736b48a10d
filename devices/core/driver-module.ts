import { z } from 'zod';
import type { Device } from './device.js';
import type { TransportConfig, TransportType } from './transport-config.js';

export const deviceKinds = [
  'idCardReader',
  'smartCardReader',
  'scanner',
  'certificatePrinter',
  'receiptPrinter',
  'paymentScanner',
] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/** The structured logger a driver may write to (the core passes its own, namespaced by device). */
export interface DriverLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  debug?(o: object, m: string): void;
}

/** What a driver module's `create` receives: the device's config entry, its own options already validated. */
export interface DriverContext<Options> {
  id: string;
  transport: TransportConfig;
  /** For `transport: { type: emulator }`: the address the emulator reported on its READY line (absent if it did not start). */
  emulatorAddress?: string;
  options: Options;
  log: DriverLog;
}

/**
 * A driver as the config and the core see it: its name in `devices[].driver`, the device kind it makes, the
 * transports it can use, the schema of its own options (the fields of a device entry besides id, kind, driver,
 * transport, emulator and enabled), and how to create the device. One module per driver, listed in its family's
 * `index.ts`.
 */
export interface DriverModule<Options = unknown> {
  readonly name: string;
  readonly kind: DeviceKind;
  /** One line for technicians (`diag drivers`). */
  readonly summary: string;
  readonly transports: readonly TransportType[];
  readonly options: z.ZodType<Options>;
  create(ctx: DriverContext<Options>): Device;
}

/** Declares a driver module; the options type comes from its schema. */
export function defineDriver<S extends z.ZodType>(module: {
  name: string;
  kind: DeviceKind;
  summary: string;
  transports: readonly TransportType[];
  options: S;
  create(ctx: DriverContext<z.output<S>>): Device;
}): DriverModule<z.output<S>> {
  return module as DriverModule<z.output<S>>;
}

/** Options most polling drivers share; each driver picks its own defaults. */
export const pollingOptions = (defaults: { pollIntervalMs: number; commandTimeoutMs: number }) => ({
  /** How often the device's status (or a card) is polled. */
  pollIntervalMs: z.number().int().min(50).max(60_000).default(defaults.pollIntervalMs),
  /** Per-command timeout. */
  commandTimeoutMs: z.number().int().min(100).max(60_000).default(defaults.commandTimeoutMs),
});
