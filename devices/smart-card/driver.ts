import type { Device } from '../core/device.js';
import { deviceError, type DeviceError } from '../core/errors.js';
import { runOperation, systemClock, type Clock } from '../core/operation.js';
import { err, ok, type Result } from '../core/result.js';
import type { SelfTestResult } from '../core/status.js';
import { StatusTracker } from '../core/status-tracker.js';
import type { PcscEvent, PcscTransport } from '../core/transports/pcsc.js';
import { readSocialSecurityCard, type PsamAuthenticator, type SocialSecurityRead } from './read-card.js';

export type SocialSecurityEvent =
  | { type: 'cardDetected' }
  | { type: 'cardPresented'; read: SocialSecurityRead; readMs: number }
  | { type: 'cardRemoved' }
  | { type: 'readFailed'; error: DeviceError };

export interface SocialSecurityReaderOptions {
  id: string;
  transport: PcscTransport;
  psam?: PsamAuthenticator;
  readTimeoutMs?: number;
  /** How often to retry when pcscd is not running or the reader is missing. */
  retryMs?: number;
  clock?: Clock;
}

/**
 * Social security card reader over PC/SC (pcsclite → pcscd). Reads the card when it is inserted, reports each card
 * once, and keeps retrying the PC/SC service, so pcscd restarting or starting late needs no kiosk restart.
 */
