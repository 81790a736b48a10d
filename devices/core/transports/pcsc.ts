import { createRequire } from 'node:module';
import { deviceError, type DeviceError } from '../errors.js';
import { err, ok, type Result } from '../result.js';

interface PcscReader {
  name: string;
  state: number;
  SCARD_STATE_PRESENT: number;
  SCARD_SHARE_SHARED: number;
  SCARD_LEAVE_CARD: number;
  on(event: 'status', cb: (s: { state: number; atr?: Buffer }) => void): void;
  on(event: 'end' | 'error', cb: (e?: Error) => void): void;
  connect(opts: { share_mode: number }, cb: (e: Error | null, protocol: number) => void): void;
  disconnect(disposition: number, cb: (e: Error | null) => void): void;
  transmit(data: Buffer, resLen: number, protocol: number, cb: (e: Error | null, data: Buffer) => void): void;
  close(): void;
}
interface PcscContext {
  on(event: 'reader', cb: (r: PcscReader) => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  close(): void;
}

export type PcscEvent =
  | { type: 'readerAttached'; reader: string }
  | { type: 'readerDetached'; reader: string }
  | { type: 'cardInserted'; reader: string; atr: Uint8Array }
  | { type: 'cardRemoved'; reader: string }
  | { type: 'serviceUnavailable'; detail: string };

/**
 * PC/SC transport over pcsclite: watches one reader (chosen by name prefix), reports card insert/remove,
 * and sends APDUs to the card. When pcscd is not running the transport reports `serviceUnavailable`.
 */
export class PcscTransport {
  private context: PcscContext | null = null;
  private reader: PcscReader | null = null;
  private protocol: number | null = null;
  private readonly listeners = new Set<(e: PcscEvent) => void>();

  constructor(private readonly readerName: string) {}

  get description(): string {
    return `pcsc "${this.readerName}"`;
  }

  onEvent(listener: (e: PcscEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: PcscEvent): void {
    for (const l of this.listeners) l(e);
  }

  start(): void {
    let ctx: PcscContext;
    try {
      const pcsclite = createRequire(import.meta.url)('pcsclite') as () => PcscContext;
      ctx = pcsclite();
    } catch (e) {
      this.emit({ type: 'serviceUnavailable', detail: (e as Error).message });
      return;
    }
    this.context = ctx;
    ctx.on('error', (e) => this.emit({ type: 'serviceUnavailable', detail: e.message }));
    ctx.on('reader', (reader) => {
      if (!reader.name.startsWith(this.readerName)) return;
      this.reader = reader;
      this.emit({ type: 'readerAttached', reader: reader.name });
      let present = false;
      reader.on('status', (s) => {
        const nowPresent = (s.state & reader.SCARD_STATE_PRESENT) !== 0;
        if (nowPresent === present) return;
        present = nowPresent;
        if (nowPresent) this.emit({ type: 'cardInserted', reader: reader.name, atr: new Uint8Array(s.atr ?? []) });
        else {
          this.protocol = null;
          this.emit({ type: 'cardRemoved', reader: reader.name });
        }
      });
      reader.on('end', () => {
        if (this.reader === reader) this.reader = null;
        this.protocol = null;
        this.emit({ type: 'readerDetached', reader: reader.name });
      });
      reader.on('error', () => {
        /* status errors surface as failed transmits */
      });
    });
  }

  connect(): Promise<Result<void, DeviceError>> {
    const reader = this.reader;
    if (!reader) return Promise.resolve(err(deviceError('deviceNotReady', `${this.description}: reader not attached`)));
    return new Promise((resolve) => {
      reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (e, protocol) => {
        if (e) resolve(err(deviceError('noMedia', `connect: ${e.message}`)));
        else {
          this.protocol = protocol;
          resolve(ok(undefined));
        }
      });
    });
  }

  transmit(apdu: Uint8Array, signal?: AbortSignal): Promise<Result<Uint8Array, DeviceError>> {
    const reader = this.reader;
    const protocol = this.protocol;
    if (!reader || protocol === null) return Promise.resolve(err(deviceError('noMedia', 'no card connected')));
    if (signal?.aborted) return Promise.resolve(err(deviceError('canceled', 'transmit canceled')));
    return new Promise((resolve) => {
      reader.transmit(Buffer.from(apdu), 258, protocol, (e, data) => {
        if (e) resolve(err(deviceError('disconnected', `transmit: ${e.message}`)));
        else resolve(ok(new Uint8Array(data)));
      });
    });
  }

  async disconnectCard(): Promise<void> {
    const reader = this.reader;
    if (!reader || this.protocol === null) return;
    this.protocol = null;
    await new Promise<void>((resolve) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve()));
  }

  stop(): void {
    this.reader?.close();
    this.reader = null;
    this.context?.close();
    this.context = null;
  }
}
