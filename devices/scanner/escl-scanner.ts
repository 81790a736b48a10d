import type { DeviceCapabilities } from '../core/device.js';
import type { DeviceError } from '../core/errors.js';
import { PollingDevice } from '../core/polling-device.js';
import { err, ok, type Result } from '../core/result.js';
import type { SelfTestResult } from '../core/status.js';
import { httpExchange, type HttpReply } from '../core/transports/http.js';
import type { DocumentScanner, ScannedPage, ScannerCapabilities, ScannerSnapshot, ScanOptions, ScanSettings } from './document-scanner.js';
import {
  capabilitiesOf,
  decodeCapabilities,
  decodeStatus,
  encodeScanSettings,
  snapshotOf,
  unitsPerMm,
  type EsclCapabilities,
  type EsclSourceCaps,
} from './escl-codec.js';
import { formatOfBytes, pause } from './page-bytes.js';
import { fromTransport, scannerError } from './scanner-errors.js';
import { selfTestClock, testScanStep } from './scanner-self-test.js';
import { deviceStatusOf, refusalOf } from './scanner-status.js';

export interface EsclScannerOptions {
  id: string;
  /** The scanner's eSCL root, e.g. http://192.168.1.30/eSCL/ */
  url: string;
  pollIntervalMs?: number;
  commandTimeoutMs?: number;
  /** Whole-job bound when the caller gives none. */
  scanTimeoutMs?: number;
  /** How many times a 503 (busy) is retried, waiting retryBaseMs, 2×, 4×… in between. */
  busyRetries?: number;
  retryBaseMs?: number;
}

const a4 = { width: 210 * unitsPerMm, height: 297 * unitsPerMm };

/**
 * A document scanner over eSCL (Mopria / AirScan): status polled and pushed, capabilities read once per connection,
 * a scan is POST ScanJobs → Location, NextDocument until 404, DELETE when it is abandoned. Faults come back typed
 * from the scanner's own ScannerStatus (AdfState), so a jam reads as a jam whatever HTTP code carried it.
 */
export class EsclScanner extends PollingDevice implements DocumentScanner {
  declare readonly kind: 'scanner';
  private readonly base: string;
  private caps: EsclCapabilities | null = null;

  constructor(private readonly options: EsclScannerOptions) {
    super(options.id, 'scanner', options.pollIntervalMs ?? 3000);
    this.base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  }

  get capabilities(): DeviceCapabilities {
    if (!this.caps) return { protocol: 'eSCL' };
    const c = capabilitiesOf(this.caps);
    return { protocol: 'eSCL', sources: c.sources, colorModes: c.colorModes, formats: c.formats, resolutions: c.resolutions.map(String) };
  }

  info(): Record<string, string> {
    return { url: this.base, ...(this.caps?.makeAndModel ? { model: this.caps.makeAndModel } : {}) };
  }

  protected pollOnce(): Promise<unknown> {
    return this.snapshot();
  }

  private get timeoutMs(): number {
    return this.options.commandTimeoutMs ?? 5000;
  }

  private async get(path: string, signal?: AbortSignal): Promise<Result<HttpReply, DeviceError>> {
    const r = await httpExchange(new URL(path, this.base).href, { signal, timeoutMs: this.timeoutMs });
    if (!r.ok) {
      if (r.error.code === 'disconnected' || r.error.code === 'timeout') this.lost(r.error.detail);
      return err(fromTransport(r.error));
    }
    return r;
  }

  /** Unplugged or switched off: offline until a poll reaches it again; its capabilities are read afresh then. */
  private lost(detail: string): void {
    this.caps = null;
    this.tracker.set('offline', { media: [], reasonKey: 'scanner.reason.offline', detail });
  }

  async snapshot(signal?: AbortSignal): Promise<Result<ScannerSnapshot, DeviceError>> {
    const r = await this.get('ScannerStatus', signal);
    if (!r.ok) return r;
    if (r.value.status === 503) return err(scannerError.busy('ScannerStatus: HTTP 503'));
    if (r.value.status !== 200) return err(scannerError.hardware(`ScannerStatus: HTTP ${r.value.status}`));
    const decoded = decodeStatus(r.value.body);
    if (!decoded.ok) return decoded;
    const snap = snapshotOf(decoded.value);
    const s = deviceStatusOf(snap);
    this.tracker.set(s.state, { media: s.media, reasonKey: s.reasonKey, detail: snap.reasons.join(', ') || null });
    return ok(snap);
  }

