import { DriverRegistry } from './driver-registry.js';

/** Every driver the product ships, by the name config files use in `devices[].driver`. */
export function builtInDrivers(): DriverRegistry {
  return new DriverRegistry();
}
