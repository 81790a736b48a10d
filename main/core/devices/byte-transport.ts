import type { ByteTransport } from '../../../devices/core/transport.js';
import { HidTransport, type HidReportFraming } from '../../../devices/core/transports/hid.js';
import { SerialTransport } from '../../../devices/core/transports/serial.js';
import { TcpTransport } from '../../../devices/core/transports/tcp.js';
import type { DeviceConfig } from '../config/schema.js';

/**
 * The byte transport a device's config names. An emulator's address is a pty path (serial) or tcp://host:port.
 */
export function createByteTransport(
  config: DeviceConfig,
  emulatorAddress: string | undefined,
  hidFraming?: HidReportFraming,
): ByteTransport {
  const t = config.transport;
  switch (t.type) {
    case 'serial':
      return new SerialTransport({ path: t.path, baudRate: t.baudRate });
    case 'tcp':
      return new TcpTransport({ host: t.host, port: t.port });
    case 'hid':
      if (!hidFraming) throw new Error(`device "${config.id}": driver ${config.driver} has no USB HID wrapping`);
      return new HidTransport({ vendorId: t.vendorId, productId: t.productId, framing: hidFraming });
    case 'emulator': {
      if (!emulatorAddress)
        throw new Error(`device "${config.id}": emulator "${config.emulator}" is not running (start the kiosk with npm start)`);
      const tcp = /^tcp:\/\/([^:/]+):(\d+)/.exec(emulatorAddress);
      if (tcp) return new TcpTransport({ host: tcp[1]!, port: Number(tcp[2]) });
      return new SerialTransport({ path: emulatorAddress, baudRate: 115200 });
    }
    default:
      throw new Error(`device "${config.id}": driver ${config.driver} cannot use a ${t.type} transport`);
  }
}
