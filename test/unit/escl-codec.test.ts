import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, decodeCapabilities, decodeStatus, encodeScanSettings, snapshotOf } from '../../devices/scanner/escl-codec.js';
import { deviceStatusOf, refusalOf } from '../../devices/scanner/scanner-status.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A printer-scanner's capabilities as real devices write them: platen with a resolution range, feeder with discrete ones. */
const capabilities = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
  <pwg:Version>2.6</pwg:Version>
  <pwg:MakeAndModel>Example MFP 4100</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps>
    <scan:MinWidth>8</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>
    <scan:MinHeight>8</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:ResolutionRange>
        <scan:XResolutionRange><scan:Min>100</scan:Min><scan:Max>300</scan:Max><scan:Step>1</scan:Step></scan:XResolutionRange>
        <scan:YResolutionRange><scan:Min>100</scan:Min><scan:Max>300</scan:Max><scan:Step>1</scan:Step></scan:YResolutionRange>
      </scan:ResolutionRange></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:PlatenInputCaps></scan:Platen>
  <scan:Adf><scan:AdfSimplexInputCaps>
    <scan:MinWidth>8</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>
    <scan:MinHeight>8</scan:MinHeight><scan:MaxHeight>4200</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><scan:DocumentFormatExt>image/png</scan:DocumentFormatExt></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>75</scan:XResolution><scan:YResolution>75</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>600</scan:XResolution><scan:YResolution>600</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:AdfSimplexInputCaps></scan:Adf>
</scan:ScannerCapabilities>`;

const status = (state: string, adf?: string, jobs = '') => `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
  <pwg:Version>2.6</pwg:Version><pwg:State>${state}</pwg:State>${adf ? `<scan:AdfState>${adf}</scan:AdfState>` : ''}
  <scan:Jobs>${jobs}</scan:Jobs>
