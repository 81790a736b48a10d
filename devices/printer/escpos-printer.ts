import { deviceError, type DeviceError } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import { PollingDevice } from '../core/polling-device.js';
import type { MediaCondition, SelfTestResult } from '../core/status.js';
import type { ByteTransport } from '../core/transport.js';
import { parseStatus, statusRequest, type EscPosStatus, type ReceiptOptions } from './escpos-codec.js';
import { encodeReceipt } from './escpos-receipt.js';
import type { ReceiptDocument } from './receipt-document.js';
import type { ReceiptPrinter } from './receipt-printer.js';

/** Kept for callers not yet importing from the family's index.ts. */
export { isReceiptPrinter, type ReceiptPrinter } from './receipt-printer.js';

/** Thermal receipt printer speaking ESC/POS over serial or TCP 9100. */
export class EscPosPrinter extends PollingDevice implements ReceiptPrinter {
  declare readonly kind: 'receiptPrinter';
  readonly capabilities;
  private readonly inbox: number[] = [];
  private waiter: (() => void) | null = null;
  private exchange: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: {
      id: string;
      transport: ByteTransport;
      pollIntervalMs?: number;
      commandTimeoutMs?: number;
      /** The model's text encoding and Chinese mode. */
      model?: ReceiptOptions;
    },
  ) {
    super(options.id, 'receiptPrinter', options.pollIntervalMs ?? 3000);
    this.capabilities = { qr: true, cutter: true, encoding: options.model?.encoding ?? 'gb18030' } as const;
    options.transport.onData((chunk) => {
      this.inbox.push(...chunk);
      this.waiter?.();
    });
    options.transport.onDisconnect((detail) => this.tracker.set('offline', { reasonKey: 'device.reason.disconnected', detail }));
  }

  protected pollOnce(): Promise<unknown> {
    return this.printerStatus();
  }

  protected override release(): Promise<void> {
    return this.options.transport.close();
  }

  info(): Record<string, string> {
    return { transport: this.options.transport.description };
  }

  /** DLE EOT 1–4, one byte each; exchanges are serialized so a poll never interleaves with a receipt. */
  printerStatus(signal?: AbortSignal): Promise<Result<EscPosStatus, DeviceError>> {
    const run = this.exchange.then(() => this.queryStatus(signal));
    this.exchange = run.catch(() => undefined);
    return run;
  }

  async readiness(signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    const s = await this.printerStatus(signal);
    if (!s.ok) return s;
    const refusal = refusalOf(s.value);
    return refusal ? err(refusal) : ok(undefined);
  }

  /** Encodes the receipt for this model, then prints it between two status checks (before: refuse; after: cutter, paper). */
  async printReceipt(doc: ReceiptDocument, signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    let bytes: Uint8Array;
    try {
      bytes = encodeReceipt(doc, this.options.model);
    } catch (e) {
      return err(deviceError('invalidData', `receipt cannot be encoded: ${(e as Error).message}`));
    }
    const ready = await this.readiness(signal);
    if (!ready.ok) return ready;
    const run = this.exchange.then(() => this.options.transport.write(bytes, signal));
    this.exchange = run.catch(() => undefined);
    const written = await run;
    if (!written.ok) return written;
    const after = await this.printerStatus(signal);
    if (!after.ok) return after;
    if (after.value.cutterError) return err(deviceError('hardwareError', 'cutter error after the receipt', 'printer.error.cutter'));
    if (after.value.paperEnd)
      return err(deviceError('noMedia', 'paper ran out while printing the receipt', 'printer.error.receiptPaperOut'));
    return ok(undefined);
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const started = performance.now();
    const s = await this.printerStatus(signal);
    const detail = s.ok ? describe(s.value) : s.error.detail;
    return {
      deviceId: this.id,
      passed: s.ok && refusalOf(s.value) === null,
      steps: [
        {
          name: 'status (DLE EOT 1–4)',
          passed: s.ok && refusalOf(s.value) === null,
          detail,
          durationMs: Math.round(performance.now() - started),
        },
      ],
    };
  }

  private async queryStatus(signal?: AbortSignal): Promise<Result<EscPosStatus, DeviceError>> {
    const t = this.options.transport;
    if (!t.isOpen) {
      const opened = await t.open(signal);
      if (!opened.ok) {
        this.tracker.set('offline', { reasonKey: 'device.reason.unreachable', detail: opened.error.detail });
        return opened;
      }
    }
    this.inbox.length = 0;
    const bytes: number[] = [];
    for (const n of [1, 2, 3, 4] as const) {
      const w = await t.write(statusRequest(n), signal);
      if (!w.ok) return w;
      const b = await this.nextByte(signal);
      if (!b.ok) {
        this.tracker.set('offline', { reasonKey: 'device.reason.noAnswer', detail: b.error.detail });
        return b;
      }
      bytes.push(b.value);
    }
    const parsed = parseStatus(bytes);
    if (!parsed.ok) return err(deviceError('invalidData', parsed.error));
    const s = parsed.value;
    const media: MediaCondition[] = [];
    if (s.paperEnd) media.push('paperOut');
    else if (s.paperNearEnd) media.push('paperLow');
    if (s.coverOpen) media.push('coverOpen');
    const refusal = refusalOf(s);
    if (refusal)
      this.tracker.set(refusal.code === 'hardwareError' ? 'hardwareError' : 'userError', {
        media,
        reasonKey: refusal.messageKey,
        detail: describe(s),
      });
    else this.tracker.set('online', { media, reasonKey: null, detail: s.paperNearEnd ? describe(s) : null });
    return ok(s);
  }

  private nextByte(signal?: AbortSignal): Promise<Result<number, DeviceError>> {
    return new Promise((resolve) => {
      const done = (r: Result<number, DeviceError>) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiter = null;
        resolve(r);
      };
      const check = () => {
        if (this.inbox.length) done(ok(this.inbox.shift()!));
      };
      const onAbort = () => done(err(deviceError('canceled', 'status request canceled')));
      const timer = setTimeout(
        () => done(err(deviceError('timeout', `no status byte within ${this.options.commandTimeoutMs ?? 1000} ms`))),
        this.options.commandTimeoutMs ?? 1000,
      );
      signal?.addEventListener('abort', onAbort);
      this.waiter = check;
      check();
    });
  }
}

/** Why the receipt printer cannot print now, or null. */
export function refusalOf(s: EscPosStatus): DeviceError | null {
  if (s.paperEnd) return deviceError('noMedia', describe(s), 'printer.error.receiptPaperOut');
  if (s.coverOpen) return deviceError('userError', describe(s), 'printer.error.coverOpen');
  if (s.cutterError || s.unrecoverableError) return deviceError('hardwareError', describe(s), 'printer.error.cutter');
  if (s.offline) return deviceError('deviceNotReady', describe(s), 'printer.error.notReady');
  return null;
}

function describe(s: EscPosStatus): string {
  return (
    (Object.entries(s) as [string, boolean][])
      .filter(([, v]) => v)
      .map(([k]) => k)
      .join(', ') || 'ready'
  );
}
