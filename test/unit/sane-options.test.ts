import { describe, expect, it } from 'vitest';
import { parseSaneOptions, saneCapabilities, saneFault } from '../../devices/scanner/sane-options.js';

/** Lines of `scanimage -d test -A` (sane-backends 1.2.1) and of an airscan device, as scanimage prints them. */
const testBackend = `All options specific to device \`test':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
    --three-pass-order RGB|RBG|GBR|GRB|BRG|BGR [inactive]
    --resolution 1..1200dpi (in steps of 1) [50]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
  Geometry:
    -l 0..200mm (in steps of 1) [0]
    -t 0..200mm (in steps of 1) [0]
    -x 0..200mm (in steps of 1) [80]
    -y 0..200mm (in steps of 1) [100]
`;
const airscan = `All options specific to device \`airscan:escl:Kiosk Scanner:http://127.0.0.1:1/eSCL/':
  Standard:
    --resolution 75|100|150|200|300|600dpi [300]
    --mode Color|Gray [Color]
    --source Flatbed|ADF [Flatbed]
  Geometry:
    -x 0..209.973mm [209.973]
    -y 0..297.011mm [297.011]
`;

describe('SANE options (scanimage -A)', () => {
  it('reads the test backend: a resolution range, two modes, flatbed and feeder', () => {
    const o = parseSaneOptions(testBackend);
    expect(o).toEqual({
      modes: ['Gray', 'Color'],
      sources: ['Flatbed', 'Automatic Document Feeder'],
      resolutions: [75, 100, 150, 200, 300, 400, 600, 1200],
      maxWidthMm: 200,
      maxHeightMm: 200,
    });
    expect(saneCapabilities(o)).toMatchObject({ sources: ['platen', 'feeder'], colorModes: ['color', 'gray'], maxWidthMm: 200 });
  });

  it('reads an airscan device: discrete resolutions and an ADF', () => {
    const o = parseSaneOptions(airscan);
    expect(o.resolutions).toEqual([75, 100, 150, 200, 300, 600]);
    expect(o.maxWidthMm).toBeCloseTo(209.973);
    expect(saneCapabilities(o).sources).toEqual(['platen', 'feeder']);
  });

  it('a device without --source is a flatbed', () => {
    expect(saneCapabilities(parseSaneOptions('    --mode Color [Color]\n')).sources).toEqual(['platen']);
  });
});

describe('scanimage exit status → typed scanner errors', () => {
  it.each([
    [6, 'scanimage: sane_read: Document feeder jammed', 'mediaJam', 'scanner.error.jam'],
    [7, 'scanimage: sane_read: Document feeder out of documents', 'noMedia', 'scanner.error.feederEmpty'],
    [8, 'scanimage: sane_read: Scanner cover is open', 'deviceNotReady', 'scanner.error.coverOpen'],
    [3, 'scanimage: sane_read: Device busy', 'deviceNotReady', 'scanner.error.busy'],
    [9, 'scanimage: sane_read: Error during device I/O', 'hardwareError', 'scanner.error.hardware'],
    [2, 'scanimage: sane_read: Operation was canceled', 'canceled', 'scanner.error.canceled'],
    [1, 'scanimage: open of device epson:libusb:001:004 failed: Invalid argument', 'disconnected', 'scanner.error.offline'],
  ])('exit %i (%s) is %s', (exit, stderr, code, messageKey) => {
    const e = saneFault(exit, `Scanning page 1\n${stderr}\n`);
    expect(e).toMatchObject({ code, messageKey });
    expect(e.detail).toBe(`scanimage exit ${exit}: ${stderr}`);
  });
});
