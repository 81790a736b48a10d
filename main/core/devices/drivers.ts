import { ga467HidFraming } from '../../../devices/id-card/hid-report.js';
import { Ga467Reader } from '../../../devices/id-card/driver.js';
import { createByteTransport } from './byte-transport.js';
import { DriverRegistry } from './driver-registry.js';

/** Every driver the product ships, by the name config files use in `devices[].driver`. */
export function builtInDrivers(): DriverRegistry {
  return new DriverRegistry().register(
    'ga467',
    ({ config, emulatorAddress, logger }) =>
      new Ga467Reader({
        id: config.id,
        transport: createByteTransport(config, emulatorAddress, ga467HidFraming),
        pollIntervalMs: config.pollIntervalMs,
        commandTimeoutMs: config.commandTimeoutMs,
        withFingerprint: config.withFingerprint,
        log: logger,
      }),
  );
}
