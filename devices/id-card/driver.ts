import type { Device } from '../core/device.js';
import { WakeableSleep } from '../core/wakeable-sleep.js';
import type { DeviceError } from '../core/errors.js';
import { runOperation, systemClock, type Clock } from '../core/operation.js';
import { err, ok, type Result } from '../core/result.js';
import type { SelfTestResult } from '../core/status.js';
import { StatusTracker } from '../core/status-tracker.js';
import type { ByteTransport } from '../core/transport.js';
import { decodeCardContent, decodeResponse, encodeCommand, formatSamId, type CommandName, type SamResponse } from './codec.js';
import { errorForDecode, errorForStatus, isRetryable } from './errors.js';
import { FrameSplitter } from './framing.js';
import { decodeTextBlock, type Identity } from './text-block.js';

export interface CardRead {
  identity: Identity;
  /** Raw WLT photo: decodable only by the vendor's licensed library (see photo-decoder.ts). */
  photoWlt: Uint8Array;
  fingerprint: Uint8Array;
  /** From the find-card request that saw the card to the decoded identity. */
  readMs: number;
  /** Bytes on the wire for find (when polled), select and read, both directions: the benchmark's physical floor. */
  bytesExchanged: number;
}

export type IdCardEvent =
  | { type: 'cardDetected' }
  | { type: 'cardPresented'; card: CardRead }
  | { type: 'cardRemoved' }
  | { type: 'readFailed'; error: DeviceError };

export interface Ga467Options {
  id: string;
  transport: ByteTransport;
  pollIntervalMs?: number;
  commandTimeoutMs?: number;
  /** Use 30 10 (text + photo + fingerprint) instead of 30 01. */
  withFingerprint?: boolean;
  /** Reads of one card that may fail transiently (card moved, line noise) before it is rejected. */
  maxAttemptsPerCard?: number;
  clock?: Clock;
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void; debug?(o: object, m: string): void };
}

type CardState = 'absent' | 'reading' | 'read' | 'rejected';

/**
 * Driver for GA 467 SAM ID card readers over any byte transport (serial or HID). A loop polls find → select →
 * read; a card is reported once until it is removed. Removal is seen as a find-card poll that finds nothing, so a
 * card swapped for another within one poll interval (physically impossible at the default 300 ms) is not re-read. Commands are serialised; each has a timeout. A lost link
 * turns the reader offline and the loop reopens it with back-off: unplug/replug needs no restart.
 */
export class Ga467Reader implements Device {
  readonly kind = 'idCardReader';
  readonly capabilities;
  private readonly tracker: StatusTracker;
  private readonly splitter = new FrameSplitter();
  private readonly listeners = new Set<(e: IdCardEvent) => void>();
  private readonly clock: Clock;
  private readonly pause: WakeableSleep;
  private readonly pollIntervalMs: number;
  private readonly timeoutMs: number;
  private waiter: ((frame: Uint8Array) => void) | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private running = false;
  private loop: Promise<void> | null = null;
  private cardState: CardState = 'absent';
  private attempts = 0;
  private silentPolls = 0;
  private linkUp = false;
  private samId: string | null = null;

  constructor(private readonly options: Ga467Options) {
    this.clock = options.clock ?? systemClock;
    this.pause = new WakeableSleep(this.clock);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.timeoutMs = options.commandTimeoutMs ?? 1500;
    this.tracker = new StatusTracker(options.id, this.kind);
    this.capabilities = {
      fingerprint: options.withFingerprint ?? false,
      cardTypes: ['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023'],
    };
    options.transport.onData((chunk) => {
      const frames = this.splitter.push(chunk);
      chunk.fill(0); // the driver owns received card bytes: the splitter holds its own copy now
      for (const frame of frames) {
        const w = this.waiter;
        this.waiter = null;
        if (w) w(frame);
        else frame.fill(0);
      }
    });
    options.transport.onDisconnect((detail) => {
      this.linkUp = false;
      this.tracker.set('offline', { reasonKey: 'device.reason.disconnected', detail, media: [] });
      this.forgetCard();
      this.pause.wake();
    });
  }

  get id(): string {
    return this.options.id;
  }

  status() {
    return this.tracker.get();
  }

  info(): Record<string, string> {
    return { transport: this.options.transport.description, ...(this.samId ? { samId: this.samId } : {}) };
  }

  onStatus(listener: Parameters<Device['onStatus']>[0]) {
    return this.tracker.subscribe(listener);
  }

