import type { SelfTestResult } from '../core/status.js';
import type { DocumentScanner, ScannerCapabilities } from './document-scanner.js';

type SelfTestStep = SelfTestResult['steps'][number];
export type StepOf = (name: string, passed: boolean, detail: string) => SelfTestStep;

/** A step maker for one self-test: each step carries the time since the test began. */
export function selfTestClock(): StepOf {
  const started = performance.now();
  return (name, passed, detail) => ({ name, passed, detail, durationMs: Math.round(performance.now() - started) });
}

/** The self-test's scan: one platen page (or feeder, on a feeder-only scanner) at the lowest resolution, with its image. */
export async function testScanStep(
  scanner: DocumentScanner,
  caps: ScannerCapabilities,
  signal: AbortSignal | undefined,
  step: StepOf,
): Promise<SelfTestStep> {
  const source = caps.sources.includes('platen') ? 'platen' : 'feeder';
  const resolution = caps.resolutions.find((r) => r >= 75) ?? caps.resolutions[0] ?? 75;
  const r = await scanner.scan(
    { source, resolution, mode: caps.colorModes.includes('gray') ? 'gray' : 'color', format: 'image/jpeg' },
    { signal, timeoutMs: 60_000 },
  );
  if (!r.ok) return step('testScan', false, `${r.error.code}: ${r.error.detail}`);
  const bytes = r.value.reduce((n, p) => n + p.bytes.length, 0);
  const first = r.value[0]!;
  // the first page goes to the maintenance screen as it came (a low-resolution grey JPEG is a few tens of KB)
  const preview = first.mime !== 'application/pdf' ? `data:${first.mime};base64,${Buffer.from(first.bytes).toString('base64')}` : undefined;
  return {
    ...step('testScan', true, `${r.value.length} page(s) from the ${source} at ${resolution} dpi, ${Math.round(bytes / 1024)} KB`),
    ...(preview && preview.length <= 400_000 ? { preview } : {}),
  };
}
