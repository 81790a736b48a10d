import type { Device } from '../core/device.js';
import { WakeableSleep } from '../core/wakeable-sleep.js';
import { deviceError, type DeviceError } from '../core/errors.js';
import { systemClock, type Clock, type OperationOptions } from '../core/operation.js';
import { err, ok, type Result } from '../core/result.js';
import type { SelfTestResult } from '../core/status.js';
import { StatusTracker } from '../core/status-tracker.js';
import type { ByteTransport } from '../core/transport.js';
import { decodeScan, maskCode, type ScanDecodeError, type ScannedCode } from './codec.js';
import { ScanFramer } from './framing.js';

/** What a waiting step accepts: a resident's payment code, a 缴款码, or either. */
export type ScanPurpose = 'paymentCode' | 'paymentNotice';

export type ScanEvent = { type: 'unreadable'; reason: ScanDecodeError['code'] | 'wrongKind' };

export interface ScanRequest extends OperationOptions<ScanEvent> {
  accept: readonly ScanPurpose[];
}

export interface PaymentScannerOptions {
  id: string;
  transport: ByteTransport;
  /** Silence after which a frame without suffix (or a code cut short) ends. */
  interByteTimeoutMs?: number;
  /** Bytes that start / stop reading on models that need a trigger command (e.g. 16 54 0D, 16 55 0D). */
  triggerOn?: Uint8Array;
  triggerOff?: Uint8Array;
  /** The same code again within this time is the scanner reading it twice, not a new code. */
  repeatWindowMs?: number;
  clock?: Clock;
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

interface PendingRead {
  accept: readonly ScanPurpose[];
  resolve: (r: Result<ScannedCode, DeviceError>) => void;
  onEvent?: (e: ScanEvent) => void;
}

const textOf = (c: ScannedCode) => (c.kind === 'paymentNotice' ? c.noticeNo : c.code);

/**
 * A 2D scanner reading payment codes from phones and printed 缴款码 QR codes, over serial, TCP or HID POS. It reads
 * only while a step waits (`read`): anything scanned at another time is dropped unseen — neither decoded nor
 * logged — because a payment code is a bearer token for the resident's money. Codes are masked in every log line.
 * A lost link turns it offline and a loop reopens it; a read in progress keeps waiting across an unplug/replug.
 */
export class PaymentCodeScanner implements Device {
  readonly kind = 'paymentScanner';
  readonly capabilities = { codes: ['wechat', 'alipay', 'unionpay', 'paymentNotice'] as const, trigger: false };
  private readonly tracker: StatusTracker;
  private readonly framer = new ScanFramer();
  private readonly clock: Clock;
  private readonly pause: WakeableSleep;
  private pending: PendingRead | null = null;
  private gapTimer: unknown = null;
  private running = false;
  private linkUp = false;
  private loop: Promise<void> | null = null;
  private last: { text: string; at: number } | null = null;

  constructor(private readonly options: PaymentScannerOptions) {
    this.clock = options.clock ?? systemClock;
    this.pause = new WakeableSleep(this.clock);
    this.tracker = new StatusTracker(options.id, this.kind);
    this.capabilities = { ...this.capabilities, trigger: options.triggerOn !== undefined };
    options.transport.onData((chunk) => this.onBytes(chunk));
    options.transport.onDisconnect((detail) => {
      this.linkUp = false;
      this.framer.reset();
      this.tracker.set('offline', { reasonKey: 'device.reason.disconnected', detail });
      this.pause.wake();
    });
  }

  get id(): string {
    return this.options.id;
  }

  get reading(): boolean {
    return this.pending !== null;
  }

  status() {
    return this.tracker.get();
  }

  onStatus(listener: Parameters<Device['onStatus']>[0]) {
    return this.tracker.subscribe(listener);
  }

  info(): Record<string, string> {
    return { transport: this.options.transport.description };
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.finish(err(deviceError('canceled', 'scanner stopped')));
    this.pause.wake();
    await this.loop;
    await this.options.transport.close();
    this.linkUp = false;
  }

