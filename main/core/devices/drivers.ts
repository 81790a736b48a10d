import { ga467HidFraming } from '../../../devices/id-card/hid-report.js';
import { Ga467Reader } from '../../../devices/id-card/driver.js';
import { PcscTransport } from '../../../devices/core/transports/pcsc.js';
import { SocialSecurityCardReader } from '../../../devices/smart-card/driver.js';
import { IppPrinter } from '../../../devices/printer/ipp-printer.js';
import { EscPosPrinter } from '../../../devices/printer/escpos-printer.js';
import { createByteTransport } from './byte-transport.js';
import { DriverRegistry } from './driver-registry.js';

/** Every driver the product ships, by the name config files use in `devices[].driver`. */
export function builtInDrivers(): DriverRegistry {
  return new DriverRegistry()
    .register('ssse-pcsc', ({ config }) => {
      if (config.transport.type !== 'pcsc') throw new Error(`device "${config.id}": driver ssse-pcsc needs a pcsc transport`);
      return new SocialSecurityCardReader({
        id: config.id,
        transport: new PcscTransport(config.transport.reader),
        readTimeoutMs: config.commandTimeoutMs * 4,
      });
    })
    .register(
      'escpos',
      ({ config, emulatorAddress }) =>
        new EscPosPrinter({
          id: config.id,
          transport: createByteTransport(config, emulatorAddress),
          pollIntervalMs: config.pollIntervalMs,
          commandTimeoutMs: config.commandTimeoutMs,
          receipt: { encoding: config.receiptEncoding, cjkMode: config.receiptCjkMode },
        }),
    )
    .register('ipp', ({ config, emulatorAddress }) => {
      const uri =
        config.transport.type === 'ipp' ? config.transport.uri : config.transport.type === 'emulator' ? emulatorAddress : undefined;
      if (!uri) throw new Error(`device "${config.id}": driver ipp needs an ipp transport (or its emulator running)`);
      return new IppPrinter({ id: config.id, uri, pollIntervalMs: config.pollIntervalMs, commandTimeoutMs: config.commandTimeoutMs });
    })
    .register(
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
