import { describe, expect, it } from 'vitest';
import { isIdCardReader } from '../../devices/id-card/index.js';
import { isDocumentPrinter, isReceiptPrinter, printerDrivers } from '../../devices/printer/index.js';
import { parseConfig } from '../../main/core/config/load.js';
import { DriverRegistry } from '../../main/core/devices/driver-registry.js';
import { builtInDrivers } from '../../main/core/devices/drivers.js';
import { createLogger } from '../../main/core/log/logger.js';
import { hashPin } from '../../main/core/maintenance/pin.js';

const config = (devices: string) =>
  parseConfig(
    `terminal: { id: T-01, name: 终端, outlet: 网点 }\nmaintenance: { pinHash: "${hashPin('135790', Buffer.alloc(16), 1024)}" }\ndevices:\n${devices}`,
    't.yaml',
  );
const logger = createLogger({ level: 'silent' });

describe('driver modules', () => {
  it("create each device from its validated entry, with the driver's own options applied", () => {
    const c = config(
      [
        '  - { id: receipt, kind: receiptPrinter, driver: escpos, transport: { type: tcp, port: 9100 }, encoding: gbk }',
        '  - { id: idcard, kind: idCardReader, driver: ga467, transport: { type: tcp, port: 9000 }, withFingerprint: true }',
        '  - { id: a4, kind: certificatePrinter, driver: ipp, transport: { type: ipp, uri: "ipp://127.0.0.1:631/ipp/print" } }',
      ].join('\n'),
    );
    const drivers = builtInDrivers();
    const [receipt, idcard, a4] = c.devices.map((d) => drivers.create({ config: d, logger }));
    expect(isReceiptPrinter(receipt!) && receipt.capabilities.encoding).toBe('gbk');
    expect(isIdCardReader(idcard!) && idcard.capabilities.fingerprint).toBe(true);
    expect(isDocumentPrinter(a4!)).toBe(true);
    expect(a4!.info?.()).toMatchObject({ uri: 'ipp://127.0.0.1:631/ipp/print' });
  });

  it('a device on an emulator that did not start is a clear error naming the device', () => {
    const c = config('  - { id: receipt, kind: receiptPrinter, driver: escpos, transport: { type: emulator }, emulator: printer-escpos }');
    expect(() => builtInDrivers().create({ config: c.devices[0]!, logger })).toThrow(/device "receipt": its emulator is not running/);
  });

  it('refuses two modules under one name', () => {
    expect(() => new DriverRegistry().register(printerDrivers[0]!).register(printerDrivers[0]!)).toThrow(/registered twice/);
  });
});
