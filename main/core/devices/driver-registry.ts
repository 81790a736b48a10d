import type { Device } from '../../../devices/core/device.js';
import type { Logger } from '../log/logger.js';
import type { DeviceConfig } from '../config/schema.js';

/** What a driver factory receives: its config entry with the transport address resolved. */
export interface DriverContext {
  config: DeviceConfig;
  /** For `transport: emulator`: the address the emulator reported on its READY line. */
  emulatorAddress?: string;
  logger: Logger;
}

export type DriverFactory = (ctx: DriverContext) => Device;

/** Known drivers by name. A new device family adds one line in `drivers.ts`; nothing else in the core changes. */
export class DriverRegistry {
  private readonly factories = new Map<string, DriverFactory>();

  register(name: string, factory: DriverFactory): this {
    this.factories.set(name, factory);
    return this;
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }

  create(ctx: DriverContext): Device {
    const factory = this.factories.get(ctx.config.driver);
    if (!factory)
      throw new Error(`unknown driver "${ctx.config.driver}" for device "${ctx.config.id}"; known: ${this.names().join(', ') || 'none'}`);
    return factory(ctx);
  }
}
