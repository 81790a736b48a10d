import type { Device } from '../core/device.js';
import { deviceError, type DeviceError } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import { PollingDevice } from '../core/polling-device.js';
import type { MediaCondition, SelfTestResult } from '../core/status.js';
import type { ByteTransport } from '../core/transport.js';
import { parseStatus, ReceiptBuilder, statusRequest, type EscPosStatus, type ReceiptOptions } from './escpos-codec.js';

export interface ReceiptPrinter extends Device {
  printerStatus(signal?: AbortSignal): Promise<Result<EscPosStatus, DeviceError>>;
  /** A receipt builder set up for this printer model (encoding, Chinese mode). */
  builder(): ReceiptBuilder;
  /** Prints prepared ESC/POS bytes; checks the status before (refusing to start) and after (cutter, paper). */
  printReceipt(bytes: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>>;
}

export const isReceiptPrinter = (d: Device): d is ReceiptPrinter => typeof (d as Partial<ReceiptPrinter>).printReceipt === 'function';

/** Thermal receipt printer speaking ESC/POS over serial or TCP 9100. */
export class EscPosPrinter extends PollingDevice implements ReceiptPrinter {
  declare readonly kind: 'receiptPrinter';
  readonly capabilities = { qr: true, cutter: true, encoding: 'gb18030' } as const;
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
      receipt?: ReceiptOptions;
    },
  ) {
    super(options.id, 'receiptPrinter', options.pollIntervalMs ?? 3000);
    options.transport.onData((chunk) => {
      this.inbox.push(...chunk);
      this.waiter?.();
    });
    options.transport.onDisconnect((detail) => this.tracker.set('offline', { reasonKey: 'device.reason.disconnected', detail }));
  }

  /** A receipt builder for this model's encoding. */
  builder(): ReceiptBuilder {
    return new ReceiptBuilder(this.options.receipt);
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

  async printReceipt(bytes: Uint8Array, signal?: AbortSignal): Promise<Result<void, DeviceError>> {
    const before = await this.printerStatus(signal);
    if (!before.ok) return before;
    const refusal = refusalOf(before.value);
    if (refusal) return err(refusal);
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
