import { deviceError, type DeviceError } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import { PollingDevice } from '../core/polling-device.js';
import type { SelfTestResult } from '../core/status.js';
import { asInts, asStrings, findAttr, GroupTag, ipp, ValueTag } from './ipp-codec.js';
import type { DocumentPrinter, PrintOptions } from './document-printer.js';
import { IppClient, IppOp } from './ipp-client.js';
import { deviceStatusOf, snapshotFromAttributes, stripSeverity, type PrinterSnapshot } from './ipp-status.js';

/** Kept for callers not yet importing from the family's index.ts. */
export { isDocumentPrinter, type DocumentPrinter, type PrintOptions, type PrintProgress } from './document-printer.js';

const statusAttributes = [
  'printer-state',
  'printer-state-reasons',
  'printer-is-accepting-jobs',
  'media-ready',
  'marker-names',
  'marker-levels',
  'printer-supply',
  'printer-supply-description',
  'printer-make-and-model',
];

const JobState = { processingStopped: 6, canceled: 7, aborted: 8, completed: 9 } as const;

/** A4 certificate printer over IPP Everywhere: status polling, readiness, print with progress, typed job outcomes. */
export class IppPrinter extends PollingDevice implements DocumentPrinter {
  declare readonly kind: 'certificatePrinter';
  readonly capabilities = { formats: ['application/pdf'], maxCopies: 3 } as const;
  private readonly client: IppClient;
  private model = '';

  constructor(private readonly options: { id: string; uri: string; pollIntervalMs?: number; commandTimeoutMs?: number }) {
    super(options.id, 'certificatePrinter', options.pollIntervalMs ?? 3000);
    this.client = new IppClient(options.uri, options.commandTimeoutMs ?? 5000);
  }

  protected pollOnce(): Promise<unknown> {
    return this.snapshot();
  }

  info(): Record<string, string> {
    return { uri: this.options.uri, ...(this.model ? { model: this.model } : {}) };
  }

  async snapshot(signal?: AbortSignal): Promise<Result<PrinterSnapshot, DeviceError>> {
    const r = await this.client.send(IppOp.getPrinterAttributes, [ipp.str(ValueTag.keyword, 'requested-attributes', ...statusAttributes)], {
      signal,
    });
    if (!r.ok) {
      if (r.error.code === 'disconnected' || r.error.code === 'timeout')
        this.tracker.set('offline', { reasonKey: 'device.reason.unreachable', detail: r.error.detail });
      return r;
    }
    this.model = asStrings(findAttr(r.value, GroupTag.printer, 'printer-make-and-model'))[0] ?? this.model;
    const snap = snapshotFromAttributes(r.value);
    const s = deviceStatusOf(snap);
    this.tracker.set(s.state, { media: s.media, reasonKey: s.reasonKey, detail: s.detail });
    return ok(snap);
  }

  async readiness(signal?: AbortSignal): Promise<Result<PrinterSnapshot, DeviceError>> {
    const r = await this.snapshot(signal);
    if (!r.ok) return r;
    const refusal = refusalOf(r.value);
    return refusal ? err(refusal) : r;
  }

  async print(pdf: Uint8Array, o: PrintOptions): Promise<Result<{ jobId: number; pages: number | null }, DeviceError>> {
    const ready = await this.readiness(o.signal);
    if (!ready.ok) return ready;
    const operation = [
      ipp.str(ValueTag.name, 'job-name', o.jobName),
      ipp.str(ValueTag.mimeMediaType, 'document-format', 'application/pdf'),
    ];
    const job = [ipp.int('copies', o.copies ?? 1), ipp.str(ValueTag.keyword, 'media', 'iso_a4_210x297mm')];
    const valid = await this.client.send(IppOp.validateJob, operation, { job, signal: o.signal });
    if (!valid.ok) return valid;
    const created = await this.client.send(IppOp.printJob, operation, { job, document: pdf, signal: o.signal, timeoutMs: 60_000 });
    if (!created.ok) return created;
    const jobId = asInts(findAttr(created.value, GroupTag.job, 'job-id'))[0];
    if (jobId === undefined) return err(deviceError('invalidData', 'Print-Job reply without job-id'));
    return this.follow(jobId, o);
  }

