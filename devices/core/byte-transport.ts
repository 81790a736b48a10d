import type { ByteTransport } from './transport.js';
import type { TransportConfig } from './transport-config.js';
import { HidTransport, type HidReportFraming } from './transports/hid.js';
import { SerialTransport } from './transports/serial.js';
import { TcpTransport } from './transports/tcp.js';

/**
 * The byte transport a device's config names (serial, TCP, HID, or its emulator). An emulator's address is a pty
 * path (serial) or tcp://host:port. Driver modules accept only the transport types they list, so the config check
 * has already refused any other type; reaching the default branch is a programmer error.
 */
export function createByteTransport(
  t: TransportConfig,
  emulatorAddress: string | undefined,
  o: { deviceId: string; hidFraming?: HidReportFraming },
): ByteTransport {
  switch (t.type) {
    case 'serial':
      return new SerialTransport({ path: t.path, baudRate: t.baudRate });
    case 'tcp':
      return new TcpTransport({ host: t.host, port: t.port });
    case 'hid':
      if (!o.hidFraming) throw new Error(`device "${o.deviceId}": this driver has no USB HID wrapping`);
      return new HidTransport({ vendorId: t.vendorId, productId: t.productId, framing: o.hidFraming });
    case 'emulator': {
      if (!emulatorAddress) throw new Error(`device "${o.deviceId}": its emulator is not running (start the kiosk with npm start)`);
      const tcp = /^tcp:\/\/([^:/]+):(\d+)/.exec(emulatorAddress);
      if (tcp) return new TcpTransport({ host: tcp[1]!, port: Number(tcp[2]) });
      return new SerialTransport({ path: emulatorAddress, baudRate: 115200 });
    }
    default:
      throw new Error(`device "${o.deviceId}": a byte-stream driver cannot use a ${t.type} transport`);
  }
}
