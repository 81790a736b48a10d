import type { Device } from '../../../devices/core/device.js';
import type { DriverModule } from '../../../devices/core/driver-module.js';
import type { DeviceConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';

/** What creating a device needs: its validated config entry, its emulator's address, a logger. */
export interface DriverContext {
  config: DeviceConfig;
  /** For `transport: emulator`: the address the emulator reported on its READY line. */
  emulatorAddress?: string;
  logger: Logger;
}

/**
 * The driver modules this kiosk knows, by name. The config check validates each device entry against its driver's
 * module (kind, transport, options), so `create` only runs on entries a module accepted.
 */
export class DriverRegistry {
  private readonly modules = new Map<string, DriverModule>();

  register(module: DriverModule): this {
    if (this.modules.has(module.name)) throw new Error(`driver "${module.name}" registered twice`);
    this.modules.set(module.name, module);
    return this;
  }

  get(name: string): DriverModule | undefined {
    return this.modules.get(name);
  }

  names(): string[] {
    return [...this.modules.keys()].sort();
  }

  list(): DriverModule[] {
    return this.names().map((n) => this.modules.get(n)!);
  }

  create(ctx: DriverContext): Device {
    const { config } = ctx;
    const module = this.modules.get(config.driver);
    if (!module)
      throw new Error(`unknown driver "${config.driver}" for device "${config.id}"; known: ${this.names().join(', ') || 'none'}`);
    return module.create({
      id: config.id,
      transport: config.transport,
      emulatorAddress: ctx.emulatorAddress,
      options: config.options,
      log: ctx.logger,
    });
  }
}