  /**
   * Waits for one code of an accepted kind. Unreadable scans and codes of another kind are reported through
   * `onEvent` and the wait goes on. One read at a time.
   */
  read(request: ScanRequest): Promise<Result<ScannedCode, DeviceError>> {
    if (this.pending) return Promise.resolve(err(deviceError('sequenceError', 'a read is already waiting')));
    if (request.signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'read canceled before start')));
    return new Promise((resolve) => {
      const timeoutMs = request.timeoutMs ?? 120_000;
      const timer = this.clock.setTimeout(() => this.finish(err(deviceError('timeout', `no code within ${timeoutMs} ms`))), timeoutMs);
      const onAbort = () => this.finish(err(deviceError('canceled', 'read canceled')));
      request.signal?.addEventListener('abort', onAbort, { once: true });
      this.framer.reset();
      this.pending = {
        accept: request.accept,
        onEvent: request.onEvent,
        resolve: (r) => {
          this.clock.clearTimeout(timer);
          request.signal?.removeEventListener('abort', onAbort);
          resolve(r);
        },
      };
      if (this.linkUp && this.options.triggerOn) void this.options.transport.write(this.options.triggerOn);
    });
  }

  async selfTest(): Promise<SelfTestResult> {
    const t0 = this.clock.now();
    const open = this.linkUp || this.options.transport.isOpen;
    return {
      deviceId: this.id,
      passed: open,
      steps: [
        {
          name: 'link',
          passed: open,
          detail: open ? this.options.transport.description : 'not connected',
          durationMs: this.clock.now() - t0,
        },
      ],
    };
  }

  private finish(r: Result<ScannedCode, DeviceError>): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.clock.clearTimeout(this.gapTimer);
    this.framer.reset();
    if (this.linkUp && this.options.triggerOff) void this.options.transport.write(this.options.triggerOff);
    p.resolve(r);
  }

  private onBytes(chunk: Uint8Array): void {
    if (!this.pending) return; // not asked for: dropped unseen (never decoded, never logged)
    for (const frame of this.framer.push(chunk)) this.onFrame(frame);
    this.clock.clearTimeout(this.gapTimer);
    if (this.framer.pending > 0) {
      this.gapTimer = this.clock.setTimeout(() => {
        const f = this.framer.flush();
        if (f) this.onFrame(f);
      }, this.options.interByteTimeoutMs ?? 80);
    }
  }

  private onFrame(frame: Uint8Array): void {
    const p = this.pending;
    if (!p) return;
    const decoded = decodeScan(frame);
    if (!decoded.ok) {
      this.options.log?.info({ reason: decoded.error.code, bytes: frame.length }, 'unreadable scan');
      p.onEvent?.({ type: 'unreadable', reason: decoded.error.code });
      return;
    }
    const code = decoded.value;
    const text = textOf(code);
    const now = this.clock.now();
    const repeat = this.last?.text === text && now - this.last.at < (this.options.repeatWindowMs ?? 2000);
    this.last = { text, at: now };
    if (repeat) return; // the same code read twice in a row: the first read was already taken
    const purpose: ScanPurpose = code.kind === 'paymentNotice' ? 'paymentNotice' : 'paymentCode';
    if (!p.accept.includes(purpose)) {
      this.options.log?.info({ code: maskCode(code) }, 'scan of another kind than asked');
      p.onEvent?.({ type: 'unreadable', reason: 'wrongKind' });
      return;
    }
    this.options.log?.info({ code: maskCode(code) }, 'code scanned');
    this.finish(ok(code));
  }

  private sleep(ms: number): Promise<void> {
    return this.pause.sleep(ms);
  }

  private async run(): Promise<void> {
    let backoff = 500;
    while (this.running) {
      if (this.linkUp) {
        await this.sleep(60_000);
        continue;
      }
      const opened = this.options.transport.isOpen ? ok(undefined) : await this.options.transport.open();
      if (!this.running) break;
      if (!opened.ok) {
        this.tracker.set('offline', { reasonKey: 'device.reason.unreachable', detail: opened.error.detail });
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
        continue;
      }
      backoff = 500;
      this.linkUp = true;
      this.tracker.set('online', { media: [] });
      if (this.pending && this.options.triggerOn) void this.options.transport.write(this.options.triggerOn);
    }
  }
}