  onCard(listener: (e: IdCardEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
    await this.options.transport.close();
    this.linkUp = false;
  }

  /** One command/response exchange, serialised with every other. */
  exchange(
    name: CommandName,
    timeoutMs = this.timeoutMs,
    signal?: AbortSignal,
  ): Promise<Result<SamResponse & { bytes: number }, DeviceError>> {
    const run = async (): Promise<Result<SamResponse & { bytes: number }, DeviceError>> => {
      const request = encodeCommand(name);
      this.splitter.reset();
      return runOperation(
        name,
        (opSignal) =>
          new Promise((resolve) => {
            this.waiter = (frame) => {
              const decoded = decodeResponse(frame);
              if (!decoded.ok) resolve(err(errorForDecode(decoded.error, name)));
              else resolve(ok({ ...decoded.value, bytes: request.length + frame.length }));
            };
            opSignal.addEventListener('abort', () => (this.waiter = null), { once: true });
            const t0 = this.clock.now();
            const done = this.waiter;
            this.waiter = (frame) => {
              // opt-in tracer (KIOSK_LOG_LEVEL=debug): command, status and time, never the payload
              this.options.log?.debug?.({ cmd: name, sw3: frame[9], bytes: frame.length, ms: this.clock.now() - t0 }, 'ga467 exchange');
              done(frame);
            };
            void this.options.transport.write(request, opSignal).then((w) => {
              if (!w.ok) {
                this.waiter = null;
                resolve(w);
              }
            });
          }),
        { timeoutMs, signal },
        this.clock,
      );
    };
    const next = this.lock.then(run, run);
    this.lock = next;
    return next;
  }

  async readSamId(signal?: AbortSignal): Promise<Result<string, DeviceError>> {
    const r = await this.exchange('readSamId', this.timeoutMs, signal);
    if (!r.ok) return r;
    if (r.value.status !== 'ok') return err(errorForStatus(r.value.status, r.value.sw3, 'readSamId'));
    const id = formatSamId(r.value.data);
    return id.ok ? id : err(errorForDecode(id.error, 'readSamId'));
  }

  /** The appended address (30 03) written when a resident moves; null when the card has none (SW3 91). */
  async readAppendedAddress(signal?: AbortSignal): Promise<Result<string | null, DeviceError>> {
    const r = await this.exchange('readAppendedAddress', this.timeoutMs, signal);
    if (!r.ok) return r;
    if (r.value.status === 'noContent') return ok(null);
    if (r.value.status !== 'ok') return err(errorForStatus(r.value.status, r.value.sw3, 'readAppendedAddress'));
    return ok(new TextDecoder('utf-16le').decode(r.value.data).replace(/[\s\u0000]+$/u, '') || null);
  }

  /** Select and read the card on the reader (the card must have been found). */
  async readCard(signal?: AbortSignal): Promise<Result<CardRead, DeviceError>> {
    const started = this.clock.now();
    let bytes = 0;
    const select = await this.exchange('selectCard', this.timeoutMs, signal);
    if (!select.ok) return select;
    bytes += select.value.bytes;
    if (select.value.status !== 'ok') return err(errorForStatus(select.value.status, select.value.sw3, 'selectCard'));
    const withFp = this.options.withFingerprint ?? false;
    const read = await this.exchange(withFp ? 'readTextPhotoFingerprint' : 'readTextPhoto', this.timeoutMs * 2, signal);
    if (!read.ok) return read;
    bytes += read.value.bytes;
    if (read.value.status !== 'ok') return err(errorForStatus(read.value.status, read.value.sw3, 'readCard'));
    const content = decodeCardContent(read.value.data, withFp);
    // the reply frame (data is a view into it) has been copied into text, photo and fingerprint: zero it
    new Uint8Array(read.value.data.buffer).fill(0);
    if (!content.ok) return err(errorForDecode(content.error, 'readCard'));
    const identity = decodeTextBlock(content.value.text);
    content.value.text.fill(0);
    if (!identity.ok) return err(errorForDecode(identity.error, 'readCard'));
    return ok({
      identity: identity.value,
      photoWlt: content.value.photo,
      fingerprint: content.value.fingerprint,
      readMs: this.clock.now() - started,
      bytesExchanged: bytes,
    });
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const steps: SelfTestResult['steps'] = [];
    const step = async (name: string, fn: () => Promise<Result<string, DeviceError>>) => {
      const t0 = this.clock.now();
      const r = await fn();
      steps.push({ name, passed: r.ok, detail: r.ok ? r.value : `${r.error.code}: ${r.error.detail}`, durationMs: this.clock.now() - t0 });
    };
    await step('samStatus', async () => {
      const r = await this.exchange('samStatus', this.timeoutMs, signal);
      if (!r.ok) return r;
      return r.value.status === 'ok' ? ok('SAM ready (90)') : err(errorForStatus(r.value.status, r.value.sw3, 'samStatus'));
    });
    await step('samId', () => this.readSamId(signal));
    await step('readTestCard', async () => {
      const find = await this.exchange('findCard', this.timeoutMs, signal);
      if (!find.ok) return find;
      if (find.value.status !== 'cardFound') return ok('skipped: no test card on the reader');
      const card = await this.readCard(signal);
      // a successful test read is not a resident's read: only the card type is reported
      return card.ok ? ok(`read ${card.value.identity.cardType} card in ${card.value.readMs} ms`) : card;
    });
    return { deviceId: this.id, passed: steps.every((s) => s.passed), steps };
  }

  private emit(e: IdCardEvent): void {
    for (const l of this.listeners) l(e);
  }

  private forgetCard(): void {
    if (this.cardState !== 'absent') {
      this.cardState = 'absent';
      this.emit({ type: 'cardRemoved' });
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.pause.sleep(ms);
  }

  private async run(): Promise<void> {
    let backoff = 500;
    while (this.running) {
      if (!this.linkUp) {
        const opened = this.options.transport.isOpen ? ok(undefined) : await this.options.transport.open();
        if (!opened.ok) {
          this.tracker.set('offline', { reasonKey: 'device.reason.unreachable', detail: opened.error.detail, media: [] });
          await this.sleep(backoff);
          backoff = Math.min(backoff * 2, 5000);
          continue;
        }
        this.linkUp = true;
        backoff = 500;
        await this.checkSam();
        continue;
      }
      await this.pollOnce();
      if (this.running) await this.sleep(this.pollIntervalMs);
    }
  }

  private async checkSam(): Promise<void> {
    const r = await this.exchange('samStatus');
    if (!r.ok) return this.noteFailure(r.error);
    this.silentPolls = 0;
    if (r.value.status === 'ok') {
      const id = await this.readSamId();
      if (id.ok) this.samId = id.value;
      this.tracker.set('online', { media: [] });
    } else {
      const e = errorForStatus(r.value.status, r.value.sw3, 'samStatus');
      this.tracker.set('hardwareError', { reasonKey: e.messageKey, detail: e.detail });
    }
  }

  private noteFailure(e: DeviceError): void {
    if (e.code === 'disconnected') {
      this.linkUp = false;
      this.tracker.set('offline', { reasonKey: 'device.reason.disconnected', detail: e.detail, media: [] });
      this.forgetCard();
      return;
    }
    if (e.code === 'timeout') {
      this.silentPolls++;
      if (this.silentPolls >= 3) {
        this.tracker.set('offline', { reasonKey: 'device.reason.noAnswer', detail: e.detail, media: [] });
        this.forgetCard();
      }
      return;
    }
    this.options.log?.warn({ code: e.code, detail: e.detail }, 'id card reader exchange failed');
  }

  private async pollOnce(): Promise<void> {
    const findStarted = this.clock.now();
    const find = await this.exchange('findCard');
    if (!find.ok) return this.noteFailure(find.error);
    if (this.silentPolls > 0 || this.tracker.get().state === 'offline') {
      this.silentPolls = 0;
      await this.checkSam();
      return;
    }
    const status = find.value.status;
    if (status !== 'cardFound') {
      if (status === 'samNotAuthorised' || status === 'samSelfTestFailed') {
        const e = errorForStatus(status, find.value.sw3, 'findCard');
        this.tracker.set('hardwareError', { reasonKey: e.messageKey, detail: e.detail });
      } else if (this.tracker.get().state !== 'online' || this.tracker.get().media.length) this.tracker.set('online', { media: [] });
      this.forgetCard();
      return;
    }
    if (this.cardState === 'read' || this.cardState === 'rejected') return;
    if (this.cardState === 'absent') {
      this.cardState = 'reading';
      this.attempts = 0;
      this.tracker.set('busy', { media: ['cardPresent'], reasonKey: null, detail: null });
      this.emit({ type: 'cardDetected' });
    }
    const card = await this.readCard();
    if (card.ok) {
      this.cardState = 'read';
      this.tracker.set('online', { media: ['cardPresent'] });
      const timed = { ...card.value, readMs: this.clock.now() - findStarted, bytesExchanged: card.value.bytesExchanged + find.value.bytes };
      this.emit({ type: 'cardPresented', card: timed });
      return;
    }
    if (card.error.code === 'disconnected') return this.noteFailure(card.error);
    this.attempts++;
    if (!isRetryable(card.error) || this.attempts >= (this.options.maxAttemptsPerCard ?? 3)) {
      this.cardState = 'rejected';
      this.tracker.set('online', { media: ['cardPresent'] });
    }
    this.emit({ type: 'readFailed', error: card.error });
  }
}