  private async esclCapabilities(signal?: AbortSignal): Promise<Result<EsclCapabilities, DeviceError>> {
    if (this.caps) return ok(this.caps);
    const r = await this.get('ScannerCapabilities', signal);
    if (!r.ok) return r;
    if (r.value.status !== 200) return err(scannerError.hardware(`ScannerCapabilities: HTTP ${r.value.status}`));
    const decoded = decodeCapabilities(r.value.body);
    if (decoded.ok) this.caps = decoded.value;
    return decoded;
  }

  async scannerCapabilities(signal?: AbortSignal): Promise<Result<ScannerCapabilities, DeviceError>> {
    const r = await this.esclCapabilities(signal);
    return r.ok ? ok(capabilitiesOf(r.value)) : r;
  }

  async scan(settings: ScanSettings, o: ScanOptions = {}): Promise<Result<ScannedPage[], DeviceError>> {
    const timeoutMs = o.timeoutMs ?? this.options.scanTimeoutMs ?? 120_000;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = o.signal ? AbortSignal.any([o.signal, deadline.signal]) : deadline.signal;
    const job: { url: string | null } = { url: null };
    try {
      const r = await this.runJob(settings, o, signal, job);
      if (r.ok) return r;
      if (job.url) await this.deleteJob(job.url);
      if (o.signal?.aborted) return err(scannerError.canceled(`scan canceled${job.url ? `; job ${job.url} deleted` : ''}`));
      if (deadline.signal.aborted)
        return err(scannerError.timeout(`scan did not finish within ${timeoutMs} ms${job.url ? `; job ${job.url} deleted` : ''}`));
      return r;
    } finally {
      clearTimeout(timer);
    }
  }

  private async runJob(
    settings: ScanSettings,
    o: ScanOptions,
    signal: AbortSignal,
    job: { url: string | null },
  ): Promise<Result<ScannedPage[], DeviceError>> {
    const capsR = await this.esclCapabilities(signal);
    if (!capsR.ok) return capsR;
    const caps = settings.source === 'platen' ? capsR.value.platen : capsR.value.feeder;
    if (!caps) return err(scannerError.unsupported(`this scanner has no ${settings.source}`));
    const chosen = chooseSettings(settings, caps);
    if (!chosen) return err(scannerError.unsupported(`${settings.source} offers none of image/jpeg, image/png, application/pdf`));

    if (settings.source === 'feeder') {
      // ask first, as eSCL clients do: an empty or jammed feeder is told before a job is made
      const s = await this.snapshot(signal);
      if (!s.ok) return s;
      const refusal = refusalOf(s.value, 'feeder');
      if (refusal) return err(refusal);
    }

    const created = await this.withBusyRetry('POST ScanJobs', signal, () =>
      httpExchange(new URL('ScanJobs', this.base).href, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: new TextEncoder().encode(encodeScanSettings(chosen)),
        signal,
        timeoutMs: this.timeoutMs,
      }),
    );
    if (!created.ok) return created;
    const location = created.value.headers.get('location');
    if (created.value.status !== 201 && created.value.status !== 200)
      return err(await this.faultFromStatus(`POST ScanJobs: HTTP ${created.value.status}`, settings.source));
    if (!location) return err(scannerError.invalidData('POST ScanJobs: no Location'));
    job.url = new URL(location, this.base).href.replace(/\/$/, '');

