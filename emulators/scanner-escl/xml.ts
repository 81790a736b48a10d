import { XMLParser } from 'fast-xml-parser';
import type { EmulatedScanner, JobSettings } from './scanner.js';

/** eSCL documents as the Mopria eSCL spec writes them: `scan:` and `pwg:` prefixes (clients match them literally). */
const ns = 'xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"';
export const resolutions = [75, 100, 150, 200, 300, 600];
export const formats = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** A4 in 1/300 inch; the glass and the feeder take up to A4. */
export const a4 = { width: 2480, height: 3508 };

function inputCaps(tag: string): string {
  const res = resolutions
    .map(
      (r) =>
        `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`,
    )
    .join('');
  const docFormats = formats
    .map((f) => `<pwg:DocumentFormat>${f}</pwg:DocumentFormat><scan:DocumentFormatExt>${f}</scan:DocumentFormatExt>`)
    .join('');
  return `<scan:${tag}>
      <scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>${a4.width}</scan:MaxWidth>
      <scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>${a4.height}</scan:MaxHeight>
      <scan:MaxScanRegions>1</scan:MaxScanRegions>
      <scan:SettingProfiles><scan:SettingProfile>
        <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
        <scan:DocumentFormats>${docFormats}</scan:DocumentFormats>
        <scan:SupportedResolutions><scan:DiscreteResolutions>${res}</scan:DiscreteResolutions></scan:SupportedResolutions>
        <scan:ColorSpaces><scan:ColorSpace>sRGB</scan:ColorSpace></scan:ColorSpaces>
      </scan:SettingProfile></scan:SettingProfiles>
      <scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>TextAndGraphic</scan:Intent><scan:Intent>Photo</scan:Intent></scan:SupportedIntents>
      <scan:MaxOpticalXResolution>600</scan:MaxOpticalXResolution><scan:MaxOpticalYResolution>600</scan:MaxOpticalYResolution>
    </scan:${tag}>`;
}

export function capabilitiesXml(base: string, uuid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities ${ns}>
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>Kiosk Emulated Scanner A4</pwg:MakeAndModel>
  <pwg:SerialNumber>EMU-SCAN-0001</pwg:SerialNumber>
  <scan:UUID>${uuid}</scan:UUID>
  <scan:AdminURI>${base}</scan:AdminURI>
  <scan:Platen>${inputCaps('PlatenInputCaps')}</scan:Platen>
  <scan:Adf>${inputCaps('AdfSimplexInputCaps')}
    <scan:FeederCapacity>50</scan:FeederCapacity>
    <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption></scan:AdfOptions>
  </scan:Adf>
</scan:ScannerCapabilities>
`;
}

export function statusXml(s: EmulatedScanner): string {
  const jobs = s.jobs
    .slice(-5)
    .reverse()
    .map(
      (j) => `<scan:JobInfo>
      <pwg:JobUri>/eSCL/ScanJobs/${j.id}</pwg:JobUri><pwg:JobUuid>${j.id}</pwg:JobUuid>
      <scan:Age>${Math.round((Date.now() - j.created) / 1000)}</scan:Age>
      <pwg:ImagesCompleted>${j.delivered}</pwg:ImagesCompleted><pwg:ImagesToTransfer>${j.state === 'Processing' ? j.pages.length - j.delivered : 0}</pwg:ImagesToTransfer>
      <pwg:JobState>${j.state}</pwg:JobState>
      <pwg:JobStateReasons><pwg:JobStateReason>${j.reason}</pwg:JobStateReason></pwg:JobStateReasons>
    </scan:JobInfo>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus ${ns}>
  <pwg:Version>2.63</pwg:Version>
  <pwg:State>${s.state()}</pwg:State>
  <scan:AdfState>${s.adfState()}</scan:AdfState>
  <scan:Jobs>${jobs}</scan:Jobs>
</scan:ScannerStatus>
`;
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });

export class SettingsError extends Error {}

/** A POSTed ScanSettings, checked against what the capabilities offer (409 Conflict for what they do not). */
export function parseScanSettings(body: string): JobSettings {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(body, true) as Record<string, unknown>;
  } catch {
    throw new SettingsError('ScanSettings is not XML');
  }
  const s = doc.ScanSettings as Record<string, unknown> | undefined;
  if (!s || typeof s !== 'object') throw new SettingsError('not a ScanSettings document');
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
  const source = str(s.InputSource) ?? 'Platen';
  if (source !== 'Platen' && source !== 'Feeder') throw new SettingsError(`InputSource ${source} not offered`);
  const colorMode = str(s.ColorMode) ?? 'RGB24';
  if (colorMode !== 'RGB24' && colorMode !== 'Grayscale8') throw new SettingsError(`ColorMode ${colorMode} not offered`);
  const format = (str(s.DocumentFormatExt) ?? str(s.DocumentFormat) ?? 'image/jpeg').toLowerCase();
  if (!(formats as readonly string[]).includes(format)) throw new SettingsError(`DocumentFormat ${format} not offered`);
  const resolution = Number(str(s.XResolution) ?? 300);
  if (!resolutions.includes(resolution) || Number(str(s.YResolution) ?? resolution) !== resolution)
    throw new SettingsError(`resolution ${str(s.XResolution)}×${str(s.YResolution)} not offered`);
  const regions = (s.ScanRegions as Record<string, unknown> | undefined)?.ScanRegion;
  const r = (Array.isArray(regions) ? regions[0] : regions) as Record<string, unknown> | undefined;
  const num = (v: unknown, d: number) => (str(v) !== undefined && /^\d+$/.test(str(v)!) ? Number(str(v)) : d);
  const region = {
    x: num(r?.XOffset, 0),
    y: num(r?.YOffset, 0),
    width: Math.min(num(r?.Width, a4.width), a4.width),
    height: Math.min(num(r?.Height, a4.height), a4.height),
  };
  if (region.width < 16 || region.height < 16) throw new SettingsError('scan region smaller than the minimum');
  return { source, colorMode, format: format as JobSettings['format'], resolution, region };
}