  /** Polls the job to a final state (RFC 8011 §5.3.7), reporting pages as they come out. */
  private async follow(jobId: number, o: PrintOptions): Promise<Result<{ jobId: number; pages: number | null }, DeviceError>> {
    const deadline = Date.now() + (o.timeoutMs ?? 120_000);
    let lastDone = -1;
    for (;;) {
      if (o.signal?.aborted) {
        await this.cancel(jobId);
        return err(deviceError('canceled', `job ${jobId} canceled`));
      }
      if (Date.now() > deadline) {
        await this.cancel(jobId);
        return err(deviceError('timeout', `job ${jobId} did not finish within ${o.timeoutMs ?? 120_000} ms; canceled at the printer`));
      }
      const r = await this.client.send(IppOp.getJobAttributes, [ipp.int('job-id', jobId)]);
      if (!r.ok) return r;
      const get = (n: string) => findAttr(r.value, GroupTag.job, n);
      const state = asInts(get('job-state'))[0] ?? 0;
      const pages = asInts(get('job-impressions'))[0] ?? null;
      const done = asInts(get('job-impressions-completed'))[0] ?? 0;
      if (done !== lastDone) {
        lastDone = done;
        o.onProgress?.({ jobId, pagesDone: done, pages });
      }
      const jobReasons = asStrings(get('job-state-reasons'));
      if (state === JobState.completed) return ok({ jobId, pages });
      if (state === JobState.canceled)
        return err(deviceError('canceled', `job ${jobId} canceled at the printer (${jobReasons.join(', ')})`));
      if (state === JobState.aborted)
        return err(deviceError('hardwareError', `job ${jobId} aborted by the printer (${jobReasons.join(', ')})`, 'printer.error.aborted'));
      if (state === JobState.processingStopped) {
        // the printer stopped under the job: say why, and take the job back so a reprint starts clean
        const snap = await this.snapshot();
        const refusal = snap.ok ? refusalOf(snap.value) : null;
        if (refusal) {
          await this.cancel(jobId);
          return err({ ...refusal, detail: `job ${jobId} stopped at page ${done + 1}: ${refusal.detail}` });
        }
      }
      await new Promise((res) => setTimeout(res, o.pollMs ?? 250));
    }
  }

  private async cancel(jobId: number): Promise<void> {
    await this.client.send(IppOp.cancelJob, [ipp.int('job-id', jobId)]);
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const started = performance.now();
    const r = await this.snapshot(signal);
    const step = (name: string, passed: boolean, detail: string) => ({
      name,
      passed,
      detail,
      durationMs: Math.round(performance.now() - started),
    });
    const steps = r.ok
      ? [
          step('reachable', true, this.model || this.options.uri),
          step('ready', refusalOf(r.value) === null, r.value.reasons.join(', ') || r.value.state),
          step(
            'supplies',
            !r.value.supplies.some((s) => s.level !== null && s.level <= 10),
            r.value.supplies.map((s) => `${s.name} ${s.level ?? '?'}%`).join(', ') || 'not reported',
          ),
        ]
      : [step('reachable', false, r.error.detail)];
    return { deviceId: this.id, passed: steps.every((s) => s.passed), steps };
  }
}

/** Why a printer in this condition cannot print now, or null when it can. */
export function refusalOf(s: PrinterSnapshot): DeviceError | null {
  const has = (...r: string[]) => r.some((x) => s.reasons.map(stripSeverity).includes(x));
  const detail = s.reasons.join(', ') || s.state;
  if (has('media-jam')) return deviceError('mediaJam', detail, 'printer.error.jam');
  if (has('media-empty', 'media-needed')) return deviceError('noMedia', detail, 'printer.error.paperOut');
  if (has('cover-open', 'door-open')) return deviceError('userError', detail, 'printer.error.coverOpen');
  if (has('toner-empty', 'marker-supply-empty')) return deviceError('hardwareError', detail, 'printer.error.tonerEmpty');
  if (has('offline', 'shutdown', 'paused') || s.state === 'stopped') return deviceError('deviceNotReady', detail, 'printer.error.notReady');
  if (!s.acceptingJobs || has('spool-area-full')) return deviceError('deviceNotReady', detail, 'printer.error.notReady');
  return null;
}
