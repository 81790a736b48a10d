import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DeviceCapabilities } from '../core/device.js';
import type { DeviceError } from '../core/errors.js';
import { PollingDevice } from '../core/polling-device.js';
import { err, ok, type Result } from '../core/result.js';
import type { SelfTestResult } from '../core/status.js';
import type { DocumentScanner, ScannedPage, ScannerCapabilities, ScannerSnapshot, ScanOptions, ScanSettings } from './document-scanner.js';
import { formatOfBytes, pause } from './page-bytes.js';
import {
  colorModeName,
  isFeederSource,
  isPlatenSource,
  parseSaneOptions,
  saneCapabilities,
  saneFault,
  type SaneOptions,
} from './sane-options.js';
import { selfTestClock, testScanStep } from './scanner-self-test.js';
import { runScanimage, type ScanimageRun } from './scanimage-process.js';
import { scannerError } from './scanner-errors.js';

export interface SaneScannerOptions {
  id: string;
  /** The SANE device name (`scanimage -L`), e.g. `test`, `airscan:escl:Name:http://…/eSCL/`, `epsonds:libusb:001:004`. */
  device: string;
  /** The scanimage program (Debian: sane-utils). */
  scanimage?: string;
  /** Extra scanimage arguments for this device (backend options such as `--test-picture Grid`). */
  extraArgs?: string[];
  /** SANE_CONFIG_DIR for scanimage (a private dll.conf / airscan.conf); unset uses /etc/sane.d. */
  saneConfigDir?: string;
  pollIntervalMs?: number;
  commandTimeoutMs?: number;
  scanTimeoutMs?: number;
  busyRetries?: number;
  retryBaseMs?: number;
}

const extensions = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'application/pdf': 'pdf' } as const;

/**
 * A document scanner that only has a SANE backend, driven through Debian's `scanimage`: the device's options are
 * read with `-A` (which also proves it answers), a platen scan writes one file, a feeder scan `--batch`es until the
 * feeder is empty. scanimage's exit status (the SANE status) becomes the same typed errors as eSCL's.
 */
export class SaneScanner extends PollingDevice implements DocumentScanner {
  declare readonly kind: 'scanner';
  private options_: SaneOptions | null = null;
  private scanning = false;

  constructor(private readonly o: SaneScannerOptions) {
    super(o.id, 'scanner', o.pollIntervalMs ?? 30_000);
  }

  get capabilities(): DeviceCapabilities {
    if (!this.options_) return { protocol: 'SANE' };
    const c = saneCapabilities(this.options_);
    return { protocol: 'SANE', sources: c.sources, colorModes: c.colorModes, formats: c.formats, resolutions: c.resolutions.map(String) };
  }

  info(): Record<string, string> {
    return { device: this.o.device };
  }

  protected pollOnce(): Promise<unknown> {
    // a scanner busy with our own scan answers nothing else; the scan reports its own faults
    return this.scanning ? Promise.resolve() : this.snapshot();
  }

  private run(args: string[], o: { signal?: AbortSignal; timeoutMs: number; onStdoutLine?: (l: string) => void }): Promise<ScanimageRun> {
    return runScanimage(this.o.scanimage ?? 'scanimage', ['-d', this.o.device, ...args], {
      ...o,
      env: this.o.saneConfigDir ? { SANE_CONFIG_DIR: this.o.saneConfigDir } : undefined,
    });
  }

  private failure(r: ScanimageRun, what: string): DeviceError {
    if (r.spawnError)
      return scannerError.hardware(
        `${what}: cannot run scanimage (${r.spawnError}); apt-get install -y --no-install-recommends sane-utils`,
      );
    if (r.stopped === 'canceled') return scannerError.canceled(`${what}: canceled`);
    if (r.stopped === 'timeout') return scannerError.timeout(`${what}: scanimage did not finish in time`);
    return saneFault(r.exitCode, r.stderr);
  }

  private async readOptions(signal?: AbortSignal): Promise<Result<SaneOptions, DeviceError>> {
    const r = await this.run(['-A'], { signal, timeoutMs: this.o.commandTimeoutMs ?? 10_000 });
    if (r.exitCode !== 0 || r.stopped || r.spawnError) {
      const e = this.failure(r, 'scanimage -A');
      if (e.code === 'disconnected' || e.code === 'hardwareError' || e.code === 'timeout') {
        this.options_ = null;
        this.tracker.set('offline', { media: [], reasonKey: 'scanner.reason.offline', detail: e.detail });
      } else if (e.messageKey === 'scanner.error.busy') this.tracker.set('busy', { media: [], reasonKey: null });
      return err(e);
    }
    this.options_ = parseSaneOptions(r.stdout);
    this.tracker.set('online', { media: [] });
    return ok(this.options_);
  }

  /** SANE has no status call: a device that lists its options is idle; one that cannot be opened is down. */
  async snapshot(signal?: AbortSignal): Promise<Result<ScannerSnapshot, DeviceError>> {
    const r = await this.readOptions(signal);
    if (!r.ok) {
      if (r.error.messageKey === 'scanner.error.busy') return ok({ state: 'processing', adf: null, reasons: ['device busy'] });
      return r;
    }
    return ok({ state: 'idle', adf: null, reasons: [] });
  }