</scan:ScannerStatus>`;

describe('eSCL codec', () => {
  it('reads platen and feeder capabilities, expanding a resolution range into the standard resolutions', () => {
    const r = decodeCapabilities(utf8(capabilities));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.makeAndModel).toBe('Example MFP 4100');
    expect(r.value.platen).toEqual({
      colorModes: ['BlackAndWhite1', 'Grayscale8', 'RGB24'],
      formats: ['image/jpeg', 'application/pdf'],
      resolutions: [100, 150, 200, 300],
      maxWidth: 2550,
      maxHeight: 3508,
    });
    expect(r.value.feeder).toMatchObject({ colorModes: ['Grayscale8'], formats: ['image/png'], resolutions: [75, 600] });
    expect(capabilitiesOf(r.value)).toEqual({
      sources: ['platen', 'feeder'],
      colorModes: ['color', 'gray'],
      resolutions: [75, 100, 150, 200, 300, 600],
      formats: ['image/jpeg', 'image/png', 'application/pdf'],
      maxWidthMm: 216,
      maxHeightMm: 356,
    });
  });

  it('reads any namespace prefix (or none): servers spell them differently', () => {
    const renamed = capabilities.replaceAll('scan:', 'e:').replaceAll('pwg:', 'p:');
    const r = decodeCapabilities(utf8(renamed));
    expect(r.ok && r.value.platen?.resolutions).toEqual([100, 150, 200, 300]);
  });

  it('refuses capabilities without a usable source, and documents that are not ScannerCapabilities', () => {
    const noSource = decodeCapabilities(
      utf8('<scan:ScannerCapabilities xmlns:scan="x"><pwg:Version>2.6</pwg:Version></scan:ScannerCapabilities>'),
    );
    expect(noSource).toMatchObject({ ok: false, error: { code: 'invalidData', messageKey: 'scanner.error.invalidData' } });
    expect(decodeCapabilities(utf8(status('Idle')))).toMatchObject({ ok: false, error: { code: 'invalidData' } });
    expect(decodeCapabilities(utf8('<html><body>login</body></html>'))).toMatchObject({ ok: false });
  });

  it('reads the scanner state, the feeder state and the jobs', () => {
    const job = `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/42</pwg:JobUri><pwg:JobState>Processing</pwg:JobState>
      <pwg:ImagesCompleted>1</pwg:ImagesCompleted><pwg:ImagesToTransfer>1</pwg:ImagesToTransfer>
      <pwg:JobStateReasons><pwg:JobStateReason>JobScanning</pwg:JobStateReason></pwg:JobStateReasons></scan:JobInfo>`;
    const r = decodeStatus(utf8(status('Processing', 'ScannerAdfProcessing', job)));
    expect(r).toEqual({
      ok: true,
      value: {
        state: 'Processing',
        adfState: 'ScannerAdfProcessing',
        jobs: [{ uri: '/eSCL/ScanJobs/42', state: 'Processing', imagesCompleted: 1, imagesToTransfer: 1, reasons: ['JobScanning'] }],
      },
    });
  });

  it.each([
    ['Idle', 'ScannerAdfLoaded', { state: 'idle', adf: 'loaded', reasons: [] }, 'online', null],
    ['Idle', undefined, { state: 'idle', adf: null, reasons: [] }, 'online', null],
    ['Idle', 'ScannerAdfEmpty', { state: 'idle', adf: 'empty', reasons: ['adf empty'] }, 'online', null],
    [
      'Stopped',
      'ScannerAdfJam',
      { state: 'stopped', adf: 'jam', reasons: ['scanner stopped', 'adf jam'] },
      'userError',
      'scanner.reason.jam',
    ],
    [
      'Idle',
      'ScannerAdfHatchOpen',
      { state: 'idle', adf: 'coverOpen', reasons: ['adf cover open'] },
      'userError',
      'scanner.reason.coverOpen',
    ],
    [
      'Idle',
      'ScannerAdfDoorOpen',
      { state: 'idle', adf: 'coverOpen', reasons: ['adf cover open'] },
      'userError',
      'scanner.reason.coverOpen',
    ],
    ['Processing', 'ScannerAdfProcessing', { state: 'processing', adf: 'processing', reasons: [] }, 'busy', null],
    ['Down', undefined, { state: 'down', adf: null, reasons: ['scanner down'] }, 'offline', 'scanner.reason.down'],
  ] as const)('%s / %s is %o, device status %s', (state, adf, snapshot, deviceState, reasonKey) => {
    const r = decodeStatus(utf8(status(state, adf)));
    if (!r.ok) throw new Error(r.error.detail);
    const snap = snapshotOf(r.value);
    expect(snap).toEqual(snapshot);
    expect(deviceStatusOf(snap)).toMatchObject({ state: deviceState, reasonKey });
  });

  it('says why a feeder scan cannot start, with the scanner.error key for each fault; the platen ignores the feeder', () => {
    const snap = (adf: string) => {
      const r = decodeStatus(utf8(status('Idle', adf)));
      if (!r.ok) throw new Error();
      return snapshotOf(r.value);
    };
    expect(refusalOf(snap('ScannerAdfJam'), 'feeder')).toMatchObject({ code: 'mediaJam', messageKey: 'scanner.error.jam' });
    expect(refusalOf(snap('ScannerAdfEmpty'), 'feeder')).toMatchObject({ code: 'noMedia', messageKey: 'scanner.error.feederEmpty' });
    expect(refusalOf(snap('ScannerAdfHatchOpen'), 'feeder')).toMatchObject({
      code: 'deviceNotReady',
      messageKey: 'scanner.error.coverOpen',
    });
    expect(refusalOf(snap('ScannerAdfEmpty'), 'platen')).toBeNull();
    expect(refusalOf(snap('ScannerAdfLoaded'), 'feeder')).toBeNull();
  });

  it('writes ScanSettings with scan: and pwg: prefixes, region in 1/300 inch', () => {
    const xml = encodeScanSettings({
      source: 'Feeder',
      colorMode: 'Grayscale8',
      format: 'application/pdf',
      resolution: 300,
      width: 2480.3,
      height: 3507.9,
    });
    expect(xml).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(xml).toContain('<scan:ColorMode>Grayscale8</scan:ColorMode>');
    expect(xml).toContain('<scan:DocumentFormatExt>application/pdf</scan:DocumentFormatExt>');
    expect(xml).toContain('<pwg:Width>2480</pwg:Width>');
    expect(xml).toContain('<pwg:Height>3508</pwg:Height>');
    expect(xml).toContain('<scan:XResolution>300</scan:XResolution>');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<scan:ScanSettings xmlns:scan=/);
  });

  it('never throws on random bytes or mangled documents: a value or an invalidData error', () => {
    const decoders = [decodeCapabilities, decodeStatus];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        for (const d of decoders) {
          const r = d(bytes);
          if (!r.ok) expect(r.error.code).toBe('invalidData');
        }
      }),
      { numRuns: 300 },
    );
    const docs = [capabilities, status('Idle', 'ScannerAdfJam')];
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), (doc, a, b, junk) => {
        const i = a % doc.length;
        const j = i + (b % 200);
        const mangled = utf8(doc.slice(0, i) + junk + doc.slice(j));
        for (const d of decoders) {
          const r = d(mangled);
          if (!r.ok) expect(r.error.code).toBe('invalidData');
          else if ('jobs' in r.value) snapshotOf(r.value);
          else capabilitiesOf(r.value);
        }
      }),
      { numRuns: 500 },
    );
  });
});
