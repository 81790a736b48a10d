import { z } from 'zod';
import { deviceKinds, type DeviceKind, type DriverModule } from '../../../devices/core/driver-module.js';
import { TransportConfigSchema, type TransportConfig } from '../../../devices/core/transport-config.js';
import { configErrorMap } from './issues.js';

/** The drivers a config may name (the kiosk's registry). */
export interface DriverCatalog {
  get(name: string): DriverModule | undefined;
  names(): string[];
}

/** A device entry once validated: the common fields, and the driver's own options checked by its module. */
export interface DeviceConfig {
  id: string;
  kind: DeviceKind;
  driver: string;
  transport: TransportConfig;
  /** Name of the emulator `npm start` launches for this device (see `npm run -s emulators -- --help`). */
  emulator?: string;
  enabled: boolean;
  /** The driver's options, as its module's schema returned them (defaults filled). */
  options: unknown;
}

const common = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  kind: z.enum(deviceKinds),
  driver: z.string().min(1),
  transport: TransportConfigSchema,
  emulator: z.string().min(1).optional(),
  enabled: z.boolean().default(true),
};
const commonKeys = Object.keys(common);

/**
 * One `devices[]` entry. The common fields are checked here; every other field of the entry is an option of the
 * named driver and is checked by that driver's module, so a typo (`pollIntervalMS`) or another driver's option is
 * refused with its name. An unknown driver, a driver of another kind and a transport the driver cannot use are
 * refused too.
 */
export function deviceEntrySchema(drivers: DriverCatalog) {
  return z.looseObject(common).transform((entry, ctx): DeviceConfig => {
    const { id, kind, driver, transport, emulator, enabled, ...rest } = entry;
    let valid = true;
    const problem = (path: PropertyKey[], message: string) => {
      valid = false;
      ctx.issues.push({ code: 'custom', path, message, input: entry });
    };
    const module = drivers.get(driver);
    if (!module) {
      problem(['driver'], `unknown driver "${driver}"; this kiosk has: ${drivers.names().join(', ') || 'none'}`);
      return z.NEVER;
    }
    if (module.kind !== kind) problem(['kind'], `driver "${driver}" drives a ${module.kind}, not a ${kind}`);
    if (!module.transports.includes(transport.type))
      problem(
        ['transport', 'type'],
        `driver "${driver}" cannot use a ${transport.type} transport; it can use: ${module.transports.join(', ')}`,
      );
    if (transport.type === 'emulator' && emulator === undefined)
      problem(['emulator'], 'transport "emulator" needs the "emulator" field naming which emulator to start');
    const options = module.options.safeParse(rest, { error: configErrorMap(commonKeys, ` for a ${driver} device`) });
    if (!options.success) for (const issue of options.error.issues) ctx.issues.push({ ...issue, input: rest } as z.core.$ZodRawIssue);
    if (!options.success || !valid) return z.NEVER;
    return { id, kind, driver, transport, ...(emulator !== undefined ? { emulator } : {}), enabled, options: options.data };
  });
}
