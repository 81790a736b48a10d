import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../main/core/config/load.js';
import { builtInDrivers } from '../../main/core/devices/drivers.js';
import { hashPin } from '../../main/core/maintenance/pin.js';
import { isDocumentScanner } from '../../devices/scanner/index.js';

const base = `
terminal: { id: T-01, name: 终端, outlet: 网点 }
maintenance: { pinHash: "${hashPin('135790', Buffer.from('fixed-salt-16byt'), 1024)}" }
devices:
`;

function problems(text: string) {
  try {
    parseConfig(text, 'test.yaml');
  } catch (e) {
    return (e as ConfigError).problems;
  }
  throw new Error('config was accepted');
}

const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined, child: () => silent };

describe('scanner device entries', () => {
  it('an eSCL scanner over http and a SANE scanner by device name are accepted with their defaults, and make DocumentScanners', () => {
    const c = parseConfig(
      base +
        '  - { id: scanner, kind: scanner, driver: escl, transport: { type: http, url: "http://192.168.1.40/eSCL/" } }\n' +
        '  - { id: flatbed, kind: scanner, driver: sane, transport: { type: sane, device: "epsonds:libusb:001:004" }, extraArgs: ["--test-picture", "Grid"] }\n',
      't.yaml',
    );
    expect(c.devices[0]!.options).toEqual({ pollIntervalMs: 3000, commandTimeoutMs: 5000, scanTimeoutMs: 120_000, busyRetries: 4 });
    expect(c.devices[1]!.options).toMatchObject({ scanimage: 'scanimage', extraArgs: ['--test-picture', 'Grid'], pollIntervalMs: 30_000 });
    const registry = builtInDrivers();
    for (const d of c.devices) {
      const device = registry.create({ config: d, logger: silent as never });
      expect(device.kind).toBe('scanner');
      expect(isDocumentScanner(device)).toBe(true);
      expect(device.info?.()).toEqual(d.id === 'scanner' ? { url: 'http://192.168.1.40/eSCL/' } : { device: 'epsonds:libusb:001:004' });
    }
  });

  it('refuses another driver’s option, a transport the driver cannot use, and a sane transport without a device', () => {
    expect(
      problems(base + '  - { id: s, kind: scanner, driver: escl, transport: { type: emulator }, emulator: scanner-escl, extraArgs: [] }\n'),
    ).toEqual([{ field: 'devices[0].extraArgs', message: expect.any(String) }]);
    expect(problems(base + '  - { id: s, kind: scanner, driver: sane, transport: { type: http, url: "http://x/eSCL/" } }\n')[0]).toEqual({
      field: 'devices[0].transport.type',
      message: expect.stringContaining('it can use: sane'),
    });
    expect(problems(base + '  - { id: s, kind: scanner, driver: sane, transport: { type: sane } }\n')[0]!.field).toBe(
      'devices[0].transport.device',
    );
  });
});
