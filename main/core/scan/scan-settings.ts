import type { ScanFormat, ScanSettings, ScanSource, ScannerCapabilities } from '../../../devices/scanner/index.js';

/** Formats the core can check and preview, best first (a PDF from the scanner could not be checked page by page). */
const FORMATS: ScanFormat[] = ['image/jpeg', 'image/png'];

/**
 * What to ask the scanner for: 300 dpi where it can (a window clerk's copy; the nearest below otherwise), JPEG,
 * colour on the platen (cards, stamps) and grey in the feeder (forms, certificates: a third of the bytes).
 * Null when the scanner cannot deliver what the core can check.
 */
export function scanSettingsFor(caps: ScannerCapabilities, source: ScanSource): ScanSettings | null {
  if (!caps.sources.includes(source)) return null;
  const format = FORMATS.find((f) => caps.formats.includes(f));
  if (!format || caps.resolutions.length === 0) return null;
  const below = caps.resolutions.filter((r) => r <= 300);
  const resolution = below.length ? Math.max(...below) : Math.min(...caps.resolutions);
  const wanted = source === 'platen' ? 'color' : 'gray';
  const mode = caps.colorModes.includes(wanted) ? wanted : (caps.colorModes[0] ?? 'color');
  return { source, resolution, mode, format };
}