export class SocialSecurityCardReader implements Device {
  readonly kind = 'smartCardReader';
  readonly capabilities;
  private readonly tracker: StatusTracker;
  private readonly listeners = new Set<(e: SocialSecurityEvent) => void>();
  private readonly clock: Clock;
  private running = false;
  private retryTimer: unknown = null;
  private noReaderTimer: unknown = null;
  private readerName: string | null = null;
  private cardPresent = false;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly options: SocialSecurityReaderOptions) {
    this.clock = options.clock ?? systemClock;
    this.tracker = new StatusTracker(options.id, this.kind);
    this.capabilities = { psam: options.psam?.name ?? 'none', specVersions: ['1.00', '2.00', '3.00'] };
    options.transport.onEvent((e) => this.onTransport(e));
  }

  get id(): string {
    return this.options.id;
  }

  status() {
    return this.tracker.get();
  }

  info(): Record<string, string> {
    return {
      reader: this.readerName ?? `none found (${this.options.transport.description})`,
      psam: this.options.psam?.name ?? 'none',
    };
  }

  onStatus(listener: Parameters<Device['onStatus']>[0]) {
    return this.tracker.subscribe(listener);
  }

  onCard(listener: (e: SocialSecurityEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.running = true;
    this.connectService();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clock.clearTimeout(this.retryTimer);
    this.clock.clearTimeout(this.noReaderTimer);
    await this.reading;
    this.options.transport.stop();
  }

  private emit(e: SocialSecurityEvent): void {
    for (const l of this.listeners) l(e);
  }

  private connectService(): void {
    if (!this.running) return;
    this.options.transport.start();
    this.clock.clearTimeout(this.noReaderTimer);
    this.noReaderTimer = this.clock.setTimeout(() => {
      if (!this.readerName && this.tracker.get().reasonKey !== 'smartcard.reason.noService')
        this.tracker.set('offline', {
          reasonKey: 'smartcard.reason.noReader',
          detail: `no PC/SC reader named "${this.options.transport.description}"`,
        });
    }, 3000);
  }

  private retryLater(): void {
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => {
      this.options.transport.stop();
      this.connectService();
    }, this.options.retryMs ?? 5000);
  }

  private onTransport(e: PcscEvent): void {
    switch (e.type) {
      case 'serviceUnavailable':
        this.readerName = null;
        this.tracker.set('offline', {
          reasonKey: 'smartcard.reason.noService',
          detail: `PC/SC service (pcscd) unavailable: ${e.detail}`,
          media: [],
        });
        if (this.cardPresent) this.removed();
        this.retryLater();
        return;
      case 'readerAttached':
        this.readerName = e.reader;
        this.tracker.set('online', { media: [], detail: null, reasonKey: null });
        return;
      case 'readerDetached':
        this.readerName = null;
        if (this.cardPresent) this.removed();
        this.tracker.set('offline', { reasonKey: 'smartcard.reason.noReader', detail: `reader ${e.reader} detached`, media: [] });
        return;
      case 'cardInserted':
        this.cardPresent = true;
        this.tracker.set('busy', { media: ['cardPresent'] });
        this.emit({ type: 'cardDetected' });
        this.reading = this.readInserted();
        return;
      case 'cardRemoved':
        this.removed();
        return;
    }
  }

  private removed(): void {
    this.cardPresent = false;
    if (this.readerName) this.tracker.set('online', { media: [] });
    this.emit({ type: 'cardRemoved' });
  }

  private async readOnce(signal?: AbortSignal): Promise<Result<SocialSecurityRead, DeviceError>> {
    const t = this.options.transport;
    return runOperation(
      'readSocialSecurityCard',
      async (opSignal) => {
        const c = await t.connect();
        if (!c.ok) return c;
        try {
          return await readSocialSecurityCard((apdu) => t.transmit(apdu, opSignal), this.options.psam);
        } finally {
          await t.disconnectCard();
        }
      },
      { timeoutMs: this.options.readTimeoutMs ?? 8000, signal },
      this.clock,
    );
  }

  private async readInserted(): Promise<void> {
    const started = this.clock.now();
    const r = await this.readOnce();
    // pcscd notices a pulled card ~0.1 s after the failed exchange: give it that long before blaming the card
    if (!r.ok && this.cardPresent) await this.removalWithin(600);
    if (!this.cardPresent) {
      this.emit({ type: 'readFailed', error: deviceError('userError', 'card removed during the read', 'smartcard.error.keepInserted') });
      return;
    }
    this.tracker.set('online', { media: ['cardPresent'] });
    if (r.ok) this.emit({ type: 'cardPresented', read: r.value, readMs: this.clock.now() - started });
    else
      this.emit({
        type: 'readFailed',
        error:
          r.error.code === 'disconnected' || r.error.code === 'noMedia'
            ? { ...r.error, messageKey: 'smartcard.error.keepInserted' }
            : r.error,
      });
  }

  private removalWithin(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const off = this.onCard((e) => {
        if (e.type === 'cardRemoved') {
          off();
          this.clock.clearTimeout(timer);
          resolve();
        }
      });
      const timer = this.clock.setTimeout(() => {
        off();
        resolve();
      }, ms);
    });
  }

  async selfTest(signal?: AbortSignal): Promise<SelfTestResult> {
    const steps: SelfTestResult['steps'] = [];
    const step = (name: string, r: Result<string, DeviceError>, t0: number) =>
      steps.push({ name, passed: r.ok, detail: r.ok ? r.value : `${r.error.code}: ${r.error.detail}`, durationMs: this.clock.now() - t0 });
    let t0 = this.clock.now();
    const st = this.tracker.get();
    step(
      'pcscService',
      st.reasonKey === 'smartcard.reason.noService'
        ? err(deviceError('deviceNotReady', st.detail ?? 'pcscd unavailable'))
        : ok('pcscd answering'),
      t0,
    );
    t0 = this.clock.now();
    step('reader', this.readerName ? ok(this.readerName) : err(deviceError('deviceNotReady', 'no reader attached')), t0);
    t0 = this.clock.now();
    if (!this.readerName || !this.cardPresent) step('readTestCard', ok('skipped: no test card inserted'), t0);
    else {
      const r = await this.readOnce(signal);
      step('readTestCard', r.ok ? ok(`${r.value.kind} read of a spec ${r.value.card.specVersion ?? '?'} card`) : r, t0);
    }
    return { deviceId: this.id, passed: steps.every((s) => s.passed), steps };
  }
}