    const pages: ScannedPage[] = [];
    for (;;) {
      const r = await this.withBusyRetry('NextDocument', signal, () =>
        httpExchange(`${job.url}/NextDocument`, { signal, timeoutMs: o.timeoutMs ?? this.options.scanTimeoutMs ?? 120_000 }),
      );
      if (!r.ok) return r;
      if (r.value.status === 404) break;
      if (r.value.status !== 200)
        return err(await this.faultFromStatus(`NextDocument page ${pages.length + 1}: HTTP ${r.value.status}`, settings.source));
      const mime = formatOfBytes(r.value.body);
      if (!mime) return err(scannerError.invalidData(`NextDocument page ${pages.length + 1}: not JPEG, PNG or PDF`));
      pages.push({ mime, bytes: r.value.body });
      o.onPage?.(pages.length);
      if (settings.source === 'platen') break;
    }
    if (pages.length === 0)
      return err(
        settings.source === 'feeder'
          ? scannerError.feederEmpty('the job ended without a page')
          : scannerError.invalidData('the platen job ended without a page'),
      );
    job.url = null; // finished: nothing to delete
    return ok(pages);
  }

  /** 503 means "not now" in eSCL (warming up, another job): wait and ask again, a few times, then say busy. */
  private async withBusyRetry(
    what: string,
    signal: AbortSignal,
    send: () => Promise<Result<HttpReply, DeviceError>>,
  ): Promise<Result<HttpReply, DeviceError>> {
    const retries = this.options.busyRetries ?? 4;
    const base = this.options.retryBaseMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      const r = await send();
      if (!r.ok) {
        if (r.error.code === 'disconnected') this.lost(r.error.detail);
        return err(fromTransport(r.error));
      }
      if (r.value.status !== 503) return r;
      if (attempt >= retries) return err(scannerError.busy(`${what}: HTTP 503 after ${retries + 1} attempts`));
      await pause(Math.min(base * 2 ** attempt, 4000), signal);
      if (signal.aborted) return err(scannerError.canceled(`${what}: abandoned while the scanner was busy`));
    }
  }

  /** Why a request failed, in the scanner's own words (AdfState), falling back to a hardware fault. */
  private async faultFromStatus(detail: string, source: ScanSettings['source']): Promise<DeviceError> {
    const s = await this.snapshot();
    if (!s.ok) return s.error.code === 'disconnected' ? s.error : scannerError.hardware(detail);
    const refusal = refusalOf(s.value, source);
    return refusal ? { ...refusal, detail: `${detail}: ${refusal.detail}` } : scannerError.hardware(`${detail} (${s.value.state})`);
  }

  private async deleteJob(url: string): Promise<void> {
    await httpExchange(url, { method: 'DELETE', timeoutMs: this.timeoutMs });
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const step = selfTestClock();
    const steps = [];
    const s = await this.snapshot(signal);
    steps.push(s.ok ? step('reachable', true, this.caps?.makeAndModel || this.base) : step('reachable', false, s.error.detail));
    if (s.ok) {
      const caps = await this.scannerCapabilities(signal);
      steps.push(
        caps.ok
          ? step('capabilities', true, `${caps.value.sources.join('+')}, ${caps.value.resolutions.join('/')} dpi`)
          : step('capabilities', false, caps.error.detail),
      );
      if (caps.ok) steps.push(await testScanStep(this, caps.value, signal, step));
    }
    return { deviceId: this.id, passed: steps.every((x) => x.passed), steps };
  }
}

/** The requested settings, within what the chosen source offers (nearest resolution; an offered format if not). */
function chooseSettings(s: ScanSettings, caps: EsclSourceCaps) {
  const want = s.mode === 'color' ? 'RGB24' : 'Grayscale8';
  const colorMode = caps.colorModes.includes(want) ? want : caps.colorModes.includes('RGB24') ? 'RGB24' : 'Grayscale8';
  const format = [s.format, 'image/jpeg', 'image/png', 'application/pdf'].find((f) => caps.formats.includes(f));
  if (!format) return null;
  const resolution = caps.resolutions.reduce((best, r) => (Math.abs(r - s.resolution) < Math.abs(best - s.resolution) ? r : best));
  return {
    source: s.source === 'platen' ? ('Platen' as const) : ('Feeder' as const),
    colorMode: colorMode as 'RGB24' | 'Grayscale8',
    format,
    resolution,
    width: Math.min(a4.width, caps.maxWidth),
    height: Math.min(a4.height, caps.maxHeight),
  };
}