  async scannerCapabilities(signal?: AbortSignal): Promise<Result<ScannerCapabilities, DeviceError>> {
    const r = this.options_ ? ok(this.options_) : await this.readOptions(signal);
    return r.ok ? ok(saneCapabilities(r.value)) : r;
  }

  async scan(settings: ScanSettings, o: ScanOptions = {}): Promise<Result<ScannedPage[], DeviceError>> {
    const opts = this.options_ ? ok(this.options_) : await this.readOptions(o.signal);
    if (!opts.ok) return opts;
    const args = this.scanArgs(settings, opts.value);
    if (!args.ok) return args;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-scan-'));
    this.scanning = true;
    try {
      return await this.scanInto(dir, settings, args.value, o);
    } finally {
      this.scanning = false;
      // scans carry residents' documents: nothing stays on disk
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async scanInto(dir: string, settings: ScanSettings, args: string[], o: ScanOptions): Promise<Result<ScannedPage[], DeviceError>> {
    // a multi-page PDF from --batch is one file; pages come one file each as PNG, which the core can join
    const format = settings.source === 'feeder' && settings.format === 'application/pdf' ? 'image/png' : settings.format;
    const ext = extensions[format];
    const output =
      settings.source === 'feeder'
        ? [`--batch=${path.join(dir, `page%d.${ext}`)}`, '--batch-print']
        : ['-o', path.join(dir, `page1.${ext}`)];
    const deadline = Date.now() + (o.timeoutMs ?? this.o.scanTimeoutMs ?? 120_000);
    let seen = 0;
    let said = '';
    for (let attempt = 0; ; attempt++) {
      const r = await this.run([`--format=${ext}`, ...args, ...output], {
        signal: o.signal,
        timeoutMs: Math.max(1, deadline - Date.now()),
        onStdoutLine: (line) => {
          if (line.trim()) o.onPage?.(++seen);
        },
      });
      said = r.stderr
        .split('\n')
        .filter((l) => l.startsWith('scanimage:'))
        .join('; ');
      if (r.exitCode === 0 && !r.stopped && !r.spawnError) break;
      const e = this.failure(r, settings.source === 'feeder' ? 'feeder scan' : 'platen scan');
      const retries = this.o.busyRetries ?? 3;
      if (e.messageKey !== 'scanner.error.busy' || attempt >= retries || seen > 0) return err(e);
      await pause(Math.min((this.o.retryBaseMs ?? 500) * 2 ** attempt, 4000), o.signal ?? new AbortController().signal);
      if (o.signal?.aborted) return err(scannerError.canceled('scan canceled while the scanner was busy'));
      if (Date.now() >= deadline) return err(scannerError.timeout('the scanner stayed busy past the scan deadline'));
    }
    const files = (await readdir(dir))
      .filter((f) => /^page\d+\./.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    if (files.length === 0)
      return err(
        settings.source === 'feeder'
          ? scannerError.feederEmpty(`scanimage --batch ended without a page${said ? `: ${said}` : ''}`)
          : scannerError.invalidData(`scanimage wrote no page${said ? `: ${said}` : ''}`),
      );
    const pages: ScannedPage[] = [];
    for (const f of files) {
      const bytes = new Uint8Array(await readFile(path.join(dir, f)));
      const mime = formatOfBytes(bytes);
      if (!mime) return err(scannerError.invalidData(`scanimage wrote ${f} that is not ${format}`));
      pages.push({ mime, bytes });
    }
    if (settings.source === 'platen') o.onPage?.(1);
    return ok(pages);
  }

  private scanArgs(s: ScanSettings, opts: SaneOptions): Result<string[], DeviceError> {
    const args: string[] = [];
    if (opts.sources.length > 0) {
      const source = opts.sources.find(s.source === 'feeder' ? isFeederSource : isPlatenSource);
      if (!source) return err(scannerError.unsupported(`${this.o.device} has no ${s.source} (sources: ${opts.sources.join(', ')})`));
      args.push('--source', source);
    } else if (s.source === 'feeder') return err(scannerError.unsupported(`${this.o.device} has no feeder`));
    const mode = colorModeName(opts, s.mode) ?? colorModeName(opts, s.mode === 'color' ? 'gray' : 'color');
    if (mode) args.push('--mode', mode);
    if (opts.resolutions.length > 0) {
      const res = opts.resolutions.reduce((best, r) => (Math.abs(r - s.resolution) < Math.abs(best - s.resolution) ? r : best));
      args.push('--resolution', String(res));
    }
    if (opts.maxWidthMm !== null) args.push('-x', String(Math.min(210, opts.maxWidthMm)));
    if (opts.maxHeightMm !== null) args.push('-y', String(Math.min(297, opts.maxHeightMm)));
    return ok([...args, ...(this.o.extraArgs ?? [])]);
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const step = selfTestClock();
    const steps = [];
    const caps = await this.scannerCapabilities(signal);
    steps.push(
      caps.ok
        ? step('reachable', true, `${this.o.device}: ${caps.value.sources.join('+')}, ${caps.value.resolutions.join('/')} dpi`)
        : step('reachable', false, caps.error.detail),
    );
    if (caps.ok) steps.push(await testScanStep(this, caps.value, signal, step));
    return { deviceId: this.id, passed: steps.every((x) => x.passed), steps };
  }
}
